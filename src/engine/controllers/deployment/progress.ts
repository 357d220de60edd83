// Mirrors pkg/controller/deployment/progress.go (syncRolloutStatus, requeueStuckDeployment) and
// the pause handling of deployment_controller.go (checkPausedConditions): the Progressing
// condition and the progress deadline.
//
// progressDeadlineSeconds 600: every sign of progress (more updated, fewer old, more ready or
// available replicas) refreshes Progressing's lastUpdateTime. If 600 s pass without one, the
// reason becomes ProgressDeadlineExceeded (status False). The rollout itself carries on.
import type { Deployment, DeploymentStatus, ReplicaSet } from '../../api/apps';
import type { Condition } from '../../api/meta';
import type { DeploymentController } from './deployment_controller';
import { calculateStatus } from './sync';
import {
  DEPLOYMENT_PROGRESSING,
  DEPLOYMENT_REPLICA_FAILURE,
  REASONS,
  deploymentComplete,
  getCondition,
  hasProgressDeadline,
  newCondition,
  progressDeadlineSecondsOf,
  removeCondition,
  setCondition,
} from './util';

/** DeploymentProgressing: did anything move forward between the old and the new status? */
export function deploymentProgressing(d: Deployment, newStatus: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (newStatus.replicas ?? 0) - (newStatus.updatedReplicas ?? 0);
  return (
    (newStatus.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (newStatus.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (newStatus.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/**
 * DeploymentTimedOut: Progressing's lastUpdateTime + deadline is strictly before now (epoch ms).
 * A completed rollout (NewReplicaSetAvailable) never times out; a timed-out one stays so.
 */
export function deploymentTimedOut(d: Deployment, newStatus: DeploymentStatus, nowMs: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getCondition(newStatus, DEPLOYMENT_PROGRESSING);
  if (!c) return false;
  if (c.reason === REASONS.NewRSAvailableReason) return false;
  if (c.reason === REASONS.TimedOutReason) return true;
  const from = c.lastUpdateTime ? Date.parse(c.lastUpdateTime) : NaN;
  if (Number.isNaN(from)) return false;
  return from + progressDeadlineSecondsOf(d) * 1000 < nowMs;
}

/**
 * The pure part of syncRolloutStatus: the status to write, with Progressing updated.
 */
export function computeRolloutStatus(allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment, nowMs: number, nowIso: string): DeploymentStatus {
  const newStatus = calculateStatus(allRSs, newRS, d, nowIso);
  if (!hasProgressDeadline(d)) removeCondition(newStatus, DEPLOYMENT_PROGRESSING);
  const currentCond = getCondition(d.status, DEPLOYMENT_PROGRESSING);
  const isCompleteDeployment = newStatus.replicas === newStatus.updatedReplicas && currentCond?.reason === REASONS.NewRSAvailableReason;
  const what = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
  if (hasProgressDeadline(d) && !isCompleteDeployment) {
    if (deploymentComplete(d, newStatus)) {
      setCondition(newStatus, newCondition(DEPLOYMENT_PROGRESSING, 'True', REASONS.NewRSAvailableReason, `${what} has successfully progressed.`, nowIso));
    } else if (deploymentProgressing(d, newStatus)) {
      // Same reason again but fresh lastUpdateTime: that is what "progress" means to the deadline.
      const c = newCondition(DEPLOYMENT_PROGRESSING, 'True', REASONS.ReplicaSetUpdatedReason, `${what} is progressing.`, nowIso);
      if (currentCond) {
        if (currentCond.status === 'True') c.lastTransitionTime = currentCond.lastTransitionTime;
        removeCondition(newStatus, DEPLOYMENT_PROGRESSING);
      }
      newStatus.conditions = [...(newStatus.conditions ?? []), c];
    } else if (deploymentTimedOut(d, newStatus, nowMs)) {
      setCondition(newStatus, newCondition(DEPLOYMENT_PROGRESSING, 'False', REASONS.TimedOutReason, `${what} has timed out progressing.`, nowIso));
    }
  }
  const failure = getReplicaFailures(allRSs, newRS);
  if (failure) setCondition(newStatus, failure);
  else removeCondition(newStatus, DEPLOYMENT_REPLICA_FAILURE);
  return newStatus;
}

/** getReplicaFailures: the new RS's ReplicaFailure first, else any old RS's. */
function getReplicaFailures(allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): Condition | undefined {
  const toDeployment = (c: Condition): Condition => ({
    type: c.type, status: c.status, lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime, reason: c.reason, message: c.message,
  });
  const fromRS = (rs: ReplicaSet | undefined) => rs?.status?.conditions?.find((c) => c.type === DEPLOYMENT_REPLICA_FAILURE);
  const n = fromRS(newRS);
  if (n) return toDeployment(n);
  for (const rs of allRSs) {
    const c = fromRS(rs);
    if (c) return toDeployment(c);
  }
  return undefined;
}

/** syncRolloutStatus: write the status; if nothing changed, arm the progress-deadline check. */
export function syncRolloutStatus(dc: DeploymentController, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): void {
  const newStatus = computeRolloutStatus(allRSs, newRS, d, dc.nowMs(), dc.context.clock.iso());
  if (dc.statusEqual(d.status, newStatus)) {
    requeueStuckDeployment(dc, d, newStatus);
    return;
  }
  const before = getCondition(d.status, DEPLOYMENT_PROGRESSING);
  const after = getCondition(newStatus, DEPLOYMENT_PROGRESSING);
  d.status = newStatus;
  dc.writeDeploymentStatus(d);
  if (after && after.reason !== before?.reason) {
    dc.traceFor(d, 'progress', newRS, `Deployment ${d.metadata.name}: Progressing=${after.status} (${after.reason}): ${after.message}`);
  }
}

/**
 * requeueStuckDeployment: no progress observed now, so look again just after the deadline
 * would pass. Progressing last updated 3 min ago, deadline 10 min → re-sync in 7 min + 1 s.
 * Returns the delay in ms (−1: no check needed).
 */
export function stuckRequeueDelayMs(d: Deployment, newStatus: DeploymentStatus, nowMs: number): number {
  const c = getCondition(d.status, DEPLOYMENT_PROGRESSING);
  if (!hasProgressDeadline(d) || !c) return -1;
  if (deploymentComplete(d, newStatus) || c.reason === REASONS.TimedOutReason) return -1;
  const from = c.lastUpdateTime ? Date.parse(c.lastUpdateTime) : NaN;
  if (Number.isNaN(from)) return -1;
  const after = from + progressDeadlineSecondsOf(d) * 1000 - nowMs;
  if (after < 1000) return 0;
  return after + 1000;
}

function requeueStuckDeployment(dc: DeploymentController, d: Deployment, newStatus: DeploymentStatus): void {
  const ms = stuckRequeueDelayMs(d, newStatus, dc.nowMs());
  // Upstream re-queues "rate limited" below one second; 1 s here keeps the loop quiet.
  if (ms >= 0) dc.armProgressCheck(dc.keyFor(d), Math.max(ms, 1000));
  else dc.disarmProgressCheck(dc.keyFor(d));
}

/**
 * checkPausedConditions: pausing sets Progressing Unknown/DeploymentPaused ("Deployment is
 * paused"), resuming sets DeploymentResumed ("Deployment is resumed"), so that time spent
 * paused never counts against the progress deadline. A timed-out condition is left alone.
 * Returns true when the status was changed (and must be written).
 */
export function checkPausedConditions(d: Deployment, nowIso: string): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getCondition(d.status, DEPLOYMENT_PROGRESSING);
  if (c?.reason === REASONS.TimedOutReason) return false;
  const pausedCondExists = c?.reason === REASONS.PausedDeployReason;
  if (d.spec.paused && !pausedCondExists) {
    setCondition((d.status ??= {}), newCondition(DEPLOYMENT_PROGRESSING, 'Unknown', REASONS.PausedDeployReason, 'Deployment is paused', nowIso));
    return true;
  }
  if (!d.spec.paused && pausedCondExists) {
    setCondition((d.status ??= {}), newCondition(DEPLOYMENT_PROGRESSING, 'Unknown', REASONS.ResumedDeployReason, 'Deployment is resumed', nowIso));
    return true;
  }
  return false;
}
