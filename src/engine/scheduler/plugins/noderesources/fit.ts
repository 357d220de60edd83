// NodeResourcesFit: mirrors pkg/scheduler/framework/plugins/noderesources/fit.go (Filter) with the
// default LeastAllocated scoring strategy (resource_allocation.go, least_allocated.go).
import type { Pod } from '../../../api/core';
import type { CycleState } from '../../framework/cycle_state';
import type { NodeInfo } from '../../framework/node_info';
import { podRequests, type Resource } from '../../framework/pod_resources';
import {
  Status,
  UNSCHEDULABLE,
  UNSCHEDULABLE_AND_UNRESOLVABLE,
  type ClusterEvent,
  type FilterPlugin,
  type PreFilterPlugin,
  type PreScorePlugin,
  type ScorePlugin,
} from '../../framework/types';
import { leastRequestedScore } from './least_allocated';

export const Name = 'NodeResourcesFit';
const PRE_FILTER_KEY = `PreFilter${Name}`;
const PRE_SCORE_KEY = `PreScore${Name}`;

export interface InsufficientResource {
  resourceName: 'pods' | 'cpu' | 'memory';
  reason: 'Too many pods' | 'Insufficient cpu' | 'Insufficient memory';
  requested: number;
  used: number;
  capacity: number;
  /** The pod would not fit even on the empty node: removing other pods (preemption) cannot help. */
  unresolvable: boolean;
}

/**
 * fitsRequest: the node must have room for one more pod, and the pod's real requests must fit
 * in allocatable minus what is already requested. A pod requesting nothing only needs a pod slot.
 * Example: allocatable 2000m, already requested 1500m, pod asks 600m ⇒ 600 > 500 ⇒ Insufficient cpu.
 */
export function fitsRequest(podRequest: Resource, nodeInfo: NodeInfo): InsufficientResource[] {
  const out: InsufficientResource[] = [];
  const allowed = nodeInfo.allowedPodNumber;
  if (nodeInfo.pods.size + 1 > allowed) {
    out.push({ resourceName: 'pods', reason: 'Too many pods', requested: 1, used: nodeInfo.pods.size, capacity: allowed, unresolvable: false });
  }
  if (podRequest.milliCPU === 0 && podRequest.memory === 0) return out;
  const a = nodeInfo.allocatable;
  const r = nodeInfo.requested;
  if (podRequest.milliCPU > 0 && podRequest.milliCPU > a.milliCPU - r.milliCPU) {
    out.push({
      resourceName: 'cpu', reason: 'Insufficient cpu', requested: podRequest.milliCPU, used: r.milliCPU, capacity: a.milliCPU,
      unresolvable: podRequest.milliCPU > a.milliCPU,
    });
  }
  if (podRequest.memory > 0 && podRequest.memory > a.memory - r.memory) {
    out.push({
      resourceName: 'memory', reason: 'Insufficient memory', requested: podRequest.memory, used: r.memory, capacity: a.memory,
      unresolvable: podRequest.memory > a.memory,
    });
  }
  return out;
}

/** Every insufficient resource is a reason; one that cannot fit even an empty node makes it unresolvable. */
export function statusFor(insufficient: readonly InsufficientResource[]): Status | null {
  if (insufficient.length === 0) return null;
  let code: typeof UNSCHEDULABLE | typeof UNSCHEDULABLE_AND_UNRESOLVABLE = UNSCHEDULABLE;
  for (const r of insufficient) if (r.unresolvable) code = UNSCHEDULABLE_AND_UNRESOLVABLE;
  return new Status(code, insufficient.map((r) => r.reason));
}

/**
 * LeastAllocated: prefer the emptiest node, counting unset requests as 100m / 200Mi so that pods
 * without requests still spread. Example: empty node with 4 CPU / 8 GiB, pod without requests:
 * cpu (4000-100)*100/4000 = 97, memory (8192Mi-200Mi)*100/8192Mi = 97 ⇒ 97.
 */
export function leastAllocated(podNonZero: Resource, nodeInfo: NodeInfo): number {
  const nz = nodeInfo.nonZeroRequested;
  const a = nodeInfo.allocatable;
  // leastAllocatedScore for [cpu, memory] with weights [1, 1], without allocating arrays per node.
  const cpu = leastRequestedScore(nz.milliCPU + podNonZero.milliCPU, a.milliCPU);
  const mem = leastRequestedScore(nz.memory + podNonZero.memory, a.memory);
  return Math.floor((cpu + mem) / 2);
}

/** The common case without allocating: a free pod slot and room for the requests. */
function fitsFast(podRequest: Resource, nodeInfo: NodeInfo): boolean {
  const a = nodeInfo.allocatable;
  const r = nodeInfo.requested;
  return (
    nodeInfo.pods.size + 1 <= nodeInfo.allowedPodNumber &&
    !(podRequest.milliCPU > 0 && podRequest.milliCPU > a.milliCPU - r.milliCPU) &&
    !(podRequest.memory > 0 && podRequest.memory > a.memory - r.memory)
  );
}

export class Fit implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = Name;
  readonly events: readonly ClusterEvent[] = ['NodeAdd', 'NodeAllocatableChange', 'AssignedPodDelete', 'UnscheduledPodUpdate'];

  preFilter(state: CycleState, pod: Pod): Status | null {
    state.write(PRE_FILTER_KEY, podRequests(pod.spec));
    return null;
  }

  filter(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | null {
    const req = state.read<Resource>(PRE_FILTER_KEY) ?? podRequests(pod.spec);
    if (fitsFast(req, nodeInfo)) return null;
    return statusFor(fitsRequest(req, nodeInfo));
  }

  preScore(state: CycleState, pod: Pod): Status | null {
    state.write(PRE_SCORE_KEY, podRequests(pod.spec, true));
    return null;
  }

  score(state: CycleState, pod: Pod, nodeInfo: NodeInfo): number {
    return leastAllocated(state.read<Resource>(PRE_SCORE_KEY) ?? podRequests(pod.spec, true), nodeInfo);
  }
}

export function New(): Fit {
  return new Fit();
}
