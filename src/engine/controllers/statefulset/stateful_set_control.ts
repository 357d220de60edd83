// Mirrors pkg/controller/statefulset/stateful_set_control.go (updateStatefulSet, processReplica,
// processCondemned, runForAll) for v1.32 defaults (MaxUnavailableStatefulSet off: one pod at a
// time during a rolling update). The writes go through a StatefulPodControl, so the ordering
// logic can be tested with a recording fake.
import type { StatefulSet, StatefulSetStatus } from '../../api/apps';
import type { Pod } from '../../api/core';
import {
  allowsBurst,
  computeReplicaStatus,
  getOrdinal,
  getPodRevision,
  getStartOrdinal,
  identityMatches,
  isFailed,
  isRunningAndAvailable,
  isRunningAndReady,
  isSucceeded,
  isTerminating,
  isUnavailable,
  newVersionedStatefulSetPod,
  podInOrdinalRange,
} from './stateful_set_utils';

/** The writes the control loop makes (stateful_pod_control.go). */
export interface StatefulPodControl {
  /** Create the pod's missing claims, then the pod. */
  createStatefulPod(set: StatefulSet, pod: Pod): void;
  /** Create claims a Pending pod is missing (createMissingPersistentVolumeClaims). */
  createMissingPersistentVolumeClaims(set: StatefulSet, pod: Pod): void;
  /** Restore the identity labels of a pod that lost them. */
  updateStatefulPod(set: StatefulSet, pod: Pod): void;
  deleteStatefulPod(set: StatefulSet, pod: Pod, why: string): void;
  /** Owner references on the pod's claims per persistentVolumeClaimRetentionPolicy. */
  updatePodClaimForRetentionPolicy(set: StatefulSet, pod: Pod, condemned: boolean): void;
  /** Say why the loop stopped (trace only). */
  waiting(set: StatefulSet, pod: Pod | undefined, message: string): void;
}

export interface Revisions {
  currentSet: StatefulSet;
  updateSet: StatefulSet;
  currentRevision: string;
  updateRevision: string;
  collisionCount: number;
}

function statusOf(set: StatefulSet, r: Revisions, pods: readonly (Pod | undefined)[], nowMs: number): StatefulSetStatus {
  const c = computeReplicaStatus(pods, set.spec.minReadySeconds ?? 0, r.currentRevision, r.updateRevision, nowMs);
  return {
    observedGeneration: set.metadata.generation,
    replicas: c.replicas,
    readyReplicas: c.readyReplicas,
    currentReplicas: c.currentReplicas,
    updatedReplicas: c.updatedReplicas,
    currentRevision: r.currentRevision,
    updateRevision: r.updateRevision,
    collisionCount: r.collisionCount,
    availableReplicas: c.availableReplicas,
  };
}

/**
 * updateStatefulSet: one pass of the StatefulSet's invariants. The pods in [start, end] are
 * "replicas", indexed by ordinal; the rest are "condemned" (scale-down), handled highest first.
 *
 * OrderedReady ("monotonic"): walk replicas 0, 1, 2, … and stop at the first one that is missing
 * (create it and stop), terminating, or not Running and Ready — so web-1 is created only once web-0
 * is Ready. Only when every replica is healthy are condemned pods deleted, one at a time, highest
 * ordinal first, each waited for until gone. Parallel: create and delete all at once.
 *
 * Then RollingUpdate: from the highest ordinal down to the partition, delete the first pod not at
 * the update revision (its replacement is created from the update revision on the next pass), or
 * stop at a pod that is not available. replicas 3, partition 2: only web-2 is updated.
 */
export function updateStatefulSet(set: StatefulSet, r: Revisions, pods: readonly Pod[], control: StatefulPodControl, nowMs: number): StatefulSetStatus {
  const minReady = set.spec.minReadySeconds ?? 0;
  const replicaCount = set.spec.replicas ?? 1;
  const start = getStartOrdinal(set);
  const replicas: (Pod | undefined)[] = new Array(replicaCount).fill(undefined);
  const condemned: Pod[] = [];
  for (const p of pods) {
    if (podInOrdinalRange(p, set)) replicas[getOrdinal(p) - start] = p;
    else if (getOrdinal(p) >= 0) condemned.push(p);
  }
  // Descending ordinal: web-4 before web-3.
  condemned.sort((a, b) => getOrdinal(b) - getOrdinal(a));
  const status = (): StatefulSetStatus => statusOf(set, r, [...replicas, ...condemned], nowMs);

  let firstUnavailable: Pod | undefined;
  for (const p of replicas) if (p && isUnavailable(p, minReady, nowMs)) { firstUnavailable ??= p; }
  for (let i = condemned.length - 1; i >= 0; i--) if (isUnavailable(condemned[i], minReady, nowMs)) firstUnavailable ??= condemned[i];

  if (set.metadata.deletionTimestamp) return status();
  const monotonic = !allowsBurst(set);

  // processReplica for each ordinal.
  for (let i = 0; i < replicaCount; i++) {
    const ord = start + i;
    let pod = replicas[i];
    if (pod && (isFailed(pod) || isSucceeded(pod))) {
      // A failed pod keeps its name: delete it; it is recreated (same name, same claims) once gone.
      if (!isTerminating(pod)) control.deleteStatefulPod(set, pod, `it has phase ${pod.status?.phase}; it will be recreated with the same name`);
      if (monotonic) return status();
      continue;
    }
    if (!pod) {
      pod = newVersionedStatefulSetPod(r.currentSet, r.updateSet, r.currentRevision, r.updateRevision, ord);
      control.createStatefulPod(set, pod);
      if (monotonic) {
        control.waiting(set, pod, `created ${pod.metadata.name}; OrderedReady waits for it to be Running and Ready before the next ordinal`);
        return status();
      }
      continue;
    }
    if (pod.status?.phase === 'Pending') control.createMissingPersistentVolumeClaims(set, pod);
    if (isTerminating(pod) && monotonic) {
      control.waiting(set, pod, `${pod.metadata.name} is terminating; OrderedReady waits until it is gone`);
      return status();
    }
    if (!isRunningAndReady(pod) && monotonic) {
      control.waiting(set, pod, `${pod.metadata.name} is not Running and Ready yet; OrderedReady waits before touching higher ordinals`);
      return status();
    }
    if (!isRunningAndAvailable(pod, minReady, nowMs) && monotonic) {
      control.waiting(set, pod, `${pod.metadata.name} is Ready but not yet available (minReadySeconds ${minReady})`);
      return status();
    }
    if (!isTerminating(pod)) control.updatePodClaimForRetentionPolicy(r.updateSet, pod, false);
    if (!identityMatches(set, pod)) control.updateStatefulPod(set, pod);
  }

  for (const p of condemned) if (!isTerminating(p)) control.updatePodClaimForRetentionPolicy(r.updateSet, p, true);

  // processCondemned: highest ordinal first.
  for (const p of condemned) {
    if (isTerminating(p)) {
      if (monotonic) {
        control.waiting(set, p, `${p.metadata.name} is terminating; scale-down waits until it is gone before the next`);
        return status();
      }
      continue;
    }
    if (monotonic && p !== firstUnavailable && (!isRunningAndReady(p) || !isRunningAndAvailable(p, minReady, nowMs))) {
      control.waiting(set, firstUnavailable, `${firstUnavailable?.metadata.name ?? 'a pod'} is unhealthy; scale-down waits`);
      return status();
    }
    control.deleteStatefulPod(set, p, `ordinal ${getOrdinal(p)} is outside 0..${replicaCount - 1} (scale down from the highest ordinal)`);
    if (monotonic) return status();
  }

  if (set.spec.updateStrategy?.type === 'OnDelete') return status();

  // Rolling update: highest ordinal first, down to the partition, one pod at a time.
  const updateMin = set.spec.updateStrategy?.rollingUpdate?.partition ?? 0;
  for (let target = replicas.length - 1; target >= updateMin; target--) {
    const pod = replicas[target];
    if (!pod) continue;
    if (getPodRevision(pod) !== r.updateRevision && !isTerminating(pod)) {
      control.deleteStatefulPod(set, pod, `it runs revision ${getPodRevision(pod)}, not the update revision ${r.updateRevision} (rolling update from the highest ordinal${updateMin ? `, partition ${updateMin}` : ''})`);
      const s = status();
      s.currentReplicas = Math.max(0, (s.currentReplicas ?? 0) - 1);
      return s;
    }
    if (isUnavailable(pod, minReady, nowMs)) {
      control.waiting(set, pod, `rolling update waits for ${pod.metadata.name} to be available`);
      return status();
    }
  }
  return status();
}
