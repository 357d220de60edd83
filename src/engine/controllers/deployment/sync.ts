// Mirrors pkg/controller/deployment/sync.go: finding or creating the new ReplicaSet (with its
// pod-template-hash name), syncing revisions, scaling (proportionally while a rollout is in
// flight), cleaning up old history, and computing the Deployment's status as a value.
import type { Deployment, DeploymentStatus, ReplicaSet } from '../../api/apps';
import { deepCopy, keyOf } from '../../api/meta';
import { isAlreadyExists } from '../../apiserver/errors';
import type { DeploymentController } from './deployment_controller';
import { RS_GVR } from './deployment_controller';
import { newControllerRef } from '../replicaset/controller_ref_manager';
import { setDeploymentRevision, setNewReplicaSetAnnotations } from './rollback';
import {
  DEPLOYMENT_AVAILABLE,
  DEPLOYMENT_PROGRESSING,
  POD_TEMPLATE_HASH_LABEL,
  REASONS,
  REVISION_ANNOTATION,
  availableReplicaCount,
  actualReplicaCount,
  byCreationTimestamp,
  byRevision,
  bySizeNewer,
  bySizeOlder,
  computeHash,
  desiredReplicasAnnotation,
  equalIgnoreHash,
  filterActiveReplicaSets,
  findNewReplicaSet,
  findOldReplicaSets,
  getCondition,
  hasProgressDeadline,
  isRollingUpdate,
  isSaturated,
  maxReplicasAnnotation,
  maxRevision,
  maxSurgeOf,
  maxUnavailableOf,
  newCondition,
  newRSNewReplicas,
  readyReplicaCount,
  replicasAnnotationsNeedUpdate,
  replicasOf,
  revisionHistoryLimitOf,
  rsReplicas,
  setCondition,
  setReplicasAnnotations,
  specReplicaCount,
} from './util';

// ------------------------------------------------------------------ new / old ReplicaSets

/** getAllReplicaSetsAndSyncRevision: the new RS (created if asked and missing) and all old ones. */
export function getAllReplicaSetsAndSyncRevision(
  dc: DeploymentController,
  d: Deployment,
  rsList: ReplicaSet[],
  createIfNotExisted: boolean,
): { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] } {
  const { allOldRSs } = findOldReplicaSets(d, rsList);
  const newRS = getNewReplicaSet(dc, d, rsList, allOldRSs, createIfNotExisted);
  return { newRS, oldRSs: allOldRSs };
}

/**
 * getNewReplicaSet: the RS whose template matches the Deployment's (ignoring the hash).
 * Existing: sync its annotations/revision (this is where a rollback revives an old RS with
 * revision max+1). Missing: create `<deploy>-<hash>` with the hash label added to its labels,
 * selector and template, sized by NewRSNewReplicas. An AlreadyExists for a different template
 * is a hash collision: bump status.collisionCount so the next sync computes another hash.
 */
export function getNewReplicaSet(
  dc: DeploymentController,
  d: Deployment,
  rsList: ReplicaSet[],
  oldRSs: ReplicaSet[],
  createIfNotExisted: boolean,
): ReplicaSet | undefined {
  const existing = findNewReplicaSet(d, rsList);
  const newRevision = maxRevision(oldRSs) + 1;
  const ns = d.metadata.namespace ?? '';

  if (existing) {
    const rsCopy = deepCopy(existing) as ReplicaSet;
    const before = rsCopy.metadata.annotations?.[REVISION_ANNOTATION];
    const annotationsUpdated = setNewReplicaSetAnnotations(d, rsCopy, newRevision, true);
    const mrsNeedsUpdate = (rsCopy.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0);
    if (annotationsUpdated || mrsNeedsUpdate) {
      rsCopy.spec.minReadySeconds = d.spec.minReadySeconds ?? 0;
      const after = rsCopy.metadata.annotations?.[REVISION_ANNOTATION];
      if (before !== undefined && before !== after) {
        dc.traceFor(d, 'rollback', rsCopy, `Deployment ${d.metadata.name}: template matches old ReplicaSet ${rsCopy.metadata.name} (revision ${before}) → it becomes the new ReplicaSet as revision ${after}`);
      }
      // Upstream returns here; the Deployment's own revision is synced on the next pass.
      return dc.context.api.update(RS_GVR, ns, rsCopy, { user: dc.name }) as ReplicaSet;
    }
    let needsUpdate = false;
    if (setDeploymentRevision(d, rsCopy.metadata.annotations?.[REVISION_ANNOTATION] ?? '')) dc.writeDeploymentAnnotations(d);
    const cond = getCondition(d.status, DEPLOYMENT_PROGRESSING);
    if (hasProgressDeadline(d) && !cond) {
      const st = (d.status ??= {});
      setCondition(st, newCondition(DEPLOYMENT_PROGRESSING, 'True', REASONS.FoundNewRSReason, `Found new replica set "${rsCopy.metadata.name}"`, dc.context.clock.iso()));
      needsUpdate = true;
    }
    if (needsUpdate) dc.writeDeploymentStatus(d);
    return existing;
  }

  if (!createIfNotExisted) return undefined;

  const template = deepCopy(d.spec.template);
  const hash = computeHash(template, d.status?.collisionCount);
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash } };
  const selector = deepCopy(d.spec.selector);
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  const name = `${d.metadata.name}-${hash}`;
  const newRS: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: d.metadata.namespace,
      ownerReferences: [newControllerRef(d)],
      labels: { ...(template.metadata.labels ?? {}) },
    },
    spec: { replicas: 0, minReadySeconds: d.spec.minReadySeconds ?? 0, selector, template },
  };
  const count = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
  newRS.spec.replicas = count;
  setNewReplicaSetAnnotations(d, newRS, newRevision, false);

  let created: ReplicaSet;
  let alreadyExists = false;
  try {
    created = dc.context.api.create(RS_GVR, ns, newRS, { user: dc.name }) as ReplicaSet;
  } catch (e) {
    if (isAlreadyExists(e)) {
      alreadyExists = true;
      const rs = dc.rsInformer.get(`${ns}/${name}`);
      const ref = rs?.metadata.ownerReferences?.find((r) => r.controller);
      if (rs && ref && ref.uid === d.metadata.uid && equalIgnoreHash(d.spec.template, rs.spec.template)) {
        created = rs;
      } else {
        const st = (d.status ??= {});
        const pre = st.collisionCount ?? 0;
        st.collisionCount = pre + 1;
        dc.writeDeploymentStatus(d);
        dc.traceFor(d, 'collision', newRS, `Deployment ${d.metadata.name}: ReplicaSet ${name} exists with another template (hash collision) → collisionCount ${pre} → ${pre + 1}`);
        throw e;
      }
    } else {
      const msg = `Failed to create new replica set "${name}": ${e instanceof Error ? e.message : String(e)}`;
      if (hasProgressDeadline(d)) {
        setCondition((d.status ??= {}), newCondition(DEPLOYMENT_PROGRESSING, 'False', REASONS.FailedRSCreateReason, msg, dc.context.clock.iso()));
        try {
          dc.writeDeploymentStatus(d);
        } catch {
          // A bigger problem is being reported already.
        }
      }
      dc.recorder.event(d, 'Warning', REASONS.FailedRSCreateReason, msg);
      throw e;
    }
  }
  if (!alreadyExists) {
    dc.traceFor(d, 'create', created, `Deployment ${d.metadata.name}: no ReplicaSet has the current template → created ReplicaSet ${created.metadata.name} (revision ${newRevision}, ${count} replicas)`);
    if (count > 0) dc.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${count}`);
  }
  if (setDeploymentRevision(d, String(newRevision))) dc.writeDeploymentAnnotations(d);
  if (!alreadyExists && hasProgressDeadline(d)) {
    setCondition((d.status ??= {}), newCondition(DEPLOYMENT_PROGRESSING, 'True', REASONS.NewRSReason, `Created new replica set "${created.metadata.name}"`, dc.context.clock.iso()));
    dc.writeDeploymentStatus(d);
  }
  return created;
}

// ------------------------------------------------------------------ scaling

/** scaleReplicaSetAndRecordEvent: only when the size actually changes. */
export function scaleReplicaSetAndRecordEvent(dc: DeploymentController, rs: ReplicaSet, newScale: number, d: Deployment): boolean {
  const fresh = dc.rsInformer.get(keyOf(rs)) ?? rs;
  if (rsReplicas(fresh) === newScale) return false;
  return scaleReplicaSet(dc, fresh, newScale, d);
}

/**
 * scaleReplicaSet: write spec.replicas and the desired-/max-replicas annotations (the latter
 * even when the size is unchanged), then record `ScalingReplicaSet`
 * (`Scaled up replica set web-6f4b44b7f6 from 0 to 3`). Returns true when the size changed.
 */
export function scaleReplicaSet(dc: DeploymentController, rs: ReplicaSet, newScale: number, d: Deployment): boolean {
  const fresh = dc.rsInformer.get(keyOf(rs)) ?? rs;
  const oldScale = rsReplicas(fresh);
  const sizeNeedsUpdate = oldScale !== newScale;
  const desired = replicasOf(d);
  const max = desired + maxSurgeOf(d);
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(fresh, desired, max)) return false;
  const copy = deepCopy(fresh);
  copy.spec.replicas = newScale;
  setReplicasAnnotations(copy, desired, max);
  dc.context.api.update(RS_GVR, copy.metadata.namespace ?? '', copy, { user: dc.name });
  if (sizeNeedsUpdate) {
    const op = oldScale < newScale ? 'up' : 'down';
    dc.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${op} replica set ${copy.metadata.name} from ${oldScale} to ${newScale}`);
    dc.traceFor(d, 'scale', copy, `Deployment ${d.metadata.name}: scaled ${op} ReplicaSet ${copy.metadata.name} from ${oldScale} to ${newScale}`);
  }
  return sizeNeedsUpdate;
}

/** FindActiveOrLatest: the only active RS, or the newest one if none is active; else undefined. */
export function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const sortedOld = [...oldRSs].sort((a, b) => byCreationTimestamp(b, a));
  const active = filterActiveReplicaSets([...sortedOld, newRS]);
  if (active.length === 0) return newRS ?? sortedOld[0];
  if (active.length === 1) return active[0];
  return undefined;
}

/**
 * getReplicaSetFraction: this RS's share of the size change. 10 replicas, maxSurge 3, an RS
 * of 8 annotated max-replicas 13; scaled to 15 (maxSurge 4, max 19): round(8 × 19 / 13) − 8 = 4.
 */
export function getReplicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  if (replicasOf(d) === 0) return -rsReplicas(rs);
  const deploymentMaxReplicas = replicasOf(d) + maxSurgeOf(d);
  let before = maxReplicasAnnotation(rs);
  if (before === undefined || before === 0) {
    before = d.status?.replicas ?? 0;
    if (before === 0) return 0;
  }
  return Math.round((rsReplicas(rs) * deploymentMaxReplicas) / before) - rsReplicas(rs);
}

/** GetProportion: the fraction, capped by what is still left to add (or remove). */
export function getProportion(rs: ReplicaSet, d: Deployment, toAdd: number, added: number): number {
  if (rsReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = getReplicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

export interface ScaleStep {
  rs: ReplicaSet;
  to: number;
  /** true: scaleReplicaSet (refresh annotations even at the same size); false: only if the size changes. */
  always: boolean;
}

/**
 * The decision of `scale` (sync.go), as a list of writes:
 *  1. one active RS (or none: the newest) → it gets all the replicas;
 *  2. the new RS is saturated → every active old RS goes to 0;
 *  3. RollingUpdate mid-rollout → spread the change proportionally over the active RSs,
 *     largest first (newer first when adding, older first when removing); the rounding
 *     leftover goes to the first (largest) one.
 * Worked example: 10 replicas at 25%/25%, new RS 3 and old RS 8 (both annotated max 13),
 * scaled to 15 → allowed 15+4 = 19, toAdd 19−11 = 8; old 8 → +4, new 3 → +1, leftover 3 to
 * the old one: old 15, new 4 (the rollout then carries on from there).
 */
export function planScale(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): ScaleStep[] {
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (rsReplicas(activeOrLatest) === replicasOf(d)) return [];
    return [{ rs: activeOrLatest, to: replicasOf(d), always: false }];
  }
  if (isSaturated(d, newRS)) return filterActiveReplicaSets(oldRSs).map((rs) => ({ rs, to: 0, always: false }));
  if (!isRollingUpdate(d)) return [];
  let all = filterActiveReplicaSets([...oldRSs, newRS]);
  const allReplicas = specReplicaCount(all);
  const allowedSize = replicasOf(d) > 0 ? replicasOf(d) + maxSurgeOf(d) : 0;
  const toAdd = allowedSize - allReplicas;
  if (toAdd > 0) all = [...all].sort(bySizeNewer);
  else if (toAdd < 0) all = [...all].sort(bySizeOlder);
  let added = 0;
  const sizes = all.map((rs) => {
    if (toAdd === 0) return rsReplicas(rs);
    const p = getProportion(rs, d, toAdd, added);
    added += p;
    return rsReplicas(rs) + p;
  });
  if (toAdd !== 0 && sizes.length) sizes[0] = Math.max(0, sizes[0] + toAdd - added);
  return all.map((rs, i) => ({ rs, to: sizes[i], always: true }));
}

/** scale: apply planScale. */
export function scale(dc: DeploymentController, d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): void {
  for (const step of planScale(d, newRS, oldRSs)) {
    if (step.always) scaleReplicaSet(dc, step.rs, step.to, d);
    else scaleReplicaSetAndRecordEvent(dc, step.rs, step.to, d);
  }
}

/**
 * isScalingEvent: someone changed spec.replicas (kubectl scale) since the RSs were last
 * annotated: an active RS's desired-replicas annotation differs from the Deployment's replicas.
 */
export function isScalingEvent(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): boolean {
  for (const rs of filterActiveReplicaSets([...oldRSs, newRS])) {
    const desired = desiredReplicasAnnotation(rs);
    if (desired === undefined) continue;
    if (desired !== replicasOf(d)) return true;
  }
  return false;
}

// ------------------------------------------------------------------ history cleanup

/**
 * The decision of cleanupDeployment: keep at most revisionHistoryLimit old ReplicaSets.
 * Oldest revisions go first, and only those fully scaled down (spec 0, status 0, status
 * caught up with the spec) and not already being deleted. 12 old RSs, limit 10 → the 2
 * lowest revisions, if they are empty.
 */
export function planCleanup(d: Deployment, oldRSs: readonly ReplicaSet[]): ReplicaSet[] {
  const limit = revisionHistoryLimitOf(d);
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - limit;
  if (diff <= 0) return [];
  const sorted = [...cleanable].sort(byRevision);
  const out: ReplicaSet[] = [];
  for (let i = 0; i < diff; i++) {
    const rs = sorted[i];
    if ((rs.status?.replicas ?? 0) !== 0 || rsReplicas(rs) !== 0) continue;
    if ((rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
    out.push(rs);
  }
  return out;
}

export function cleanupDeployment(dc: DeploymentController, oldRSs: ReplicaSet[], d: Deployment): void {
  for (const rs of planCleanup(d, oldRSs)) {
    try {
      dc.context.api.delete(RS_GVR, rs.metadata.namespace ?? '', rs.metadata.name ?? '', { user: dc.name });
      dc.traceFor(d, 'delete', rs, `Deployment ${d.metadata.name}: more than revisionHistoryLimit ${revisionHistoryLimitOf(d)} old ReplicaSets → deleted ReplicaSet ${rs.metadata.name} (revision ${rs.metadata.annotations?.[REVISION_ANNOTATION] ?? '?'})`);
    } catch {
      // Already gone: nothing to clean.
    }
  }
}

// ------------------------------------------------------------------ status

/**
 * calculateStatus (sync.go): counts summed over the ReplicaSets, plus the Available condition:
 * available ≥ replicas − maxUnavailable ("Deployment has minimum availability.").
 * 10 replicas, maxUnavailable 2: 8 available is enough, 7 is not.
 */
export function calculateStatus(allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment, nowIso: string): DeploymentStatus {
  const available = availableReplicaCount(allRSs);
  const total = specReplicaCount(allRSs);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation ?? 0,
    replicas: actualReplicaCount(allRSs),
    updatedReplicas: actualReplicaCount([newRS]),
    readyReplicas: readyReplicaCount(allRSs),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
  };
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  if (d.status?.conditions) status.conditions = d.status.conditions.map((c) => ({ ...c }));
  if (available >= replicasOf(d) - maxUnavailableOf(d)) {
    setCondition(status, newCondition(DEPLOYMENT_AVAILABLE, 'True', REASONS.MinimumReplicasAvailable, 'Deployment has minimum availability.', nowIso));
  } else {
    setCondition(status, newCondition(DEPLOYMENT_AVAILABLE, 'False', REASONS.MinimumReplicasUnavailable, 'Deployment does not have minimum availability.', nowIso));
  }
  return status;
}

/** syncDeploymentStatus: write the computed status if it changed. */
export function syncDeploymentStatus(dc: DeploymentController, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): void {
  const status = calculateStatus(allRSs, newRS, d, dc.context.clock.iso());
  if (dc.statusEqual(d.status, status)) return;
  d.status = status;
  dc.writeDeploymentStatus(d);
}

/**
 * sync: the path for paused Deployments and scaling events: no rollout step, only scaling (and
 * history cleanup while paused), then status.
 */
export function sync(dc: DeploymentController, d: Deployment, rsList: ReplicaSet[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  scale(dc, d, newRS, oldRSs);
  if (d.spec.paused) cleanupDeployment(dc, dc.refresh(oldRSs), d);
  const fresh = dc.refresh([...oldRSs, newRS]);
  syncDeploymentStatus(dc, fresh, newRS ? dc.refreshOne(newRS) : undefined, d);
}
