// Mirrors pkg/controller/cronjob/utils.go: getJobName, mostRecentScheduleTime, nextScheduleTime,
// getJobFromTemplate2. Times are ms since the Unix epoch (UTC).
import type { CronJob, Job } from '../../api/batch';
import type { Schedule } from './cron';

/**
 * getJobName: `<cronjob>-<minutes since the epoch of the scheduled time>`. Scheduled at
 * 2025-01-15T10:30:00Z = 1736937000 s → 28948950 min → `hello-28948950`. Deterministic, so a
 * retried create after a crash hits AlreadyExists instead of starting the run twice.
 */
export function getJobName(cj: CronJob, scheduledMs: number): string {
  return `${cj.metadata.name}-${Math.floor(scheduledMs / 60_000)}`;
}

export interface MostRecent {
  /** The latest schedule time ≤ now that has not run yet, if any. */
  mostRecent?: number;
  /** How many such times were missed (only the latest is started). */
  missed: number;
}

/**
 * mostRecentScheduleTime: walk the schedule from the last run (or creation) up to now. With
 * startingDeadlineSeconds the walk starts no earlier than now − deadline, which is also what
 * keeps a long-stopped controller from counting thousands of missed runs.
 */
export function mostRecentScheduleTime(earliestMs: number, nowMs: number, sched: Schedule, startingDeadlineSeconds?: number): MostRecent {
  let from = earliestMs;
  if (startingDeadlineSeconds !== undefined) from = Math.max(from, nowMs - startingDeadlineSeconds * 1000);
  let t = sched.next(from);
  if (!(t <= nowMs)) return { missed: 0 };
  let missed = 0;
  let last = t;
  // Walk forward to the latest activation ≤ now (a minute schedule missed for a day: 1440 steps).
  while (t <= nowMs) {
    last = t;
    missed++;
    t = sched.next(t);
  }
  return { mostRecent: last, missed };
}

/** The Job a CronJob starts for `scheduledMs` (getJobFromTemplate2). */
export function jobFromTemplate(cj: CronJob, scheduledMs: number, scheduledIso: string): Job {
  const tmpl = cj.spec.jobTemplate;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: getJobName(cj, scheduledMs),
      namespace: cj.metadata.namespace,
      labels: { ...(tmpl.metadata?.labels ?? {}) },
      annotations: { ...(tmpl.metadata?.annotations ?? {}), 'batch.kubernetes.io/cronjob-scheduled-timestamp': scheduledIso },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name ?? '', uid: cj.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }],
    },
    spec: JSON.parse(JSON.stringify(tmpl.spec)) as Job['spec'],
  };
}
