// The arithmetic of a PodDisruptionBudget: mirrors getExpectedPodCount, countHealthyPods,
// buildDisruptedPodMap and updatePdbStatus in pkg/controller/disruption/disruption.go. Pure.
import type { Pod } from '../../api/core';
import type { IntOrString } from '../../api/meta';
import type { PodDisruptionBudget } from '../../api/policy';

/** DeletionTimeout: an eviction not followed by a deletion within 2 minutes is forgotten. */
export const DELETION_TIMEOUT_MS = 2 * 60_000;

/** GetScaledValueFromIntOrPercent with roundUp: "50%" of 3 → ceil(1.5) = 2. */
export function scaledValue(v: IntOrString, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return /^\d+$/.test(v) ? Number(v) : NaN;
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** Does the budget need the controllers' scale (maxUnavailable, or a percentage minAvailable)? */
export function needsScale(pdb: PodDisruptionBudget): boolean {
  return pdb.spec.maxUnavailable !== undefined || typeof pdb.spec.minAvailable === 'string';
}

/**
 * getExpectedPodCount → (expectedCount, desiredHealthy).
 * Worked examples, 3 pods of a 3-replica Deployment:
 *  minAvailable 2     → desired 2, expected 3 (the number of pods)
 *  minAvailable "50%" → expected 3 (the scale), desired ceil(1.5) = 2
 *  maxUnavailable 1   → expected 3, desired 3 - 1 = 2
 *  maxUnavailable "50%" → desired 3 - ceil(1.5) = 1
 */
export function expectedPodCount(pdb: PodDisruptionBudget, podCount: number, scale: number): { expectedCount: number; desiredHealthy: number } {
  const { minAvailable, maxUnavailable } = pdb.spec;
  if (maxUnavailable !== undefined) {
    const desired = scale - scaledValue(maxUnavailable, scale, true);
    return { expectedCount: scale, desiredHealthy: Math.max(0, desired) };
  }
  if (typeof minAvailable === 'number') return { expectedCount: podCount, desiredHealthy: minAvailable };
  if (typeof minAvailable === 'string') return { expectedCount: scale, desiredHealthy: scaledValue(minAvailable, scale, true) };
  return { expectedCount: 0, desiredHealthy: 0 };
}

export function isPodReady(p: Pod): boolean {
  return (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/**
 * buildDisruptedPodMap: keep the evictions still in flight — the pod exists, is not yet being
 * deleted, and the eviction is younger than DeletionTimeout. Returns the map and the earliest
 * moment an entry expires (when the budget must be recomputed).
 */
export function buildDisruptedPodMap(pdb: PodDisruptionBudget, pods: readonly Pod[], now: number, parse: (ts: string) => number): { map: Record<string, string>; recheckAt?: number } {
  const byName = new Map(pods.map((p) => [p.metadata.name ?? '', p]));
  const map: Record<string, string> = {};
  let recheckAt: number | undefined;
  for (const [name, ts] of Object.entries(pdb.status?.disruptedPods ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const pod = byName.get(name);
    if (!pod || pod.metadata.deletionTimestamp) continue;
    const expires = parse(ts) + DELETION_TIMEOUT_MS;
    if (expires <= now) continue;
    map[name] = ts;
    recheckAt = recheckAt === undefined ? expires : Math.min(recheckAt, expires);
  }
  return { map, recheckAt };
}

/** countHealthyPods: Ready, not being deleted, not just evicted. */
export function countHealthyPods(pods: readonly Pod[], disrupted: Record<string, string>): number {
  let n = 0;
  for (const p of pods) {
    if (p.metadata.deletionTimestamp) continue;
    if (disrupted[p.metadata.name ?? ''] !== undefined) continue;
    if (isPodReady(p)) n++;
  }
  return n;
}

/** disruptionsAllowed = currentHealthy - desiredHealthy, never negative, 0 when nothing is expected. */
export function disruptionsAllowed(currentHealthy: number, desiredHealthy: number, expectedCount: number): number {
  const d = currentHealthy - desiredHealthy;
  return expectedCount <= 0 || d <= 0 ? 0 : d;
}
