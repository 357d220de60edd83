// `kubectl rollout status` for DaemonSets and StatefulSets: mirrors DaemonSetStatusViewer and
// StatefulSetStatusViewer in staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go.
import type { DaemonSet, StatefulSet } from '../../api/apps';
import type { KubeObject } from '../../api/meta';

export type StatusLine = { line: string; done: boolean; error?: string };

export function daemonSetStatus(ds: DaemonSet): StatusLine {
  if ((ds.spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
    return { line: '', done: true, error: 'error: rollout status is only available for RollingUpdate strategy type' };
  }
  const st = ds.status;
  const name = ds.metadata.name;
  if ((ds.metadata.generation ?? 0) <= (st?.observedGeneration ?? 0)) {
    const desired = st?.desiredNumberScheduled ?? 0;
    const updated = st?.updatedNumberScheduled ?? 0;
    if (updated < desired) return { line: `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...`, done: false };
    const available = st?.numberAvailable ?? 0;
    if (available < desired) return { line: `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...`, done: false };
    return { line: `daemon set "${name}" successfully rolled out`, done: true };
  }
  return { line: 'Waiting for daemon set spec update to be observed...', done: false };
}

/**
 * Note the defaulted partition (0) sends every RollingUpdate StatefulSet down the "partitioned"
 * branch: a real kubectl prints `partitioned roll out complete: 3 new pods have been updated...`.
 */
export function statefulSetStatus(sts: StatefulSet): StatusLine {
  if ((sts.spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
    return { line: '', done: true, error: 'error: rollout status is only available for RollingUpdate strategy type' };
  }
  const st = sts.status;
  if (!st?.observedGeneration || (sts.metadata.generation ?? 0) > st.observedGeneration) return { line: 'Waiting for statefulset spec update to be observed...', done: false };
  const replicas = sts.spec.replicas;
  if (replicas !== undefined && (st.readyReplicas ?? 0) < replicas) return { line: `Waiting for ${replicas - (st.readyReplicas ?? 0)} pods to be ready...`, done: false };
  const ru = sts.spec.updateStrategy?.rollingUpdate;
  if (ru) {
    if (replicas !== undefined && ru.partition !== undefined && (st.updatedReplicas ?? 0) < replicas - ru.partition) {
      return { line: `Waiting for partitioned roll out to finish: ${st.updatedReplicas ?? 0} out of ${replicas - ru.partition} new pods have been updated...`, done: false };
    }
    return { line: `partitioned roll out complete: ${st.updatedReplicas ?? 0} new pods have been updated...`, done: true };
  }
  if (st.updateRevision !== st.currentRevision) {
    return { line: `waiting for statefulset rolling update to complete ${st.updatedReplicas ?? 0} pods at revision ${st.updateRevision}...`, done: false };
  }
  return { line: `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision}...`, done: true };
}

/** Status viewers by kind (Deployment's lives in rollout.ts). */
export const STATUS_VIEWERS: Record<string, ((o: KubeObject) => StatusLine) | undefined> = {
  DaemonSet: (o) => daemonSetStatus(o as DaemonSet),
  StatefulSet: (o) => statefulSetStatus(o as StatefulSet),
};
