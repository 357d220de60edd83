// `kubectl get jobs|cronjobs` columns: mirrors printJob and printCronJob in
// pkg/printers/internalversion/printers.go (v1.30+: Jobs have a STATUS column).
import type { CronJob, Job } from '../../api/batch';
import type { Container } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import { labelSelectorString } from '../../api/labels';
import { humanDuration } from '../duration';
import { age, type Column, type PrintContext } from './columns';

const job = (o: KubeObject) => o as Job;
const cj = (o: KubeObject) => o as CronJob;
const has = (j: Job, type: string) => !!j.status?.conditions?.some((c) => c.type === type && c.status === 'True');

/** STATUS: Complete, Failed, Terminating, Suspended, FailureTarget, else Running (in that order). */
export function jobStatus(j: Job): string {
  if (has(j, 'Complete')) return 'Complete';
  if (has(j, 'Failed')) return 'Failed';
  if (j.metadata.deletionTimestamp) return 'Terminating';
  if (has(j, 'Suspended')) return 'Suspended';
  if (has(j, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/** COMPLETIONS: `1/1`; `3/5`; a work-queue Job (no completions, parallelism 3): `0/1 of 3`. */
export function jobCompletions(j: Job): string {
  const s = j.status?.succeeded ?? 0;
  if (j.spec.completions !== undefined && j.spec.completions !== null) return `${s}/${j.spec.completions}`;
  if (j.spec.parallelism !== undefined && j.spec.parallelism > 1) return `${s}/1 of ${j.spec.parallelism}`;
  return `${s}/1`;
}

/** DURATION: start → completion, or start → now while running; empty before it starts. */
export function jobDuration(j: Job, p: PrintContext): string {
  if (!j.status?.startTime) return '';
  const start = p.parse(j.status.startTime);
  const end = j.status.completionTime ? p.parse(j.status.completionTime) : p.now;
  return humanDuration(end - start);
}

function containers(cs: Container[] | undefined): [string, string] {
  return [(cs ?? []).map((c) => c.name).join(','), (cs ?? []).map((c) => c.image ?? '').join(',')];
}

const NAME: Column = { name: 'NAME', cell: (o) => o.metadata.name ?? '' };
const AGE: Column = { name: 'AGE', cell: (o, p) => age(o.metadata.creationTimestamp, p) };

export const JOB_COLUMNS: Column[] = [
  NAME,
  { name: 'STATUS', cell: (o) => jobStatus(job(o)) },
  { name: 'COMPLETIONS', cell: (o) => jobCompletions(job(o)) },
  { name: 'DURATION', cell: (o, p) => jobDuration(job(o), p) },
  AGE,
  { name: 'CONTAINERS', wide: true, cell: (o) => containers(job(o).spec?.template?.spec?.containers)[0] },
  { name: 'IMAGES', wide: true, cell: (o) => containers(job(o).spec?.template?.spec?.containers)[1] },
  { name: 'SELECTOR', wide: true, cell: (o) => labelSelectorString(job(o).spec?.selector) || '<none>' },
];

export const CRONJOB_COLUMNS: Column[] = [
  NAME,
  { name: 'SCHEDULE', cell: (o) => cj(o).spec?.schedule ?? '' },
  { name: 'TIMEZONE', cell: (o) => cj(o).spec?.timeZone ?? '<none>' },
  { name: 'SUSPEND', cell: (o) => (cj(o).spec?.suspend ? 'True' : 'False') },
  { name: 'ACTIVE', cell: (o) => String(cj(o).status?.active?.length ?? 0) },
  { name: 'LAST SCHEDULE', cell: (o, p) => (cj(o).status?.lastScheduleTime ? age(cj(o).status?.lastScheduleTime, p) : '<none>') },
  AGE,
  { name: 'CONTAINERS', wide: true, cell: (o) => containers(cj(o).spec?.jobTemplate?.spec?.template?.spec?.containers)[0] },
  { name: 'IMAGES', wide: true, cell: (o) => containers(cj(o).spec?.jobTemplate?.spec?.template?.spec?.containers)[1] },
  { name: 'SELECTOR', wide: true, cell: (o) => labelSelectorString(cj(o).spec?.jobTemplate?.spec?.selector) || '<none>' },
];
