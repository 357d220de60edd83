// Mirrors pkg/controller/ttlafterfinished/ttlafterfinished_controller.go: a finished Job with
// spec.ttlSecondsAfterFinished is deleted (propagationPolicy Background, so the garbage
// collector removes its pods) once `finishTime + ttl` has passed. ttl 100 s, Job completed at
// 10:00:00 → deleted at 10:01:40. Not finished yet, or no ttl: nothing to do, no timer.
import type { Job } from '../../api/batch';
import { keyOf } from '../../api/meta';
import { isNotFound } from '../../apiserver/errors';
import type { Informer } from '../../client/informer';
import type { ComponentContext } from '../../component';
import { Controller } from '../controller';
import { JOBS } from '../job/job_controller';
import { finishTime, isJobFinished } from '../job/utils';

/** When the Job may be deleted (ms, simulated), or undefined if it never expires. */
export function expireAtMs(job: Job, parse: (ts: string | undefined) => number): number | undefined {
  const ttl = job.spec.ttlSecondsAfterFinished;
  if (ttl === undefined || !isJobFinished(job)) return undefined;
  const finished = parse(finishTime(job));
  if (!Number.isFinite(finished)) return undefined;
  return finished + ttl * 1000;
}

export class TTLAfterFinishedController extends Controller {
  private readonly jobInformer: Informer<Job>;

  constructor(ctx: ComponentContext) {
    super('ttl-after-finished-controller', ctx);
    this.jobInformer = ctx.informers.for<Job>(JOBS);
  }

  start(): void {
    const maybe = (j: Job) => {
      if (j.spec.ttlSecondsAfterFinished !== undefined && isJobFinished(j) && !j.metadata.deletionTimestamp) this.enqueue(keyOf(j));
    };
    this.jobInformer.addHandler({ add: maybe, update: (_o, j) => maybe(j) });
  }

  protected sync(key: string): void {
    const job = this.jobInformer.get(key);
    if (!job || job.metadata.deletionTimestamp) return;
    const at = expireAtMs(job, (t) => this.ctx.clock.parse(t));
    if (at === undefined) return;
    const now = this.ctx.clock.now();
    if (now < at) {
      this.enqueueAfter(key, at - now);
      return;
    }
    try {
      this.ctx.api.delete(JOBS, job.metadata.namespace ?? '', job.metadata.name ?? '', { user: this.name, propagationPolicy: 'Background', preconditions: { uid: job.metadata.uid } });
      this.ctx.trace.record({
        component: this.name, action: 'delete', object: { kind: 'Job', namespace: job.metadata.namespace, name: job.metadata.name ?? '', uid: job.metadata.uid },
        message: `Job ${job.metadata.name} finished ${job.spec.ttlSecondsAfterFinished}s ago (ttlSecondsAfterFinished) → deleted it; the garbage collector removes its pods`,
      });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
}
