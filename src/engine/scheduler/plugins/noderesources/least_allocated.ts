// LeastAllocated scoring strategy: mirrors pkg/scheduler/framework/plugins/noderesources/least_allocated.go.

/**
 * Per resource: the share left free after placing the pod, 0..100 (integer division).
 * Example: 4000m allocatable, 100m requested ⇒ (4000 - 100) * 100 / 4000 = 97 (97.5 truncated).
 */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0) return 0;
  if (requested > capacity) return 0;
  return Math.floor(((capacity - requested) * 100) / capacity);
}

/**
 * Weighted mean over resources (cpu and memory, weight 1 each).
 * Example: cpu 97, memory 97 ⇒ (97 + 97) / 2 = 97.
 */
export function leastAllocatedScore(requested: readonly number[], allocatable: readonly number[], weights: readonly number[] = [1, 1]): number {
  let score = 0;
  let weightSum = 0;
  for (let i = 0; i < requested.length; i++) {
    score += leastRequestedScore(requested[i], allocatable[i]) * weights[i];
    weightSum += weights[i];
  }
  return weightSum === 0 ? 0 : Math.floor(score / weightSum);
}
