// Mirrors pkg/controller/controller_utils.go (IsPodActive, ActivePodsWithRanks, slowStartBatch
// sizes) and pkg/api/v1/pod/util.go (IsPodReady, IsPodAvailable): pure helpers about pods.
import type { Pod } from '../../api/core';

/** Pod annotation that lets a user say "delete me first" (lower cost goes first). */
export const POD_DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';
/** BurstReplicas: at most this many creates or deletes per sync. */
export const BURST_REPLICAS = 500;
/** controller.SlowStartInitialBatchSize */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;

/** IsPodActive: not Succeeded, not Failed, not being deleted. */
export function isPodActive(p: Pod): boolean {
  const phase = p.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !p.metadata.deletionTimestamp;
}

export function isPodReady(p: Pod): boolean {
  // A plain loop: this runs for every pod on every ReplicaSet sync.
  const conds = p.status?.conditions;
  if (conds) for (const c of conds) if (c.type === 'Ready' && c.status === 'True') return true;
  return false;
}

/** Time (epoch ms) the Ready condition last became True, or undefined. */
export function podReadyTimeMs(p: Pod): number | undefined {
  if (!isPodReady(p)) return undefined;
  const c = p.status?.conditions?.find((x) => x.type === 'Ready' && x.status === 'True');
  const t = c?.lastTransitionTime ? Date.parse(c.lastTransitionTime) : NaN;
  return Number.isNaN(t) ? undefined : t;
}

/**
 * IsPodAvailable: Ready, and Ready for strictly more than minReadySeconds.
 * minReadySeconds 10, Ready since 09:00:00: at 09:00:10 still not available, at 09:00:10.001 it is.
 */
export function isPodAvailable(p: Pod, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(p)) return false;
  if (!minReadySeconds) return true;
  const t = podReadyTimeMs(p);
  return t !== undefined && t + minReadySeconds * 1000 < nowMs;
}

/**
 * slowStartBatch sizes: 1, 2, 4, 8, … until `count` is used up. 10 pods → [1, 2, 4, 3].
 * A batch is tried in full (in parallel upstream); the first batch with an error stops the rest,
 * so a broken template costs one failed call instead of 500.
 */
export function slowStartBatches(count: number, initialBatchSize = SLOW_START_INITIAL_BATCH_SIZE): number[] {
  const out: number[] = [];
  let remaining = count;
  for (let batch = Math.min(remaining, initialBatchSize); batch > 0; batch = Math.min(2 * batch, remaining)) {
    out.push(batch);
    remaining -= batch;
  }
  return out;
}

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function deletionCost(p: Pod): number {
  const v = p.metadata.annotations?.[POD_DELETION_COST_ANNOTATION];
  if (v === undefined || !/^[+-]?\d+$/.test(v.trim())) return 0;
  const n = Number(v.trim());
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

function maxRestarts(p: Pod): { regular: number; sidecar: number } {
  let regular = 0;
  let sidecar = 0;
  for (const c of p.status?.containerStatuses ?? []) regular = Math.max(regular, c.restartCount ?? 0);
  const sidecars = new Set((p.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  for (const c of p.status?.initContainerStatuses ?? []) if (sidecars.has(c.name)) sidecar = Math.max(sidecar, c.restartCount ?? 0);
  return { regular, sidecar };
}

function creationMs(p: Pod): number | undefined {
  const t = p.metadata.creationTimestamp ? Date.parse(p.metadata.creationTimestamp) : NaN;
  return Number.isNaN(t) ? undefined : t;
}

/**
 * logarithmicRankDiff: Go measures the age as a Duration in nanoseconds and takes
 * floor(log2(ns)). Pods 5 s and 7 s old share bucket 32 (2^32 ns ≈ 4.3 s … 8.6 s), so they
 * tie and the UID decides; a 3 s old pod is in bucket 31, "younger", and goes first.
 */
export function logarithmicRankDiff(t1Ms: number, t2Ms: number, nowMs: number): number {
  const bucket = (t: number): number => {
    const ns = (nowMs - t) * 1e6;
    return ns > 0 ? Math.floor(Math.log2(ns)) : -1;
  };
  return bucket(t1Ms) - bucket(t2Ms);
}

/** afterOrZero: a zero (unknown) time counts as newest. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

export interface RankedPod {
  pod: Pod;
  /** Active related pods (of this owner and its sibling ReplicaSets) on the same node. */
  rank: number;
}

/**
 * ActivePodsWithRanks.Less: true when pod a should be deleted before pod b. The rules, in order:
 *  1. unassigned < assigned                 2. Pending < Unknown < Running
 *  3. not Ready < Ready                     4. lower pod-deletion-cost first
 *  5. higher rank (more doubled up) first   6. both Ready: more recently Ready first (log buckets, UID tie-break)
 *  7. more container restarts first         8. newer creationTimestamp first (log buckets, UID tie-break)
 * LogarithmicScaleDown (on by default) is what makes rules 6 and 8 bucketed.
 */
export function activePodsWithRanksLess(a: RankedPod, b: RankedPod, nowMs: number): boolean {
  const pi = a.pod;
  const pj = b.pod;
  const ni = pi.spec.nodeName ?? '';
  const nj = pj.spec.nodeName ?? '';
  if (ni !== nj && (ni === '' || nj === '')) return ni === '';
  const oi = PHASE_ORDINAL[pi.status?.phase ?? ''] ?? 0;
  const oj = PHASE_ORDINAL[pj.status?.phase ?? ''] ?? 0;
  if (oi !== oj) return oi < oj;
  const ri = isPodReady(pi);
  const rj = isPodReady(pj);
  if (ri !== rj) return !ri;
  const ci = deletionCost(pi);
  const cj = deletionCost(pj);
  if (ci !== cj) return ci < cj;
  if (a.rank !== b.rank) return a.rank > b.rank;
  const uidLess = (pi.metadata.uid ?? '') < (pj.metadata.uid ?? '');
  if (ri && rj) {
    const ti = podReadyTimeMs(pi);
    const tj = podReadyTimeMs(pj);
    if (ti !== tj) {
      if (ti === undefined || tj === undefined) return afterOrZero(ti, tj);
      const d = logarithmicRankDiff(ti, tj, nowMs);
      if (d === 0) return uidLess;
      return d < 0;
    }
  }
  const mi = maxRestarts(pi);
  const mj = maxRestarts(pj);
  if (mi.regular !== mj.regular) return mi.regular > mj.regular;
  if (mi.sidecar !== mj.sidecar) return mi.sidecar > mj.sidecar;
  const ki = creationMs(pi);
  const kj = creationMs(pj);
  if (ki !== kj) {
    if (ki === undefined || kj === undefined) return afterOrZero(ki, kj);
    const d = logarithmicRankDiff(ki, kj, nowMs);
    if (d === 0) return uidLess;
    return d < 0;
  }
  return false;
}

/** Sort pods so the best deletion victims come first (a stable sort: deterministic). */
export function sortActivePodsWithRanks(ranked: RankedPod[], nowMs: number): RankedPod[] {
  return [...ranked].sort((a, b) => (activePodsWithRanksLess(a, b, nowMs) ? -1 : activePodsWithRanksLess(b, a, nowMs) ? 1 : 0));
}

/**
 * getPodsToDelete (replica_set.go): rank each pod by how many active related pods share its
 * node, sort, take the first `diff`. Deleting all of them skips the sort. Related pods are
 * this RS's pods plus those of sibling RSs of the same Deployment, so during a rollout the
 * old RS removes the pod that is doubled up with a new one first.
 */
export function getPodsToDelete(pods: readonly Pod[], related: readonly Pod[], diff: number, nowMs: number): Pod[] {
  if (diff >= pods.length) return pods.slice(0, diff);
  const podsOnNode = new Map<string, number>();
  for (const p of related) {
    if (!isPodActive(p)) continue;
    const n = p.spec.nodeName ?? '';
    podsOnNode.set(n, (podsOnNode.get(n) ?? 0) + 1);
  }
  const ranked = pods.map((pod) => ({ pod, rank: podsOnNode.get(pod.spec.nodeName ?? '') ?? 0 }));
  return sortActivePodsWithRanks(ranked, nowMs)
    .slice(0, diff)
    .map((r) => r.pod);
}
