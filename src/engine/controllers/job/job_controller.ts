// Mirrors pkg/controller/job/job_controller.go: syncJob → (count finished pods) → decide
// success / failure → manageJob (create or delete pods) → write status. Level-triggered: every
// sync re-reads the Job and its pods; the informer handlers only enqueue the Job's key.
import type { Job, JobStatus } from '../../api/batch';
import { JOB_COMPLETION_INDEX_ANNOTATION } from '../../api/batch';
import type { Pod } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import { controllerOf, deepCopy, keyOf, objectKey } from '../../api/meta';
import { fromLabelSelector, matches } from '../../api/labels';
import type { GVR } from '../../apiserver/apiserver';
import { jsonEqual } from '../../apiserver/apiserver';
import { isNotFound } from '../../apiserver/errors';
import type { Informer } from '../../client/informer';
import { BY_CONTROLLER } from '../../client/informer';
import type { Recorder } from '../../client/recorder';
import type { ComponentContext } from '../../component';
import type { ObjectRef } from '../../sim/trace';
import { Controller } from '../controller';
import { isPodReady, slowStartBatches } from '../replicaset/controller_utils';
import { newControllerRef } from '../replicaset/controller_ref_manager';
import { backoffRecordFrom, remainingBackoffMs } from './backoff';
import { addCompletionIndexEnv, firstPendingIndexes, formatIndexes, getCompletionIndex } from './indexed_job_utils';
import { matchPodFailurePolicy } from './pod_failure_policy';
import {
  MSG_BACKOFF_LIMIT, MSG_COMPLETIONS_REACHED, MSG_DEADLINE, REASON_BACKOFF_LIMIT, REASON_COMPLETIONS_REACHED, REASON_DEADLINE,
  REASON_POD_FAILURE_POLICY, hasCondition, isJobFinished, newCondition, setCondition,
} from './utils';

export const JOBS: GVR = { group: 'batch', resource: 'jobs' };
const PODS: GVR = { group: '', resource: 'pods' };
/** MaxPodCreateDeletePerSync. */
const MAX_POD_CREATE_DELETE_PER_SYNC = 500;

const isTerminal = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
const byName = (a: Pod, b: Pod) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1);

export class JobController extends Controller {
  private readonly jobInformer: Informer<Job>;
  private readonly podInformer: Informer<Pod>;
  private readonly recorder: Recorder;
  /**
   * Finished pods already counted into status, per Job UID: the stand-in for upstream's
   * `batch.kubernetes.io/job-tracking` finalizer (a pod is counted exactly once, even if it is
   * deleted afterwards). Dropped when the Job finishes or goes away.
   */
  private counted = new Map<string, Set<string>>();

  constructor(ctx: ComponentContext) {
    super('job-controller', ctx);
    this.jobInformer = ctx.informers.for<Job>(JOBS);
    this.podInformer = ctx.informers.for<Pod>(PODS);
    this.recorder = ctx.events.for({ component: 'job-controller' });
  }

  start(): void {
    this.jobInformer.addHandler({
      add: (j) => this.enqueue(keyOf(j)),
      update: (_o, j) => this.enqueue(keyOf(j)),
      delete: (j) => {
        this.counted.delete(j.metadata.uid ?? '');
      },
    });
    const onPod = (p: Pod) => {
      const ref = controllerOf(p);
      if (ref?.kind === 'Job') this.enqueue(objectKey(p.metadata.namespace, ref.name));
    };
    this.podInformer.addHandler({ add: onPod, update: (_o, p) => onPod(p), delete: onPod });
  }

  protected override saveExtra(): unknown {
    return [...this.counted.entries()].map(([k, v]) => [k, [...v].sort()]);
  }

  protected override loadExtra(s: unknown): void {
    this.counted = new Map(((s as [string, string[]][] | null) ?? []).map(([k, v]) => [k, new Set(v)]));
  }

  protected sync(key: string): void {
    this.syncJob(key);
  }

  private ref(o: KubeObject): ObjectRef {
    return { kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name ?? '', uid: o.metadata.uid };
  }

  private trace(job: Job, action: string, message: string, object?: KubeObject): void {
    this.ctx.trace.record({ component: this.name, action, object: object ? this.ref(object) : this.ref(job), cause: object ? this.ref(job) : undefined, message: `Job ${job.metadata.name}: ${message}` });
  }

  /** finishedAt of a terminal pod: its last container's termination time. */
  private finishedAtMs(p: Pod): number {
    let t = -Infinity;
    for (const cs of [...(p.status?.containerStatuses ?? []), ...(p.status?.initContainerStatuses ?? [])]) {
      const f = this.ctx.clock.parse(cs.state?.terminated?.finishedAt);
      if (Number.isFinite(f) && f > t) t = f;
    }
    return Number.isFinite(t) ? t : this.ctx.clock.now();
  }

  syncJob(key: string): void {
    const job = this.jobInformer.get(key);
    if (!job || job.metadata.deletionTimestamp) return;
    const uid = job.metadata.uid ?? '';
    if (isJobFinished(job)) {
      this.counted.delete(uid);
      return;
    }
    const now = this.ctx.clock.now();
    const nowIso = this.ctx.clock.iso();
    const spec = job.spec;
    const sel = fromLabelSelector(spec.selector);
    const pods = this.podInformer
      .byIndex(BY_CONTROLLER, uid)
      .filter((p) => p.metadata.namespace === job.metadata.namespace && (!sel || matches(sel, p.metadata.labels)))
      .sort(byName);
    const status: JobStatus = deepCopy(job.status ?? {});
    const conds = (status.conditions ??= []);
    const counted = this.counted.get(uid) ?? new Set<string>();
    this.counted.set(uid, counted);
    const indexed = spec.completionMode === 'Indexed';
    const completions = spec.completions;
    const parallelism = spec.parallelism ?? 1;
    const suspend = !!spec.suspend;

    // 1. Count pods that finished since the last sync (each exactly once).
    let failureTarget: { reason: string; message: string } | undefined;
    const succeededIdx = new Set<number>(indexed ? parseCompleted(status.completedIndexes) : []);
    for (const p of pods) {
      if (!isTerminal(p) || counted.has(p.metadata.uid ?? '')) continue;
      counted.add(p.metadata.uid ?? '');
      if (p.status?.phase === 'Succeeded') {
        status.succeeded = (status.succeeded ?? 0) + 1;
        const idx = getCompletionIndex(p);
        if (indexed && idx !== undefined && completions !== undefined && idx < completions) succeededIdx.add(idx);
        this.trace(job, 'pod-succeeded', `pod ${p.metadata.name} succeeded → succeeded ${status.succeeded}${completions !== undefined ? `/${completions}` : ''}`, p);
        continue;
      }
      const m = matchPodFailurePolicy(spec, p);
      if (m?.action === 'Ignore') {
        this.trace(job, 'pod-failed', `pod ${p.metadata.name} failed; a podFailurePolicy Ignore rule matched → not counted against backoffLimit`, p);
        continue;
      }
      status.failed = (status.failed ?? 0) + 1;
      this.trace(job, 'pod-failed', `pod ${p.metadata.name} failed → failed ${status.failed} (backoffLimit ${spec.backoffLimit ?? 6})`, p);
      if (m?.action === 'FailJob' && !failureTarget) failureTarget = { reason: REASON_POD_FAILURE_POLICY, message: m.message ?? '' };
    }
    if (indexed) status.completedIndexes = formatIndexes([...succeededIdx]);

    const active = pods.filter((p) => !isTerminal(p) && !p.metadata.deletionTimestamp);
    const terminating = pods.filter((p) => !isTerminal(p) && !!p.metadata.deletionTimestamp);

    // 2. startTime: set when the Job first runs (and again on resume).
    if (!suspend && !status.startTime) status.startTime = nowIso;

    // 3. Failure: a FailureTarget already set, a FailJob rule, too many failures, or the deadline.
    const existingTarget = conds.find((c) => c.type === 'FailureTarget' && c.status === 'True');
    if (existingTarget) failureTarget = { reason: existingTarget.reason ?? '', message: existingTarget.message ?? '' };
    if (!failureTarget && !hasCondition(job, 'SuccessCriteriaMet')) {
      const limit = spec.backoffLimit ?? 6;
      // OnFailure pods restart in place: their container restarts count as failures too.
      const restarts = spec.template.spec.restartPolicy === 'OnFailure' ? active.reduce((n, p) => n + restartsOf(p), 0) : 0;
      if ((status.failed ?? 0) > limit || (restarts > 0 && (status.failed ?? 0) + restarts > limit) || (limit === 0 && restarts > 0)) {
        failureTarget = { reason: REASON_BACKOFF_LIMIT, message: MSG_BACKOFF_LIMIT };
      } else if (spec.activeDeadlineSeconds !== undefined && status.startTime && !suspend) {
        const deadline = this.ctx.clock.parse(status.startTime) + spec.activeDeadlineSeconds * 1000;
        if (now >= deadline) failureTarget = { reason: REASON_DEADLINE, message: MSG_DEADLINE };
        else this.enqueueAfter(key, deadline - now);
      }
    }

    // 4. Success: enough completions (or, with completions unset, any success and nobody left).
    const succeeded = status.succeeded ?? 0;
    let successMet = hasCondition(job, 'SuccessCriteriaMet');
    if (!failureTarget && !successMet) {
      if (indexed) successMet = completions !== undefined && succeededIdx.size >= completions;
      else if (completions !== undefined) successMet = succeeded >= completions;
      else successMet = succeeded > 0 && active.length === 0;
    }

    let remaining = active;
    if (failureTarget) {
      if (setCondition(conds, newCondition('FailureTarget', 'True', failureTarget.reason, failureTarget.message, nowIso))) {
        this.trace(job, 'fail', `${failureTarget.reason}: ${failureTarget.message} → deleting ${active.length} active pod(s)`);
      }
      remaining = this.deletePods(job, active, 'the Job is failing');
    } else if (successMet) {
      if (setCondition(conds, newCondition('SuccessCriteriaMet', 'True', REASON_COMPLETIONS_REACHED, MSG_COMPLETIONS_REACHED, nowIso))) {
        this.trace(job, 'succeed', `${succeeded} pod(s) succeeded${completions !== undefined ? ` of ${completions} wanted` : ''} → success criteria met`);
      }
      remaining = this.deletePods(job, active, 'the Job has all its completions');
    } else {
      remaining = this.manageJob(job, key, status, active, terminating, pods, succeededIdx, suspend, parallelism, nowIso, conds);
    }

    // 5. Finish once no pod is left running (1.31+: the interim condition comes first). Re-read:
    // our own creates and deletes are already in the cache (synchronous watch).
    void remaining;
    const after = this.podInformer
      .byIndex(BY_CONTROLLER, uid)
      .filter((p) => p.metadata.namespace === job.metadata.namespace && !isTerminal(p));
    const afterActive = after.filter((p) => !p.metadata.deletionTimestamp);
    const stillRunning = after.length;
    if (failureTarget && stillRunning === 0 && !hasCondition(job, 'Failed')) {
      setCondition(conds, newCondition('Failed', 'True', failureTarget.reason, failureTarget.message, nowIso));
      this.recorder.event(job, 'Warning', failureTarget.reason, failureTarget.message);
      this.trace(job, 'failed', `all pods stopped → Failed (${failureTarget.reason})`);
    }
    if (!failureTarget && successMet && stillRunning === 0 && !hasCondition(job, 'Complete')) {
      setCondition(conds, newCondition('Complete', 'True', REASON_COMPLETIONS_REACHED, MSG_COMPLETIONS_REACHED, nowIso));
      status.completionTime = nowIso;
      this.recorder.event(job, 'Normal', 'Completed', 'Job completed');
      this.trace(job, 'complete', `Complete after ${succeeded} successful pod(s)`);
    }

    status.active = afterActive.length || undefined;
    status.ready = afterActive.filter(isPodReady).length;
    status.terminating = after.length - afterActive.length;
    status.uncountedTerminatedPods ??= {};
    if (!status.succeeded) delete status.succeeded;
    if (!status.failed) delete status.failed;
    if (status.active === undefined) delete status.active;
    if (!conds.length) delete status.conditions;
    if (indexed) status.completedIndexes ??= '';
    if (!jsonEqual(status, job.status)) {
      const copy = deepCopy(job);
      copy.status = status;
      this.ctx.api.update(JOBS, job.metadata.namespace ?? '', copy, { user: this.name, subresource: 'status' });
    }
  }

  /**
   * manageJob: wantActive = min(parallelism, completions - succeeded) (or parallelism while
   * nothing has succeeded, for a Job without completions). 5 completions, parallelism 2,
   * 4 succeeded → want 1. Replacements for failed pods wait out the back-off first.
   */
  private manageJob(
    job: Job, key: string, status: JobStatus, active: Pod[], terminating: Pod[], pods: Pod[], succeededIdx: Set<number>,
    suspend: boolean, parallelism: number, nowIso: string, conds: NonNullable<JobStatus['conditions']>,
  ): Pod[] {
    const spec = job.spec;
    if (suspend) {
      if (setCondition(conds, newCondition('Suspended', 'True', 'JobSuspended', 'Job suspended', nowIso))) {
        this.recorder.event(job, 'Normal', 'Suspended', 'Job suspended');
        this.trace(job, 'suspend', `spec.suspend is true → deleting ${active.length} active pod(s)`);
      }
      // A suspended Job's clock stops: activeDeadlineSeconds counts again from the resume.
      delete status.startTime;
      return this.deletePods(job, active, 'the Job is suspended');
    }
    const susp = conds.find((c) => c.type === 'Suspended');
    if (susp?.status === 'True') {
      setCondition(conds, newCondition('Suspended', 'False', 'JobResumed', 'Job resumed', nowIso));
      status.startTime = nowIso;
      this.recorder.event(job, 'Normal', 'Resumed', 'Job resumed');
      this.trace(job, 'resume', 'spec.suspend is false again → resuming; startTime reset');
    }
    const succeeded = status.succeeded ?? 0;
    const completions = spec.completions;
    let want: number;
    if (completions === undefined) want = succeeded > 0 ? active.length : parallelism;
    else if (spec.completionMode === 'Indexed') want = Math.min(parallelism, completions - succeededIdx.size);
    else want = Math.max(0, Math.min(parallelism, completions - succeeded));
    // podReplacementPolicy Failed: a terminating pod still counts until it is fully gone.
    const busy = active.length + (spec.podReplacementPolicy === 'Failed' ? terminating.length : 0);
    if (active.length > want) {
      const extra = [...active].sort((a, b) => (isPodReady(a) === isPodReady(b) ? byName(b, a) : isPodReady(a) ? 1 : -1)).slice(0, active.length - want);
      const kept = this.deletePods(job, extra, `too many active pods (want ${want})`);
      return active.filter((p) => !extra.includes(p) || kept.includes(p));
    }
    let diff = Math.min(want - busy, MAX_POD_CREATE_DELETE_PER_SYNC);
    if (diff <= 0) return active;
    // Back-off after failures: 1 failure → wait 10 s, 2 → 20 s, 3 → 40 s… (backoff.ts).
    const rec = backoffRecordFrom(pods.filter(isTerminal).map((p) => ({ succeeded: p.status?.phase === 'Succeeded', finishedAt: this.finishedAtMs(p) })));
    const wait = remainingBackoffMs(rec, this.ctx.clock.now());
    if (wait > 0) {
      this.trace(job, 'backoff', `${rec.failuresAfterLastSuccess} failed pod(s) in a row → waiting ${Math.round(wait / 1000)}s before creating a replacement`);
      this.enqueueAfter(key, wait);
      return active;
    }
    const created: Pod[] = [];
    let indexes: number[] = [];
    if (spec.completionMode === 'Indexed') {
      const activeIdx = new Set(active.map(getCompletionIndex).filter((x): x is number => x !== undefined));
      indexes = firstPendingIndexes(completions ?? 0, succeededIdx, activeIdx, diff);
      diff = indexes.length;
    }
    let n = 0;
    for (const batch of slowStartBatches(diff)) {
      let failed = false;
      for (let i = 0; i < batch; i++) {
        const pod = this.createPod(job, spec.completionMode === 'Indexed' ? indexes[n] : undefined, want, active.length + created.length);
        n++;
        if (pod) created.push(pod);
        else failed = true;
      }
      if (failed) break;
    }
    return [...active, ...created];
  }

  private createPod(job: Job, index: number | undefined, want: number, have: number): Pod | undefined {
    const t = job.spec.template;
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        // Indexed pods carry their index in the name: `indexed-job-2-x7k2p`.
        generateName: index === undefined ? `${job.metadata.name}-` : `${job.metadata.name}-${index}-`,
        namespace: job.metadata.namespace,
        labels: { ...(t.metadata?.labels ?? {}) },
        ownerReferences: [newControllerRef({ apiVersion: 'batch/v1', kind: 'Job', metadata: job.metadata })],
      },
      spec: deepCopy(t.spec),
    };
    if (t.metadata?.annotations) pod.metadata.annotations = { ...t.metadata.annotations };
    if (index !== undefined) {
      pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), [JOB_COMPLETION_INDEX_ANNOTATION]: String(index) };
      pod.metadata.labels![JOB_COMPLETION_INDEX_ANNOTATION] = String(index);
      pod.spec.hostname = `${job.metadata.name}-${index}`;
      addCompletionIndexEnv(pod.spec.initContainers);
      addCompletionIndexEnv(pod.spec.containers);
    }
    try {
      const created = this.ctx.api.create(PODS, job.metadata.namespace ?? '', pod, { user: this.name }) as Pod;
      this.recorder.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
      this.trace(job, 'create', `want ${want} active, have ${have} → created pod ${created.metadata.name}${index !== undefined ? ` for index ${index}` : ''}`, created);
      return created;
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      this.recorder.event(job, 'Warning', 'FailedCreate', `Error creating: ${msg}`);
      this.trace(job, 'create-failed', `could not create a pod: ${msg}`);
      return undefined;
    }
  }

  /** Delete pods; returns those that could not be deleted (still active). */
  private deletePods(job: Job, pods: Pod[], why: string): Pod[] {
    const left: Pod[] = [];
    for (const p of pods) {
      try {
        this.ctx.api.delete(PODS, p.metadata.namespace ?? '', p.metadata.name ?? '', { user: this.name, preconditions: { uid: p.metadata.uid } });
        this.recorder.event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`);
        this.trace(job, 'delete', `${why} → deleted pod ${p.metadata.name}`, p);
      } catch (e) {
        if (isNotFound(e)) continue;
        left.push(p);
      }
    }
    // Graceful deletion: the pods are now terminating, not active.
    return left;
  }
}

function restartsOf(p: Pod): number {
  return [...(p.status?.containerStatuses ?? []), ...(p.status?.initContainerStatuses ?? [])].reduce((n, c) => n + (c.restartCount ?? 0), 0);
}

function parseCompleted(s: string | undefined): number[] {
  const out: number[] = [];
  for (const part of (s ?? '').split(',')) {
    if (!part) continue;
    const [a, b] = part.split('-').map(Number);
    for (let i = a; i <= (b ?? a); i++) out.push(i);
  }
  return out;
}
