// Mirrors pkg/controller/deployment/recreate.go: the Recreate strategy. Scale every old
// ReplicaSet to 0, wait until none of their pods is running (or terminating), and only then
// create/scale up the new ReplicaSet. There is downtime by design: 3 replicas of v1 → 0 → 3 of v2.
import type { Pod } from '../../api/core';
import type { Deployment, ReplicaSet } from '../../api/apps';
import type { DeploymentController } from './deployment_controller';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent } from './sync';
import { syncRolloutStatus } from './progress';
import { actualReplicaCount, deploymentComplete, filterActiveReplicaSets, replicasOf, rsReplicas } from './util';

export function rolloutRecreate(dc: DeploymentController, d: Deployment, rsList: ReplicaSet[], podMap: Map<string, Pod[]>): void {
  // Don't create a new RS yet: that would scale up before the old ones are down.
  let { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(dc, d, rsList, false);
  const activeOld = filterActiveReplicaSets(oldRSs);

  let scaledDown = false;
  for (const rs of activeOld) {
    if (rsReplicas(rs) === 0) continue;
    if (scaleReplicaSetAndRecordEvent(dc, rs, 0, d)) scaledDown = true;
  }
  if (scaledDown) {
    syncRolloutStatus(dc, dc.refresh([...oldRSs, newRS]), newRS && dc.refreshOne(newRS), d);
    return;
  }

  if (oldPodsRunning(newRS, dc.refresh(oldRSs), podMap)) {
    dc.traceFor(d, 'wait', undefined, `Deployment ${d.metadata.name} (Recreate): old pods are still running or terminating → waiting before scaling up the new ReplicaSet`);
    syncRolloutStatus(dc, dc.refresh([...oldRSs, newRS]), newRS && dc.refreshOne(newRS), d);
    return;
  }

  if (!newRS) ({ newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(dc, d, dc.listReplicaSets(d), true));
  if (newRS) scaleReplicaSetAndRecordEvent(dc, newRS, replicasOf(d), d);

  if (deploymentComplete(d, d.status)) cleanupDeployment(dc, oldRSs, d);
  syncRolloutStatus(dc, dc.refresh([...oldRSs, newRS]), newRS && dc.refreshOne(newRS), d);
}

/**
 * oldPodsRunning: old RSs still report pods, or any pod of an old RS (terminating ones included)
 * is not yet Succeeded/Failed. `podMap` groups the Deployment's pods by owning RS UID.
 */
export function oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: readonly (ReplicaSet | undefined)[], podMap: Map<string, Pod[]>): boolean {
  if (actualReplicaCount(oldRSs) > 0) return true;
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata.uid === uid) continue;
    for (const p of pods) {
      const phase = p.status?.phase;
      if (phase === 'Failed' || phase === 'Succeeded') continue;
      return true;
    }
  }
  return false;
}
