// NodeInfo: a node plus what the scheduler knows is placed on it. Mirrors NodeInfo in
// pkg/scheduler/framework/types.go. Kept up to date incrementally by the scheduler cache.
import type { Node, Pod } from '../../api/core';
import { bytes, milliCPU } from '../../api/quantity';
import { getContainerPorts, HostPortInfo, type HostPort } from './host_ports';
import { podRequests, type Resource } from './pod_resources';

/** What the scheduler remembers of a pod placed on a node (computed once, when it is added). */
export interface PodInfo {
  key: string;
  pod: Pod;
  /** Real requests (0 when unset): what Filter compares against allocatable. */
  requests: Resource;
  /** Requests with the 100m / 200Mi defaults for unset ones: what LeastAllocated scores with. */
  nonZero: Resource;
  ports: HostPort[];
}

export function newPodInfo(key: string, pod: Pod): PodInfo {
  return { key, pod, requests: podRequests(pod.spec), nonZero: podRequests(pod.spec, true), ports: getContainerPorts(pod.spec) };
}

/** ImageStateSummary: an image's size and on how many nodes it is present (shared by all nodes). */
export interface ImageStateSummary {
  size: number;
  numNodes: number;
}

export class NodeInfo {
  node: Node | undefined = undefined;
  readonly pods = new Map<string, PodInfo>();
  readonly requested: Resource = { milliCPU: 0, memory: 0 };
  readonly nonZeroRequested: Resource = { milliCPU: 0, memory: 0 };
  readonly allocatable: Resource = { milliCPU: 0, memory: 0 };
  allowedPodNumber = 0;
  readonly usedPorts = new HostPortInfo();
  /** Normalised image name -> summary; filled by the cache from node.status.images. */
  imageStates = new Map<string, ImageStateSummary>();
  /** Bumped on every change, so per-node memos (see `memo`) know when to recompute. */
  generation = 0;
  /** Plugin memos valid while `generation` is unchanged (e.g. PodTopologySpread's pod counts). */
  readonly memo = new Map<string, { generation: number; value: number }>();

  constructor(readonly name: string) {}

  setNode(node: Node | undefined): void {
    this.node = node;
    this.generation++;
    if (!node) return;
    // The API server defaults allocatable to capacity when a kubelet reports none.
    const alloc = node.status?.allocatable ?? node.status?.capacity ?? {};
    const cap = node.status?.capacity ?? {};
    this.allocatable.milliCPU = numberOr0(milliCPU(alloc.cpu ?? cap.cpu ?? 0));
    this.allocatable.memory = numberOr0(bytes(alloc.memory ?? cap.memory ?? 0));
    this.allowedPodNumber = numberOr0(Math.floor(Number(alloc.pods ?? cap.pods ?? 0)));
  }

  addPod(pi: PodInfo): void {
    if (this.pods.has(pi.key)) this.removePod(pi.key);
    this.pods.set(pi.key, pi);
    this.requested.milliCPU += pi.requests.milliCPU;
    this.requested.memory += pi.requests.memory;
    this.nonZeroRequested.milliCPU += pi.nonZero.milliCPU;
    this.nonZeroRequested.memory += pi.nonZero.memory;
    for (const p of pi.ports) this.usedPorts.add(p);
    this.generation++;
  }

  removePod(key: string): PodInfo | undefined {
    const pi = this.pods.get(key);
    if (!pi) return undefined;
    this.pods.delete(key);
    this.requested.milliCPU -= pi.requests.milliCPU;
    this.requested.memory -= pi.requests.memory;
    this.nonZeroRequested.milliCPU -= pi.nonZero.milliCPU;
    this.nonZeroRequested.memory -= pi.nonZero.memory;
    for (const p of pi.ports) this.usedPorts.remove(p);
    this.generation++;
    return pi;
  }
}

function numberOr0(n: number): number {
  return Number.isFinite(n) ? n : 0;
}
