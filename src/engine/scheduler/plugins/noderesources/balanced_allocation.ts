// NodeResourcesBalancedAllocation: mirrors pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go.
import type { Pod } from '../../../api/core';
import type { CycleState } from '../../framework/cycle_state';
import type { NodeInfo } from '../../framework/node_info';
import { podRequests, type Resource } from '../../framework/pod_resources';
import { MAX_NODE_SCORE, SKIP_STATUS, type PreScorePlugin, type ScorePlugin, type Status } from '../../framework/types';

export const Name = 'NodeResourcesBalancedAllocation';
const PRE_SCORE_KEY = `PreScore${Name}`;

/**
 * Prefer nodes whose cpu and memory would be used in equal shares. For two resources the standard
 * deviation of the shares is |f_cpu - f_mem| / 2; score = int((1 - std) * 100).
 * Example: cpu 100m of 4000m (f = 0.025), memory 200Mi of 8Gi (f ≈ 0.0244) ⇒ std ≈ 0.0003 ⇒ 99.
 * Example: cpu 3000m of 4000m (0.75), memory 2Gi of 8Gi (0.25) ⇒ std 0.25 ⇒ 75.
 */
export function balancedResourceScorer(requested: readonly number[], allocatable: readonly number[]): number {
  const fractions: number[] = [];
  let total = 0;
  for (let i = 0; i < requested.length; i++) {
    if (allocatable[i] === 0) continue;
    const f = Math.min(requested[i] / allocatable[i], 1);
    total += f;
    fractions.push(f);
  }
  let std = 0;
  if (fractions.length === 2) {
    std = Math.abs((fractions[0] - fractions[1]) / 2);
  } else if (fractions.length > 2) {
    const mean = total / fractions.length;
    let sum = 0;
    for (const f of fractions) sum += (f - mean) * (f - mean);
    std = Math.sqrt(sum / fractions.length);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/** Uses the real requests (useRequested), of the node's pods plus the incoming pod. */
export function balancedAllocation(podReq: Resource, nodeInfo: NodeInfo): number {
  const r = nodeInfo.requested;
  const a = nodeInfo.allocatable;
  if (a.milliCPU === 0 || a.memory === 0) {
    return balancedResourceScorer([r.milliCPU + podReq.milliCPU, r.memory + podReq.memory], [a.milliCPU, a.memory]);
  }
  // The two-resource case of balancedResourceScorer, without allocating arrays per node.
  const fCPU = Math.min((r.milliCPU + podReq.milliCPU) / a.milliCPU, 1);
  const fMem = Math.min((r.memory + podReq.memory) / a.memory, 1);
  return Math.trunc((1 - Math.abs((fCPU - fMem) / 2)) * MAX_NODE_SCORE);
}

export class BalancedAllocation implements PreScorePlugin, ScorePlugin {
  readonly name = Name;

  /**
   * A best-effort pod (no requests at all) is not scored: otherwise every such pod would prefer the
   * same perfectly balanced node (kubernetes/kubernetes#129138).
   */
  preScore(state: CycleState, pod: Pod): Status | null {
    const req = podRequests(pod.spec);
    if (req.milliCPU === 0 && req.memory === 0) return SKIP_STATUS;
    state.write(PRE_SCORE_KEY, req);
    return null;
  }

  score(state: CycleState, pod: Pod, nodeInfo: NodeInfo): number {
    return balancedAllocation(state.read<Resource>(PRE_SCORE_KEY) ?? podRequests(pod.spec), nodeInfo);
  }
}

export function New(): BalancedAllocation {
  return new BalancedAllocation();
}
