// Job condition helpers: mirrors pkg/controller/job/util/utils.go (IsJobFinished,
// FinishedCondition) and newCondition / ensureJobConditionStatus in job_controller.go.
import type { Job } from '../../api/batch';
import type { Condition } from '../../api/meta';

export type JobConditionType = 'Complete' | 'Failed' | 'Suspended' | 'FailureTarget' | 'SuccessCriteriaMet';

export function hasCondition(job: Job, type: JobConditionType): boolean {
  return !!job.status?.conditions?.some((c) => c.type === type && c.status === 'True');
}

/** A Job is finished once Complete or Failed is True; nothing changes it after that. */
export function isJobFinished(job: Job): boolean {
  return hasCondition(job, 'Complete') || hasCondition(job, 'Failed');
}

/** The time the Job finished (completionTime, or the Failed condition's transition). */
export function finishTime(job: Job): string | undefined {
  const c = job.status?.conditions?.find((x) => (x.type === 'Complete' || x.type === 'Failed') && x.status === 'True');
  return c ? job.status?.completionTime ?? c.lastTransitionTime : undefined;
}

export function newCondition(type: JobConditionType, status: 'True' | 'False', reason: string, message: string, now: string): Condition {
  return { type, status, lastProbeTime: now, lastTransitionTime: now, reason, message };
}

/** ensureJobConditionStatus: add or flip a condition; returns true when something changed. */
export function setCondition(conds: Condition[], c: Condition): boolean {
  const i = conds.findIndex((x) => x.type === c.type);
  if (i < 0) {
    conds.push(c);
    return true;
  }
  const cur = conds[i];
  if (cur.status === c.status && cur.reason === c.reason && cur.message === c.message) return false;
  conds[i] = cur.status === c.status ? { ...c, lastTransitionTime: cur.lastTransitionTime } : c;
  return true;
}

export const REASON_COMPLETIONS_REACHED = 'CompletionsReached';
export const MSG_COMPLETIONS_REACHED = 'Reached expected number of succeeded pods';
export const REASON_BACKOFF_LIMIT = 'BackoffLimitExceeded';
export const MSG_BACKOFF_LIMIT = 'Job has reached the specified backoff limit';
export const REASON_DEADLINE = 'DeadlineExceeded';
export const MSG_DEADLINE = 'Job was active longer than specified deadline';
export const REASON_POD_FAILURE_POLICY = 'PodFailurePolicy';
