// Mirrors pkg/controller/cronjob/cronjob_controllerv2.go: syncCronJob(key) reconciles
// status.active with the Jobs that exist, starts the Job for the most recent unmet schedule time
// (honouring suspend, startingDeadlineSeconds and concurrencyPolicy), removes finished Jobs
// beyond the history limits, and re-queues itself for the next schedule time. A suspended
// CronJob, or one without a valid schedule, holds no timer.
import type { CronJob, CronJobStatus, Job } from '../../api/batch';
import type { KubeObject } from '../../api/meta';
import { controllerOf, deepCopy, keyOf, objectKey } from '../../api/meta';
import type { GVR } from '../../apiserver/apiserver';
import { jsonEqual } from '../../apiserver/apiserver';
import { isAlreadyExists, isNotFound } from '../../apiserver/errors';
import type { Informer } from '../../client/informer';
import { BY_CONTROLLER } from '../../client/informer';
import type { Recorder } from '../../client/recorder';
import type { ComponentContext } from '../../component';
import { Controller } from '../controller';
import { JOBS } from '../job/job_controller';
import { hasCondition, isJobFinished } from '../job/utils';
import { CronParseError, parseStandard } from './cron';
import { getJobName, jobFromTemplate, mostRecentScheduleTime } from './utils';
import { rfc1123z } from '../../sim/calendar';

export const CRONJOBS: GVR = { group: 'batch', resource: 'cronjobs' };
/** nextScheduleDelta: wake a little after the schedule time so `now` is safely past it. */
const NEXT_SCHEDULE_DELTA_MS = 100;

export class CronJobController extends Controller {
  private readonly cjInformer: Informer<CronJob>;
  private readonly jobInformer: Informer<Job>;
  private readonly recorder: Recorder;

  constructor(ctx: ComponentContext) {
    super('cronjob-controller', ctx);
    this.cjInformer = ctx.informers.for<CronJob>(CRONJOBS);
    this.jobInformer = ctx.informers.for<Job>(JOBS);
    this.recorder = ctx.events.for({ component: 'cronjob-controller' });
  }

  start(): void {
    this.cjInformer.addHandler({ add: (c) => this.enqueue(keyOf(c)), update: (_o, c) => this.enqueue(keyOf(c)) });
    const onJob = (j: Job) => {
      const ref = controllerOf(j);
      if (ref?.kind === 'CronJob') this.enqueue(objectKey(j.metadata.namespace, ref.name));
    };
    this.jobInformer.addHandler({ add: onJob, update: (_o, j) => onJob(j), delete: onJob });
  }

  private epochMs(simMs: number): number {
    return this.ctx.clock.epochMs + simMs;
  }

  private isoOfEpoch(ms: number): string {
    return this.ctx.clock.iso(ms - this.ctx.clock.epochMs);
  }

  private trace(cj: CronJob, action: string, message: string, obj?: KubeObject): void {
    this.ctx.trace.record({
      component: this.name, action,
      object: obj ? { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name ?? '', uid: obj.metadata.uid } : { kind: 'CronJob', namespace: cj.metadata.namespace, name: cj.metadata.name ?? '', uid: cj.metadata.uid },
      cause: obj ? { kind: 'CronJob', namespace: cj.metadata.namespace, name: cj.metadata.name ?? '', uid: cj.metadata.uid } : undefined,
      message: `CronJob ${cj.metadata.name}: ${message}`,
    });
  }

  protected sync(key: string): void {
    const cj = this.cjInformer.get(key);
    if (!cj) return;
    const jobs = this.jobInformer
      .byIndex(BY_CONTROLLER, cj.metadata.uid ?? '')
      .filter((j) => j.metadata.namespace === cj.metadata.namespace)
      .sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
    const status: CronJobStatus = deepCopy(cj.status ?? {});
    const requeue = this.syncCronJob(cj, jobs, status);
    this.cleanupFinishedJobs(cj, status);
    if (!jsonEqual(status, cj.status ?? {})) {
      const copy = deepCopy(cj);
      copy.status = status;
      if (!status.active?.length) delete copy.status.active;
      this.ctx.api.update(CRONJOBS, cj.metadata.namespace ?? '', copy, { user: this.name, subresource: 'status' });
    }
    if (requeue !== undefined) this.enqueueAfter(key, requeue);
  }

  /** Returns the delay until the next sync should run, or undefined for "no timer". */
  private syncCronJob(cj: CronJob, jobs: Job[], status: CronJobStatus): number | undefined {
    const active = (status.active ??= []);
    const nowSim = this.ctx.clock.now();
    const now = this.epochMs(nowSim);
    // 1. Reconcile status.active with the Jobs that exist.
    for (const j of jobs) {
      const inActive = active.some((a) => a.uid === j.metadata.uid);
      const finished = isJobFinished(j);
      if (!inActive && !finished) {
        this.recorder.event(cj, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata.name}`);
        active.push(jobRef(j));
      } else if (inActive && finished) {
        const cond = hasCondition(j, 'Complete') ? 'Complete' : 'Failed';
        active.splice(active.findIndex((a) => a.uid === j.metadata.uid), 1);
        this.recorder.event(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, condition: ${cond}`);
        this.trace(cj, 'saw-completed', `Job ${j.metadata.name} finished (${cond}) → removed from status.active`, j);
        if (cond === 'Complete' && j.status?.completionTime) {
          const t = this.ctx.clock.parse(j.status.completionTime);
          if (!status.lastSuccessfulTime || t > this.ctx.clock.parse(status.lastSuccessfulTime)) status.lastSuccessfulTime = j.status.completionTime;
        }
      }
    }
    for (let i = active.length - 1; i >= 0; i--) {
      if (!jobs.some((j) => j.metadata.uid === active[i].uid)) {
        this.recorder.event(cj, 'Normal', 'MissingJob', `Active job went missing: ${active[i].name}`);
        active.splice(i, 1);
      }
    }
    if (cj.metadata.deletionTimestamp) return undefined;
    if (cj.spec.suspend) {
      this.trace(cj, 'suspended', 'spec.suspend is true → not scheduling');
      return undefined;
    }
    let sched;
    try {
      sched = parseStandard(cj.spec.schedule);
    } catch (e) {
      if (!(e instanceof CronParseError)) throw e;
      this.recorder.event(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(cj.spec.schedule)} : ${e.message}`);
      return undefined;
    }
    const earliest = this.ctx.clock.parse(status.lastScheduleTime ?? cj.metadata.creationTimestamp) + this.ctx.clock.epochMs;
    const mr = mostRecentScheduleTime(earliest, now, sched, cj.spec.startingDeadlineSeconds);
    const nextDelay = () => {
      const next = sched.next(now);
      return Number.isFinite(next) ? next - now + NEXT_SCHEDULE_DELTA_MS : undefined;
    };
    if (mr.mostRecent === undefined) return nextDelay();
    if (mr.missed > 100) {
      this.recorder.event(cj, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
    }
    const scheduled = mr.mostRecent;
    const iso = this.isoOfEpoch(scheduled);
    if (cj.spec.startingDeadlineSeconds !== undefined && scheduled + cj.spec.startingDeadlineSeconds * 1000 < now) {
      this.recorder.event(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`);
      this.trace(cj, 'missed', `the run scheduled for ${iso} is more than startingDeadlineSeconds (${cj.spec.startingDeadlineSeconds}s) late → skipped`);
      return nextDelay();
    }
    if (active.length > 0 && cj.spec.concurrencyPolicy === 'Forbid') {
      this.recorder.event(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      this.trace(cj, 'forbid', `run for ${iso} due, but ${active[0].name} is still running and concurrencyPolicy is Forbid → skipped`);
      return nextDelay();
    }
    if (cj.spec.concurrencyPolicy === 'Replace') {
      for (const a of [...active]) {
        try {
          this.ctx.api.delete(JOBS, cj.metadata.namespace ?? '', a.name, { user: this.name, propagationPolicy: 'Background' });
          this.recorder.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${a.name}`);
          this.trace(cj, 'replace', `concurrencyPolicy Replace → deleted still-running Job ${a.name}`);
        } catch (e) {
          if (!isNotFound(e)) throw e;
        }
        active.splice(active.indexOf(a), 1);
      }
    }
    const job = jobFromTemplate(cj, scheduled, iso);
    try {
      const created = this.ctx.api.create(JOBS, cj.metadata.namespace ?? '', job, { user: this.name }) as Job;
      this.recorder.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${created.metadata.name}`);
      this.trace(cj, 'create', `schedule "${cj.spec.schedule}" was due at ${iso}${mr.missed > 1 ? ` (${mr.missed} runs missed; starting only the latest)` : ''} → created Job ${created.metadata.name}`, created);
      active.push(jobRef(created));
    } catch (e) {
      if (!isAlreadyExists(e)) {
        this.recorder.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${e instanceof Error ? e.message : String(e)}`);
        throw e;
      }
      // Already created for this time (getJobName is deterministic): nothing to start.
      void getJobName;
    }
    status.lastScheduleTime = iso;
    return nextDelay();
  }

  /**
   * cleanupFinishedJobs: keep the newest successfulJobsHistoryLimit (3) Complete and
   * failedJobsHistoryLimit (1) Failed Jobs; delete older ones (Background: their pods go too).
   */
  private cleanupFinishedJobs(cj: CronJob, status: CronJobStatus): void {
    const jobs = this.jobInformer
      .byIndex(BY_CONTROLLER, cj.metadata.uid ?? '')
      .filter((j) => j.metadata.namespace === cj.metadata.namespace && !j.metadata.deletionTimestamp);
    void status;
    const startOf = (j: Job) => this.ctx.clock.parse(j.status?.startTime ?? j.metadata.creationTimestamp);
    const prune = (list: Job[], limit: number) => {
      const sorted = [...list].sort((a, b) => startOf(a) - startOf(b) || ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
      for (const j of sorted.slice(0, Math.max(0, sorted.length - limit))) {
        try {
          this.ctx.api.delete(JOBS, j.metadata.namespace ?? '', j.metadata.name ?? '', { user: this.name, propagationPolicy: 'Background' });
          this.recorder.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${j.metadata.name}`);
          this.trace(cj, 'cleanup', `more than ${limit} finished Job(s) of this kind kept → deleted the oldest, ${j.metadata.name}`, j);
        } catch (e) {
          if (!isNotFound(e)) throw e;
        }
      }
    };
    prune(jobs.filter((j) => hasCondition(j, 'Complete')), cj.spec.successfulJobsHistoryLimit ?? 3);
    prune(jobs.filter((j) => hasCondition(j, 'Failed')), cj.spec.failedJobsHistoryLimit ?? 1);
  }
}

function jobRef(j: Job): NonNullable<CronJobStatus['active']>[number] {
  return { apiVersion: 'batch/v1', kind: 'Job', name: j.metadata.name ?? '', namespace: j.metadata.namespace, uid: j.metadata.uid, resourceVersion: j.metadata.resourceVersion };
}
