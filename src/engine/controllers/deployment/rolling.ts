// Mirrors pkg/controller/deployment/rolling.go: one step of a RollingUpdate. Scale the new
// ReplicaSet up as far as maxSurge allows; otherwise scale old ones down as far as
// maxUnavailable allows; each step waits for the next status change (level-triggered).
//
// 10 replicas at 25%/25% (maxSurge 3, maxUnavailable 2): new 0→3 (13 pods); old 10→8 (available
// 10 > minAvailable 8); when the 3 new pods are available: new 3→5, old 8→5; … until new 10, old 0.
import type { Deployment, ReplicaSet } from '../../api/apps';
import type { DeploymentController } from './deployment_controller';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent } from './sync';
import { syncRolloutStatus } from './progress';
import {
  availableReplicaCount,
  byCreationTimestamp,
  deploymentComplete,
  filterActiveReplicaSets,
  maxUnavailableOf,
  newRSNewReplicas,
  replicasOf,
  rsReplicas,
  specReplicaCount,
} from './util';

export function rolloutRolling(dc: DeploymentController, d: Deployment, rsList: ReplicaSet[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(dc, d, rsList, true);
  if (!newRS) return;
  const allRSs = [...oldRSs, newRS];

  // Scale up, if we can.
  const target = reconcileNewReplicaSet(allRSs, newRS, d);
  if (target !== undefined && scaleReplicaSetAndRecordEvent(dc, newRS, target, d)) {
    syncRolloutStatus(dc, dc.refresh(allRSs), dc.refreshOne(newRS), d);
    return;
  }

  // Scale down, if we can.
  const plan = reconcileOldReplicaSets(allRSs, filterActiveReplicaSets(oldRSs), newRS, d);
  let scaledDown = false;
  for (const step of plan) if (scaleReplicaSetAndRecordEvent(dc, step.rs, step.to, d)) scaledDown = true;
  if (scaledDown) {
    syncRolloutStatus(dc, dc.refresh(allRSs), dc.refreshOne(newRS), d);
    return;
  }

  if (deploymentComplete(d, d.status)) cleanupDeployment(dc, oldRSs, d);
  syncRolloutStatus(dc, dc.refresh(allRSs), dc.refreshOne(newRS), d);
}

/**
 * reconcileNewReplicaSet as a decision: the size the new RS should have now, or undefined for
 * no change. Bigger than the Deployment (it was scaled down) → exactly the Deployment's replicas;
 * smaller → NewRSNewReplicas (bounded by maxSurge).
 */
export function reconcileNewReplicaSet(allRSs: readonly ReplicaSet[], newRS: ReplicaSet, d: Deployment): number | undefined {
  const cur = rsReplicas(newRS);
  const want = replicasOf(d);
  if (cur === want) return undefined;
  if (cur > want) return want;
  const n = newRSNewReplicas(d, allRSs, newRS);
  return n === cur ? undefined : n;
}

export interface ScaleDownStep {
  rs: ReplicaSet;
  to: number;
  /** 'cleanup': unhealthy replicas removed first; 'rolling': healthy ones within maxUnavailable. */
  why: 'cleanup' | 'rolling';
}

/**
 * reconcileOldReplicaSets as a decision.
 *   maxScaledDown = allPods − minAvailable − newRSUnavailable
 * 10 replicas, maxUnavailable 2 (minAvailable 8), old 10 + new 3 (0 available):
 *   13 − 8 − 3 = 2 → may remove 2. First cleanupUnhealthyReplicas (old pods that are not
 * available, oldest RS first), then scaleDownOldReplicaSetsForRollingUpdate: available 10 − 8 =
 * 2 → old 10 → 8.
 */
export function reconcileOldReplicaSets(allRSs: readonly ReplicaSet[], oldRSs: readonly ReplicaSet[], newRS: ReplicaSet, d: Deployment): ScaleDownStep[] {
  const oldPodsCount = specReplicaCount(oldRSs);
  if (oldPodsCount === 0) return [];
  const allPodsCount = specReplicaCount(allRSs);
  const minAvailable = replicasOf(d) - maxUnavailableOf(d);
  const newRSUnavailable = rsReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPodsCount - minAvailable - newRSUnavailable;
  if (maxScaledDown <= 0) return [];

  const { steps: cleanup, sizes } = cleanupUnhealthyReplicas(oldRSs, maxScaledDown);
  const scaled = scaleDownOldReplicaSetsForRollingUpdate(allRSs, oldRSs, sizes, d);
  // Applied in order, as upstream does: the cleanup writes first, then the rolling scale-down.
  return [...cleanup, ...scaled];
}

/**
 * cleanupUnhealthyReplicas: old RSs (oldest first) shed replicas that are not available, up to
 * maxCleanupCount in total. Returns the steps and every old RS's resulting spec size.
 */
export function cleanupUnhealthyReplicas(oldRSs: readonly ReplicaSet[], maxCleanupCount: number): { steps: ScaleDownStep[]; sizes: Map<ReplicaSet, number> } {
  const sorted = [...oldRSs].sort(byCreationTimestamp);
  const sizes = new Map<ReplicaSet, number>(sorted.map((rs) => [rs, rsReplicas(rs)]));
  const steps: ScaleDownStep[] = [];
  let total = 0;
  for (const rs of sorted) {
    if (total >= maxCleanupCount) break;
    const replicas = rsReplicas(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (replicas === 0 || replicas === available) continue;
    const n = Math.min(maxCleanupCount - total, replicas - available);
    const to = replicas - n;
    if (to > replicas) break;
    sizes.set(rs, to);
    steps.push({ rs, to, why: 'cleanup' });
    total += n;
  }
  return { steps, sizes };
}

/**
 * scaleDownOldReplicaSetsForRollingUpdate: remove available old replicas while total available
 * stays ≥ minAvailable. Availability is read from status (all RSs), sizes from `sizes` (after
 * the unhealthy cleanup).
 */
export function scaleDownOldReplicaSetsForRollingUpdate(
  allRSs: readonly ReplicaSet[],
  oldRSs: readonly ReplicaSet[],
  sizes: Map<ReplicaSet, number>,
  d: Deployment,
): ScaleDownStep[] {
  const minAvailable = replicasOf(d) - maxUnavailableOf(d);
  const available = availableReplicaCount(allRSs);
  if (available <= minAvailable) return [];
  const totalScaleDown = available - minAvailable;
  const steps: ScaleDownStep[] = [];
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreationTimestamp)) {
    if (total >= totalScaleDown) break;
    const replicas = sizes.get(rs) ?? rsReplicas(rs);
    if (replicas === 0) continue;
    const n = Math.min(replicas, totalScaleDown - total);
    steps.push({ rs, to: replicas - n, why: 'rolling' });
    total += n;
  }
  return steps;
}
