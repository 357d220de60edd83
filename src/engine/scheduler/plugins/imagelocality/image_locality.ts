// ImageLocality: mirrors pkg/scheduler/framework/plugins/imagelocality/image_locality.go.
import type { Pod } from '../../../api/core';
import type { CycleState } from '../../framework/cycle_state';
import type { Handle } from '../../framework/handle';
import type { ImageStateSummary, NodeInfo } from '../../framework/node_info';
import { MAX_NODE_SCORE, type ScorePlugin } from '../../framework/types';

export const Name = 'ImageLocality';
const MB = 1024 * 1024;
/** Below 23 MB of already-present images a node gets no credit. */
export const MIN_THRESHOLD = 23 * MB;
/** Credit saturates at 1000 MB per container. */
export const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** A name without a tag gets ":latest" (`nginx` ⇒ `nginx:latest`); digests are left alone. */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

/** An image present on few nodes earns little, so pods do not all pile onto one node: size * share. */
export function scaledImageScore(state: ImageStateSummary, totalNumNodes: number): number {
  return Math.trunc(state.size * (state.numNodes / totalNumNodes));
}

/**
 * Clamp the sum into [23 MB, 1000 MB * containers] and map it linearly onto 0..100.
 * Example: one container, 500 MB present on every node ⇒ 100 * (500 - 23) / (1000 - 23) = 48.
 */
export function calculatePriority(sumScores: number, numContainers: number): number {
  const maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers;
  const s = Math.min(Math.max(sumScores, MIN_THRESHOLD), maxThreshold);
  return Math.trunc((MAX_NODE_SCORE * (s - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

export function sumImageScores(pod: Pod, nodeInfo: NodeInfo, totalNumNodes: number): number {
  let sum = 0;
  for (const c of [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])]) {
    if (!c.image) continue;
    const st = nodeInfo.imageStates.get(normalizedImageName(c.image));
    if (st) sum += scaledImageScore(st, totalNumNodes);
  }
  return sum;
}

export class ImageLocality implements ScorePlugin {
  readonly name = Name;
  constructor(private readonly handle: Handle) {}

  score(_state: CycleState, pod: Pod, nodeInfo: NodeInfo): number {
    if (nodeInfo.imageStates.size === 0) return 0;
    const total = this.handle.nodeInfos().length;
    const n = (pod.spec.initContainers?.length ?? 0) + (pod.spec.containers?.length ?? 0);
    return calculatePriority(sumImageScores(pod, nodeInfo, total), n);
  }
}

export function New(handle: Handle): ImageLocality {
  return new ImageLocality(handle);
}
