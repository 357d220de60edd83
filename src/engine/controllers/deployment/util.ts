// Mirrors pkg/controller/deployment/util/deployment_util.go (+ controller.ComputeHash from
// pkg/controller/controller_utils.go): the pure arithmetic and bookkeeping every part of the
// Deployment controller (and `kubectl rollout`) shares.
import type { Deployment, DeploymentStatus, ReplicaSet } from '../../api/apps';
import type { PodTemplateSpec } from '../../api/core';
import type { Condition } from '../../api/meta';
import { deepCopy } from '../../api/meta';
import { scaledValue } from '../../api/intstr';
import { ALPHANUMS } from '../../sim/rng';
import { jsonEqual } from '../../apiserver/apiserver';

// ------------------------------------------------------------------ annotation and label keys

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const LAST_APPLIED_CONFIG_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
export const DEPRECATED_ROLLBACK_TO_ANNOTATION = 'deprecated.deployment.rollback.to';
/** apps.DefaultDeploymentUniqueLabelKey: added to the RS labels, selector and pod template. */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';
/** Upstream caps the revision-history annotation at 2000 characters. */
export const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;

/** annotationsToSkip: Deployment annotations never copied onto its ReplicaSets. */
export const ANNOTATIONS_TO_SKIP: ReadonlySet<string> = new Set([
  LAST_APPLIED_CONFIG_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  DEPRECATED_ROLLBACK_TO_ANNOTATION,
]);

// ------------------------------------------------------------------ condition types and reasons

export const DEPLOYMENT_AVAILABLE = 'Available';
export const DEPLOYMENT_PROGRESSING = 'Progressing';
export const DEPLOYMENT_REPLICA_FAILURE = 'ReplicaFailure';

export const REASONS = {
  /** Progressing */
  NewRSReason: 'NewReplicaSetCreated',
  FoundNewRSReason: 'FoundNewReplicaSet',
  ReplicaSetUpdatedReason: 'ReplicaSetUpdated',
  NewRSAvailableReason: 'NewReplicaSetAvailable',
  TimedOutReason: 'ProgressDeadlineExceeded',
  PausedDeployReason: 'DeploymentPaused',
  ResumedDeployReason: 'DeploymentResumed',
  FailedRSCreateReason: 'ReplicaSetCreateError',
  /** Available */
  MinimumReplicasAvailable: 'MinimumReplicasAvailable',
  MinimumReplicasUnavailable: 'MinimumReplicasUnavailable',
} as const;

// ------------------------------------------------------------------ defaults (SetDefaults_Deployment)
// The API server's defaulting fills these in; the controller reads through these helpers so it
// behaves the same whether or not a given registry defaulted the object.

export function replicasOf(d: { spec: { replicas?: number } }): number {
  return d.spec.replicas ?? 1;
}

export function rsReplicas(rs: ReplicaSet): number {
  return rs.spec.replicas ?? 1;
}

export function isRollingUpdate(d: Deployment): boolean {
  return (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

export function revisionHistoryLimitOf(d: Deployment): number {
  return d.spec.revisionHistoryLimit ?? 10;
}

export function progressDeadlineSecondsOf(d: Deployment): number {
  return d.spec.progressDeadlineSeconds ?? 600;
}

/** HasProgressDeadline: MaxInt32 means "no deadline". */
export function hasProgressDeadline(d: Deployment): boolean {
  return progressDeadlineSecondsOf(d) !== 2147483647;
}

// ------------------------------------------------------------------ pod-template-hash

/** FNV-1a, 32 bit, over bytes (hash/fnv New32a). */
export function fnv1a32(bytes: Uint8Array, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** rand.SafeEncodeString: each character c becomes ALPHANUMS[code(c) % 27] (digits: 0→4 … 9→f). */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const ch of s) out += ALPHANUMS[(ch.codePointAt(0) ?? 0) % ALPHANUMS.length];
  return out;
}

/** A canonical text of a JSON value: keys sorted, undefined dropped (stands in for Go's spew dump). */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

/**
 * controller.ComputeHash: FNV-1a-32 of the pod template, plus the collision count (as the
 * little-endian bytes of a uint32 in an 8-byte buffer) when there is one; the decimal text of
 * the sum is then SafeEncoded. Upstream hashes Go's spew dump of the struct, which TypeScript
 * cannot reproduce, so the exact value differs from a real cluster; the shape does not: 1–10
 * characters from {4,5,6,7,8,9,b,c,d,f}, e.g. 2960130612 → "6f4b44b7f6" (web-6f4b44b7f6).
 */
export function computeHash(template: PodTemplateSpec, collisionCount?: number): string {
  const bytes = new TextEncoder().encode(canonicalJson(template));
  let h = fnv1a32(bytes);
  if (collisionCount !== undefined && collisionCount !== null) {
    const buf = new Uint8Array(8);
    new DataView(buf.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv1a32(buf, h);
  }
  return safeEncodeString(String(h));
}

/**
 * EqualIgnoreHash: two pod templates are the same revision if they differ at most in the
 * pod-template-hash label. This is how a Deployment finds "its" new ReplicaSet, and how a
 * rollback (which copies an old RS's template back) revives that old RS instead of creating one.
 */
export function equalIgnoreHash(t1: PodTemplateSpec | undefined, t2: PodTemplateSpec | undefined): boolean {
  const strip = (t: PodTemplateSpec | undefined): unknown => {
    if (!t) return t;
    const c = deepCopy(t);
    if (c.metadata?.labels) {
      delete c.metadata.labels[POD_TEMPLATE_HASH_LABEL];
      if (Object.keys(c.metadata.labels).length === 0) delete c.metadata.labels;
    }
    if (c.metadata && Object.keys(c.metadata).length === 0) delete c.metadata;
    return c;
  };
  return jsonEqual(strip(t1), strip(t2));
}

// ------------------------------------------------------------------ revisions

/** Revision of an RS from its annotation; 0 if absent or not a number (as upstream's Revision()). */
export function revisionOf(obj: { metadata: { annotations?: Record<string, string> } }): number {
  const v = obj.metadata.annotations?.[REVISION_ANNOTATION];
  if (v === undefined || !/^\d+$/.test(v)) return 0;
  return Number(v);
}

/** MaxRevision: the highest revision among the ReplicaSets (0 for none). */
export function maxRevision(rsList: readonly ReplicaSet[]): number {
  let max = 0;
  for (const rs of rsList) max = Math.max(max, revisionOf(rs));
  return max;
}

/** LastRevision: the second-highest revision (what `rollout undo` goes back to). */
export function lastRevision(rsList: readonly ReplicaSet[]): number {
  let max = 0;
  let second = 0;
  for (const rs of rsList) {
    const v = revisionOf(rs);
    if (v >= max) {
      second = max;
      max = v;
    } else if (v > second) second = v;
  }
  return second;
}

// ------------------------------------------------------------------ sorting

function creationMs(o: { metadata: { creationTimestamp?: string } }): number {
  const t = o.metadata.creationTimestamp ? Date.parse(o.metadata.creationTimestamp) : NaN;
  return Number.isNaN(t) ? 0 : t;
}

/** ReplicaSetsByCreationTimestamp: oldest first, ties by name. */
export function byCreationTimestamp(a: ReplicaSet, b: ReplicaSet): number {
  const d = creationMs(a) - creationMs(b);
  if (d !== 0) return d;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : (a.metadata.name ?? '') > (b.metadata.name ?? '') ? 1 : 0;
}

/** ReplicaSetsByRevision: lowest revision first, ties by creation timestamp. */
export function byRevision(a: ReplicaSet, b: ReplicaSet): number {
  const d = revisionOf(a) - revisionOf(b);
  return d !== 0 ? d : byCreationTimestamp(a, b);
}

/** ReplicaSetsBySizeOlder: larger spec.replicas first, then older first. */
export function bySizeOlder(a: ReplicaSet, b: ReplicaSet): number {
  const d = rsReplicas(b) - rsReplicas(a);
  return d !== 0 ? d : byCreationTimestamp(a, b);
}

/** ReplicaSetsBySizeNewer: larger spec.replicas first, then newer first. */
export function bySizeNewer(a: ReplicaSet, b: ReplicaSet): number {
  const d = rsReplicas(b) - rsReplicas(a);
  return d !== 0 ? d : byCreationTimestamp(b, a);
}

// ------------------------------------------------------------------ new and old ReplicaSets

/**
 * FindNewReplicaSet: the RS whose template equals the Deployment's ignoring the hash label.
 * If several match (only after a hash collision), the oldest wins, as upstream sorts by
 * creation timestamp first.
 */
export function findNewReplicaSet(d: Deployment, rsList: readonly ReplicaSet[]): ReplicaSet | undefined {
  const sorted = [...rsList].sort(byCreationTimestamp);
  return sorted.find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
}

/**
 * FindOldReplicaSets: every RS that is not the new one. `requiredRSs` are those that still
 * have replicas (spec.replicas ≠ 0); `allOldRSs` includes the scaled-to-zero history.
 */
export function findOldReplicaSets(d: Deployment, rsList: readonly ReplicaSet[]): { requiredRSs: ReplicaSet[]; allOldRSs: ReplicaSet[] } {
  const newRS = findNewReplicaSet(d, rsList);
  const allOldRSs = rsList.filter((rs) => !newRS || rs.metadata.uid !== newRS.metadata.uid);
  return { requiredRSs: allOldRSs.filter((rs) => rsReplicas(rs) !== 0), allOldRSs };
}

/** FilterActiveReplicaSets: those with spec.replicas > 0. */
export function filterActiveReplicaSets(rsList: readonly (ReplicaSet | undefined)[]): ReplicaSet[] {
  return rsList.filter((rs): rs is ReplicaSet => !!rs && rsReplicas(rs) > 0);
}

// ------------------------------------------------------------------ fenceposts

/**
 * ResolveFenceposts: maxSurge rounds up, maxUnavailable rounds down, and if both come out 0
 * (possible only through rounding) maxUnavailable becomes 1 so the rollout can move.
 * 10 replicas at 25%/25%: surge ceil(2.5)=3, unavailable floor(2.5)=2.
 * 2 replicas, maxSurge 0, maxUnavailable 25%: 0 and floor(0.5)=0 → unavailable forced to 1.
 */
export function resolveFenceposts(d: Deployment): { maxSurge: number; maxUnavailable: number } {
  const desired = replicasOf(d);
  const ru = d.spec.strategy?.rollingUpdate;
  const surge = scaledValue(ru?.maxSurge ?? '25%', desired, true);
  let unavailable = scaledValue(ru?.maxUnavailable ?? '25%', desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { maxSurge: surge, maxUnavailable: unavailable };
}

/** MaxSurge: 0 unless the strategy is RollingUpdate. */
export function maxSurgeOf(d: Deployment): number {
  return isRollingUpdate(d) ? resolveFenceposts(d).maxSurge : 0;
}

/** MaxUnavailable: 0 unless RollingUpdate; never more than the desired replicas. */
export function maxUnavailableOf(d: Deployment): number {
  if (!isRollingUpdate(d) || replicasOf(d) === 0) return 0;
  return Math.min(resolveFenceposts(d).maxUnavailable, replicasOf(d));
}

// ------------------------------------------------------------------ replica counting

/** GetReplicaCountForReplicaSets: Σ spec.replicas. */
export function specReplicaCount(rsList: readonly (ReplicaSet | undefined)[]): number {
  return rsList.reduce((n, rs) => n + (rs ? rsReplicas(rs) : 0), 0);
}

/** GetActualReplicaCountForReplicaSets: Σ status.replicas. */
export function actualReplicaCount(rsList: readonly (ReplicaSet | undefined)[]): number {
  return rsList.reduce((n, rs) => n + (rs?.status?.replicas ?? 0), 0);
}

export function readyReplicaCount(rsList: readonly (ReplicaSet | undefined)[]): number {
  return rsList.reduce((n, rs) => n + (rs?.status?.readyReplicas ?? 0), 0);
}

export function availableReplicaCount(rsList: readonly (ReplicaSet | undefined)[]): number {
  return rsList.reduce((n, rs) => n + (rs?.status?.availableReplicas ?? 0), 0);
}

/**
 * NewRSNewReplicas: how big the new RS may be now.
 * RollingUpdate, 10 replicas, maxSurge 3, old RS at 10, new RS at 0: maxTotal 13, current 10 →
 * scale up by min(13-10, 10-0) = 3. Counts are spec.replicas of ALL ReplicaSets, not pods.
 * Recreate: straight to the desired replicas (old ones are already gone).
 */
export function newRSNewReplicas(d: Deployment, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet): number {
  if (!isRollingUpdate(d)) return replicasOf(d);
  const { maxSurge } = resolveFenceposts(d);
  const currentPodCount = specReplicaCount(allRSs);
  const maxTotalPods = replicasOf(d) + maxSurge;
  if (currentPodCount >= maxTotalPods) return rsReplicas(newRS);
  const scaleUpCount = Math.min(maxTotalPods - currentPodCount, replicasOf(d) - rsReplicas(newRS));
  return rsReplicas(newRS) + scaleUpCount;
}

/**
 * DeploymentComplete: every replica is updated and available enough, and the controller has
 * seen the latest spec.
 */
export function deploymentComplete(d: Deployment, status: DeploymentStatus | undefined): boolean {
  const s = status ?? {};
  const r = replicasOf(d);
  return (
    (s.updatedReplicas ?? 0) === r &&
    (s.replicas ?? 0) === r &&
    (s.availableReplicas ?? 0) >= r - maxUnavailableOf(d) &&
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

// ------------------------------------------------------------------ replica annotations

function annotatedInt(rs: ReplicaSet, key: string): number | undefined {
  const v = rs.metadata.annotations?.[key];
  if (v === undefined || !/^-?\d+$/.test(v)) return undefined;
  return Number(v);
}

export function desiredReplicasAnnotation(rs: ReplicaSet): number | undefined {
  return annotatedInt(rs, DESIRED_REPLICAS_ANNOTATION);
}

export function maxReplicasAnnotation(rs: ReplicaSet): number | undefined {
  return annotatedInt(rs, MAX_REPLICAS_ANNOTATION);
}

/** SetReplicasAnnotations (mutates a copy): returns true when something changed. */
export function setReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = (rs.metadata.annotations ??= {});
  let changed = false;
  if (a[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    a[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    changed = true;
  }
  if (a[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    a[MAX_REPLICAS_ANNOTATION] = String(max);
    changed = true;
  }
  return changed;
}

export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = rs.metadata.annotations ?? {};
  return a[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || a[MAX_REPLICAS_ANNOTATION] !== String(max);
}

/**
 * IsSaturated: the new RS already holds every desired replica (spec, annotation and available).
 */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = desiredReplicasAnnotation(rs);
  return rsReplicas(rs) === replicasOf(d) && desired === replicasOf(d) && (rs.status?.availableReplicas ?? 0) === replicasOf(d);
}

// ------------------------------------------------------------------ conditions

export function getCondition(status: { conditions?: Condition[] } | undefined, type: string): Condition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

export function newCondition(type: string, status: Condition['status'], reason: string, message: string, nowIso: string): Condition {
  return { type, status, lastUpdateTime: nowIso, lastTransitionTime: nowIso, reason, message };
}

/**
 * SetDeploymentCondition: same status and reason → leave it alone; same status → keep the
 * lastTransitionTime; the condition then moves to the end of the list (as upstream's filter+append).
 */
export function setCondition(status: { conditions?: Condition[] }, c: Condition): void {
  const current = getCondition(status, c.type);
  if (current && current.status === c.status && current.reason === c.reason) return;
  const next = { ...c };
  if (current && current.status === c.status) next.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((x) => x.type !== c.type), next];
}

export function removeCondition(status: { conditions?: Condition[] }, type: string): void {
  if (!status.conditions) return;
  status.conditions = status.conditions.filter((c) => c.type !== type);
  if (status.conditions.length === 0) delete status.conditions;
}
