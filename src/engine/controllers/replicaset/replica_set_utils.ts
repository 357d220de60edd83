// Mirrors pkg/controller/replicaset/replica_set_utils.go: the ReplicaSet's status computed as a
// value from the pods it owns (calculateStatus), and its ReplicaFailure condition.
import type { ReplicaSetStatus } from '../../api/apps';
import type { Pod, PodTemplateSpec } from '../../api/core';
import type { Condition } from '../../api/meta';
import { fromSet, matches } from '../../api/labels';
import { isPodAvailable, isPodReady } from './controller_utils';

export const REPLICA_FAILURE = 'ReplicaFailure';

/** The fields calculateStatus needs; ReplicaSets and ReplicationControllers both have them. */
export interface ReplicaSetLike {
  metadata: { generation?: number };
  spec: { replicas?: number; minReadySeconds?: number; template?: PodTemplateSpec };
  status?: ReplicaSetStatus;
}

/** What calculateStatus reads of one pod: carries every template label; is Ready. */
export interface PodStatusFacts {
  fullyLabeled: boolean;
  ready: boolean;
}

/**
 * calculateStatus: counts over the active pods this RS owns.
 *  - replicas: how many exist; fullyLabeledReplicas: carry every template label;
 *  - readyReplicas: Ready; availableReplicas: Ready for more than minReadySeconds.
 * A failed manageReplicas adds ReplicaFailure (FailedCreate when short of pods, FailedDelete when
 * over); a clean sync removes it. `nowMs` is epoch milliseconds.
 * `facts` may supply the per-pod answers from a cache (the controller's, see pod_facts.ts).
 */
export function calculateStatus(
  rs: ReplicaSetLike,
  pods: readonly Pod[],
  manageReplicasErr: Error | null,
  nowMs: number,
  nowIso: string,
  facts?: (p: Pod) => PodStatusFacts,
): ReplicaSetStatus {
  const prev = rs.status ?? { replicas: 0 };
  const templateSel = facts ? undefined : fromSet(rs.spec.template?.metadata?.labels);
  const mrs = rs.spec.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const p of pods) {
    const f = facts ? facts(p) : { fullyLabeled: matches(templateSel!, p.metadata.labels), ready: isPodReady(p) };
    if (f.fullyLabeled) fullyLabeled++;
    if (f.ready) {
      ready++;
      // Ready is available at once without minReadySeconds; with it, it depends on the time.
      if (!mrs || isPodAvailable(p, mrs, nowMs)) available++;
    }
  }
  let conditions: Condition[] | undefined = prev.conditions ? [...prev.conditions] : undefined;
  const failure = conditions?.find((c) => c.type === REPLICA_FAILURE);
  if (manageReplicasErr && !failure) {
    const diff = pods.length - (rs.spec.replicas ?? 1);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    const cond: Condition = { type: REPLICA_FAILURE, status: 'True', lastTransitionTime: nowIso, reason, message: manageReplicasErr.message };
    conditions = [...(conditions ?? []), cond];
  } else if (!manageReplicasErr && failure) {
    conditions = conditions!.filter((c) => c.type !== REPLICA_FAILURE);
  }
  const status: ReplicaSetStatus = {
    replicas: pods.length,
    fullyLabeledReplicas: fullyLabeled,
    readyReplicas: ready,
    availableReplicas: available,
    observedGeneration: rs.metadata.generation ?? prev.observedGeneration,
  };
  if (conditions && conditions.length) status.conditions = conditions;
  return status;
}

/**
 * When will the next Ready-but-not-yet-available pod become available? (ms from now, or
 * undefined). minReadySeconds 10, a pod Ready since 4 s ago: in 6 s (+1 ms, as availability
 * needs strictly more than minReadySeconds).
 */
export function nextAvailableCheckMs(pods: readonly Pod[], minReadySeconds: number, nowMs: number): number | undefined {
  if (!minReadySeconds) return undefined;
  let best: number | undefined;
  for (const p of pods) {
    if (!isPodReady(p) || isPodAvailable(p, minReadySeconds, nowMs)) continue;
    const c = p.status?.conditions?.find((x) => x.type === 'Ready');
    const t = c?.lastTransitionTime ? Date.parse(c.lastTransitionTime) : NaN;
    if (Number.isNaN(t)) continue;
    const wait = t + minReadySeconds * 1000 - nowMs + 1;
    if (best === undefined || wait < best) best = wait;
  }
  return best;
}
