// Mirrors updateDaemonSetStatus in pkg/controller/daemon/daemon_controller.go: the status as a
// value computed from nodes and pods. Per node that should run the pod, the oldest daemon pod
// there is the one counted (ready, available, up to date).
import type { DaemonSet, DaemonSetStatus } from '../../api/apps';
import type { Node, Pod } from '../../api/core';
import { isPodAvailable, isPodReady } from '../replicaset/controller_utils';
import { byCreationTimestampAndPhase, isPodUpdated, nodeShouldRunDaemonPod, templateGeneration } from './util';

export function calculateDaemonSetStatus(ds: DaemonSet, nodes: readonly Node[], nodeToPods: ReadonlyMap<string, Pod[]>, hash: string, nowMs: number): DaemonSetStatus {
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let updated = 0;
  let available = 0;
  const gen = templateGeneration(ds);
  for (const n of nodes) {
    const pods = [...(nodeToPods.get(n.metadata.name ?? '') ?? [])];
    const scheduled = pods.length > 0;
    if (!nodeShouldRunDaemonPod(n, ds).shouldRun) {
      if (scheduled) misscheduled++;
      continue;
    }
    desired++;
    if (!scheduled) continue;
    current++;
    pods.sort(byCreationTimestampAndPhase);
    const pod = pods[0];
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, ds.spec.minReadySeconds ?? 0, nowMs)) available++;
    }
    if (isPodUpdated(pod, hash, gen)) updated++;
  }
  const status: DaemonSetStatus = {
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    desiredNumberScheduled: desired,
    numberReady: ready,
    observedGeneration: ds.metadata.generation,
  };
  // These three are `omitempty` in apps/v1: a 0 is not written.
  if (updated > 0) status.updatedNumberScheduled = updated;
  if (available > 0) status.numberAvailable = available;
  if (desired - available > 0) status.numberUnavailable = desired - available;
  if (ds.status?.collisionCount !== undefined) status.collisionCount = ds.status.collisionCount;
  if (ds.status?.conditions) status.conditions = ds.status.conditions;
  return status;
}
