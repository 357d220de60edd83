// describe for Jobs and CronJobs: mirrors JobDescriber and CronJobDescriber in
// staging/src/k8s.io/kubectl/pkg/describe/describe.go.
import type { Event } from '../../api/core';
import type { CronJob, Job } from '../../api/batch';
import { labelSelectorString } from '../../api/labels';
import { humanDuration } from '../duration';
import type { PrintContext } from '../printers/columns';
import { describeEvents, describePodTemplate, printAnnotationsMultiline, printLabelsMultiline } from './helpers';
import { LEVEL_0, PrefixWriter, rfc1123z } from './writer';

export function describeJob(job: Job, events: Event[], p: PrintContext): string {
  const w = new PrefixWriter();
  const spec = job.spec ?? ({} as Job['spec']);
  const st = job.status ?? {};
  w.write(LEVEL_0, `Name:\t${job.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${job.metadata.namespace}\n`);
  w.write(LEVEL_0, `Selector:\t${labelSelectorString(spec.selector) || '<none>'}\n`);
  printLabelsMultiline(w, 'Labels', job.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', job.metadata.annotations);
  w.write(LEVEL_0, `Parallelism:\t${spec.parallelism ?? 1}\n`);
  w.write(LEVEL_0, `Completions:\t${spec.completions ?? '<unset>'}\n`);
  w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode ?? 'NonIndexed'}\n`);
  w.write(LEVEL_0, `Suspend:\t${spec.suspend ? 'true' : 'false'}\n`);
  w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit ?? 6}\n`);
  if (spec.ttlSecondsAfterFinished !== undefined) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
  if (st.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
  if (st.completionTime) {
    w.write(LEVEL_0, `Completed At:\t${rfc1123z(st.completionTime)}\n`);
    if (st.startTime) w.write(LEVEL_0, `Duration:\t${humanDuration(p.parse(st.completionTime) - p.parse(st.startTime))}\n`);
  }
  if (spec.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  w.write(LEVEL_0, `Pods Statuses:\t${st.active ?? 0} Active (${st.ready ?? 0} Ready) / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
  if (spec.completionMode === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${st.completedIndexes || '<none>'}\n`);
  describePodTemplate(w, spec.template);
  describeEvents(w, events, p);
  return w.toString();
}

export function describeCronJob(cj: CronJob, events: Event[], p: PrintContext): string {
  const w = new PrefixWriter();
  const spec = cj.spec ?? ({} as CronJob['spec']);
  const jobSpec = spec.jobTemplate?.spec ?? ({} as Job['spec']);
  w.write(LEVEL_0, `Name:\t${cj.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${cj.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', cj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', cj.metadata.annotations);
  w.write(LEVEL_0, `Schedule:\t${spec.schedule}\n`);
  if (spec.timeZone) w.write(LEVEL_0, `TimeZone:\t${spec.timeZone}\n`);
  w.write(LEVEL_0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? 'Allow'}\n`);
  w.write(LEVEL_0, `Suspend:\t${spec.suspend ? 'True' : 'False'}\n`);
  w.write(LEVEL_0, `Successful Job History Limit:\t${spec.successfulJobsHistoryLimit ?? 3}\n`);
  w.write(LEVEL_0, `Failed Job History Limit:\t${spec.failedJobsHistoryLimit ?? 1}\n`);
  w.write(LEVEL_0, `Starting Deadline Seconds:\t${spec.startingDeadlineSeconds !== undefined ? `${spec.startingDeadlineSeconds}s` : '<unset>'}\n`);
  w.write(LEVEL_0, `Selector:\t${jobSpec.selector ? labelSelectorString(jobSpec.selector) : '<unset>'}\n`);
  w.write(LEVEL_0, `Parallelism:\t${jobSpec.parallelism ?? '<unset>'}\n`);
  w.write(LEVEL_0, `Completions:\t${jobSpec.completions ?? '<unset>'}\n`);
  if (jobSpec.activeDeadlineSeconds !== undefined) w.write(LEVEL_0, `Active Deadline Seconds:\t${jobSpec.activeDeadlineSeconds}s\n`);
  describePodTemplate(w, jobSpec.template);
  w.write(LEVEL_0, `Last Schedule Time:\t${cj.status?.lastScheduleTime ? rfc1123z(cj.status.lastScheduleTime) : '<unset>'}\n`);
  const active = cj.status?.active ?? [];
  w.write(LEVEL_0, `Active Jobs:\t${active.length ? active.map((a) => a.name).join(', ') : '<none>'}\n`);
  describeEvents(w, events, p);
  return w.toString();
}
