// CronJob strategy: mirrors pkg/registry/batch/cronjob/strategy.go and SetDefaults_CronJob
// (pkg/apis/batch/v1/defaults.go).
import type { CronJob } from '../../../../api/batch';
import type { Strategy } from '../../../types';
import { validateCronJob } from '../../../validation/batch';
import { setDefaultsPodSpec } from '../../core/pod/defaults';

/** SetDefaults_CronJob: Allow, not suspended, keep 3 successful and 1 failed Job. */
export function setDefaultsCronJob(cj: CronJob): void {
  const s = cj.spec;
  s.concurrencyPolicy ??= 'Allow';
  s.suspend ??= false;
  s.successfulJobsHistoryLimit ??= 3;
  s.failedJobsHistoryLimit ??= 1;
  // SetDefaults_Job takes a Job, not a JobSpec, so the embedded Job spec keeps its unset fields
  // (each Job is defaulted when the controller creates it); only the pod template is defaulted.
  if (s.jobTemplate?.spec?.template?.spec) setDefaultsPodSpec(s.jobTemplate.spec.template.spec);
}

export const cronJobStrategy: Strategy = {
  hasStatus: true,
  tracksGeneration: true,
  defaultPropagation: 'Background',
  defaults(obj) {
    const cj = obj as CronJob;
    cj.spec ??= {} as CronJob['spec'];
    setDefaultsCronJob(cj);
  },
  prepareForCreate(obj) {
    (obj as CronJob).status = {};
  },
  validate: (obj) => validateCronJob(obj as CronJob),
  validateUpdate: (obj, old) => validateCronJob(obj as CronJob, old as CronJob),
};
