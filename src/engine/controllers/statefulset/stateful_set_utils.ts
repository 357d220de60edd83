// Mirrors pkg/controller/statefulset/stateful_set_utils.go: pod identity (name, ordinal,
// hostname, subdomain, labels), claims from volumeClaimTemplates, revisions, and the
// predicates the control loop uses. Pure functions.
import type { ControllerRevision, PersistentVolumeClaimTemplate, StatefulSet, StatefulSetStatus } from '../../api/apps';
import type { Pod, Volume } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import { deepCopy } from '../../api/meta';
import { isPodAvailable, isPodReady } from '../replicaset/controller_utils';
import { newControllerRef } from '../replicaset/controller_ref_manager';
import {
  CONTROLLER_REVISION_HASH_LABEL as HISTORY_HASH_LABEL,
  controllerRevisionName,
  hashControllerRevision,
  newControllerRevision,
  templateFromRevision,
  templatePatch,
} from '../history/controller_history';

export const STATEFULSET_POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
/** apps.StatefulSetRevisionLabel: on each pod, the name of its revision (web-6f4b44b7f6). */
export const STATEFULSET_REVISION_LABEL = 'controller-revision-hash';

/** A StatefulSet's pod name is `<set>-<ordinal>`; this regexp splits it back (web-12 → web, 12). */
const STATEFUL_POD_REGEX = /^(.*)-([0-9]+)$/;

export function getParentNameAndOrdinal(pod: KubeObject): { parent: string; ordinal: number } {
  const m = STATEFUL_POD_REGEX.exec(pod.metadata.name ?? '');
  if (!m) return { parent: '', ordinal: -1 };
  const n = Number(m[2]);
  return { parent: m[1], ordinal: Number.isSafeInteger(n) && n <= 2147483647 ? n : -1 };
}

export const getOrdinal = (pod: KubeObject): number => getParentNameAndOrdinal(pod).ordinal;

export function getPodName(set: StatefulSet, ordinal: number): string {
  return `${set.metadata.name}-${ordinal}`;
}

/** getStartOrdinal / getEndOrdinal: ordinals run from spec.ordinals.start (default 0), replicas of them. */
export function getStartOrdinal(set: StatefulSet): number {
  return set.spec.ordinals?.start ?? 0;
}

export function getEndOrdinal(set: StatefulSet): number {
  return getStartOrdinal(set) + (set.spec.replicas ?? 1) - 1;
}

export function podInOrdinalRange(pod: Pod, set: StatefulSet): boolean {
  const o = getOrdinal(pod);
  return o >= getStartOrdinal(set) && o <= getEndOrdinal(set);
}

/** getPersistentVolumeClaimName: `<claim template>-<set>-<ordinal>`, e.g. www-web-0. */
export function getPersistentVolumeClaimName(set: StatefulSet, claim: PersistentVolumeClaimTemplate, ordinal: number): string {
  return `${claim.metadata.name}-${set.metadata.name}-${ordinal}`;
}

/** isMemberOf: the pod's name says it belongs to this set (web-3 belongs to web, web-x-3 does not). */
export function isMemberOf(set: StatefulSet, pod: Pod): boolean {
  return getParentNameAndOrdinal(pod).parent === set.metadata.name;
}

/** identityMatches: name, namespace and the pod-name label are this set's for this ordinal. */
export function identityMatches(set: StatefulSet, pod: Pod): boolean {
  const { parent, ordinal } = getParentNameAndOrdinal(pod);
  return (
    ordinal >= 0 &&
    set.metadata.name === parent &&
    pod.metadata.name === getPodName(set, ordinal) &&
    pod.metadata.namespace === set.metadata.namespace &&
    pod.metadata.labels?.[STATEFULSET_POD_NAME_LABEL] === pod.metadata.name
  );
}

/** updateIdentity: labels only (hostname and subdomain cannot change on an existing pod). */
export function updateIdentityLabels(set: StatefulSet, pod: Pod): void {
  const ordinal = getOrdinal(pod);
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [STATEFULSET_POD_NAME_LABEL]: pod.metadata.name ?? '', [POD_INDEX_LABEL]: String(ordinal) };
}

/**
 * getPersistentVolumeClaims: the claims a pod needs, from the templates: named
 * `<template>-<pod>`, labelled with the template's labels plus the set's matchLabels.
 */
export function getPersistentVolumeClaims(set: StatefulSet, ordinal: number): { templateName: string; claim: KubeObject }[] {
  return (set.spec.volumeClaimTemplates ?? []).map((t) => {
    const c = deepCopy(t);
    const claim: KubeObject = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        ...c.metadata,
        name: getPersistentVolumeClaimName(set, t, ordinal),
        namespace: set.metadata.namespace,
        labels: { ...(c.metadata.labels ?? {}), ...(set.spec.selector.matchLabels ?? {}) },
      },
      spec: c.spec ?? {},
    };
    delete (claim as { status?: unknown }).status;
    return { templateName: t.metadata.name ?? '', claim };
  });
}

/** updateStorage: a volume per claim template, pointing at the pod's own claim (replacing one of the same name). */
function updateStorage(set: StatefulSet, pod: Pod, ordinal: number): void {
  const claims = getPersistentVolumeClaims(set, ordinal);
  if (!claims.length) return;
  const names = new Set(claims.map((c) => c.templateName));
  const volumes: Volume[] = claims.map((c) => ({ name: c.templateName, persistentVolumeClaim: { claimName: c.claim.metadata.name } }));
  for (const v of pod.spec.volumes ?? []) if (!names.has(v.name)) volumes.push(v);
  pod.spec.volumes = volumes;
}

/**
 * newStatefulSetPod: the template as a pod named `<set>-<ordinal>`, owned by the set, with
 * hostname = pod name and subdomain = serviceName (so web-0.nginx.default.svc.cluster.local
 * resolves once the headless Service exists), the identity labels, and its claims as volumes.
 */
export function newStatefulSetPod(set: StatefulSet, ordinal: number): Pod {
  const t = set.spec.template;
  const name = getPodName(set, ordinal);
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: set.metadata.namespace,
      labels: { ...(t?.metadata?.labels ?? {}) },
      ownerReferences: [newControllerRef({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: set.metadata })],
    },
    spec: deepCopy(t?.spec ?? { containers: [] }),
  };
  if (t?.metadata?.annotations) pod.metadata.annotations = { ...t.metadata.annotations };
  if (t?.metadata?.finalizers) pod.metadata.finalizers = [...t.metadata.finalizers];
  updateIdentityLabels(set, pod);
  pod.spec.hostname = name;
  if (set.spec.serviceName) pod.spec.subdomain = set.spec.serviceName;
  updateStorage(set, pod, ordinal);
  return pod;
}

/**
 * newVersionedStatefulSetPod: ordinals below the partition keep the current revision (that is what
 * a partition means: web-0..web-(p-1) stay old); the rest get the update revision.
 */
export function newVersionedStatefulSetPod(currentSet: StatefulSet, updateSet: StatefulSet, currentRevision: string, updateRevision: string, ordinal: number): Pod {
  const partition = currentSet.spec.updateStrategy?.rollingUpdate?.partition;
  const isRolling = (currentSet.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
  const useCurrent =
    isRolling &&
    ((partition === undefined && ordinal < getStartOrdinal(currentSet) + (currentSet.status?.currentReplicas ?? 0)) || (partition !== undefined && ordinal < partition));
  const pod = newStatefulSetPod(useCurrent ? currentSet : updateSet, ordinal);
  pod.metadata.labels![STATEFULSET_REVISION_LABEL] = useCurrent ? currentRevision : updateRevision;
  return pod;
}

export function getPodRevision(pod: Pod): string {
  return pod.metadata.labels?.[STATEFULSET_REVISION_LABEL] ?? '';
}

export const isTerminating = (pod: Pod): boolean => !!pod.metadata.deletionTimestamp;
export const isFailed = (pod: Pod): boolean => pod.status?.phase === 'Failed';
export const isSucceeded = (pod: Pod): boolean => pod.status?.phase === 'Succeeded';
export const isPending = (pod: Pod): boolean => pod.status?.phase === 'Pending';

/** isRunningAndReady: phase Running and condition Ready=True. */
export function isRunningAndReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod);
}

export function isRunningAndAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  return isRunningAndReady(pod) && isPodAvailable(pod, minReadySeconds, nowMs);
}

/** isUnavailable: not yet there, or being deleted, or not available. */
export function isUnavailable(pod: Pod | undefined, minReadySeconds: number, nowMs: number): boolean {
  return !pod || isTerminating(pod) || !isRunningAndAvailable(pod, minReadySeconds, nowMs);
}

/** allowsBurst: Parallel pod management does not wait for ordinals. */
export function allowsBurst(set: StatefulSet): boolean {
  return set.spec.podManagementPolicy === 'Parallel';
}

/**
 * newRevision: the set's template as a revision `<set>-<hash>` with the hash label, carrying the
 * set's annotations (so its kubernetes.io/change-cause becomes the revision's CHANGE-CAUSE in
 * `kubectl rollout history`).
 */
export function newRevision(set: StatefulSet, revision: number, collisionCount: number): ControllerRevision {
  const data = templatePatch(set.spec.template);
  const hash = hashControllerRevision(data, collisionCount);
  const cr = newControllerRevision({ apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: set.metadata }, set.spec.template?.metadata?.labels, data, revision, controllerRevisionName(set.metadata.name ?? '', hash), {
    [HISTORY_HASH_LABEL]: hash,
  });
  if (set.metadata.annotations && Object.keys(set.metadata.annotations).length) cr.metadata.annotations = { ...set.metadata.annotations };
  return cr;
}

/** ApplyRevision: a copy of the set whose template is the revision's. */
export function applyRevision(set: StatefulSet, revision: ControllerRevision): StatefulSet {
  const c = deepCopy(set);
  const t = templateFromRevision(revision);
  if (t) c.spec.template = t;
  return c;
}

/** computeReplicaStatus over pods (created, ready, available, current, updated). */
export function computeReplicaStatus(pods: readonly (Pod | undefined)[], minReadySeconds: number, currentRevision: string, updateRevision: string, nowMs: number) {
  const s = { replicas: 0, readyReplicas: 0, availableReplicas: 0, currentReplicas: 0, updatedReplicas: 0 };
  for (const p of pods) {
    if (!p) continue;
    s.replicas++;
    if (isRunningAndReady(p)) {
      s.readyReplicas++;
      if (isRunningAndAvailable(p, minReadySeconds, nowMs)) s.availableReplicas++;
    }
    if (!isTerminating(p)) {
      const r = getPodRevision(p);
      if (r === currentRevision) s.currentReplicas++;
      if (r === updateRevision) s.updatedReplicas++;
    }
  }
  return s;
}

/**
 * completeRollingUpdate: once every pod is updated and Ready, the update revision becomes the
 * current one (status.currentRevision = updateRevision).
 */
export function completeRollingUpdate(set: StatefulSet, status: StatefulSetStatus): void {
  if ((set.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate' && status.updatedReplicas === status.replicas && status.readyReplicas === status.replicas) {
    status.currentReplicas = status.updatedReplicas;
    status.currentRevision = status.updateRevision;
  }
}
