// Job strategy: mirrors pkg/registry/batch/job/strategy.go (PrepareForCreate, generateSelector,
// Validate, DefaultGarbageCollectionPolicy) and SetDefaults_Job (pkg/apis/batch/v1/defaults.go).
import type { Job } from '../../../../api/batch';
import { CONTROLLER_UID_LABEL, JOB_NAME_LABEL, LEGACY_CONTROLLER_UID_LABEL, LEGACY_JOB_NAME_LABEL } from '../../../../api/batch';
import { newBadRequest } from '../../../errors';
import type { Strategy } from '../../../types';
import { validateJob, validateJobUpdate } from '../../../validation/batch';
import { checkPodSpecDecoding, decodeErrorMessage } from '../../../validation/decode';
import { setDefaultsPodSpec } from '../../core/pod/defaults';

/**
 * SetDefaults_Job: neither completions nor parallelism → one pod that must succeed once;
 * parallelism alone → completions stays unset ("work queue" Job: done when any pod succeeds and
 * the rest have finished). backoffLimit 6: the seventh failed pod fails the Job.
 */
export function setDefaultsJob(job: Job): void {
  const s = job.spec;
  if (s.completions === undefined && s.parallelism === undefined) {
    s.completions = 1;
    s.parallelism = 1;
  }
  s.parallelism ??= 1;
  s.backoffLimit ??= 6;
  s.completionMode ??= 'NonIndexed';
  s.suspend ??= false;
  // JobPodReplacementPolicy (beta, on): replace a pod as soon as it is terminating, unless a pod
  // failure policy needs to see the final state of every pod first.
  s.podReplacementPolicy ??= s.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  for (const r of s.podFailurePolicy?.rules ?? []) for (const c of r.onPodConditions ?? []) c.status ??= 'True';
  const tl = s.template?.metadata?.labels;
  if (!Object.keys(job.metadata.labels ?? {}).length && tl && Object.keys(tl).length) job.metadata.labels = { ...tl };
  if (s.template?.spec) setDefaultsPodSpec(s.template.spec);
}

/**
 * generateSelector: with manualSelector unset the server labels the template with the Job's UID
 * and name and selects on the UID, so two Jobs can never fight over pods:
 * `batch.kubernetes.io/controller-uid=<uid>` (plus the legacy `controller-uid`, `job-name`).
 */
export function generateSelector(job: Job): void {
  const uid = job.metadata.uid ?? '';
  const name = job.metadata.name ?? '';
  job.spec.template ??= { spec: { containers: [] } };
  job.spec.template.metadata ??= {};
  const labels = (job.spec.template.metadata.labels ??= {});
  labels[LEGACY_CONTROLLER_UID_LABEL] ??= uid;
  labels[LEGACY_JOB_NAME_LABEL] ??= name;
  labels[CONTROLLER_UID_LABEL] ??= uid;
  labels[JOB_NAME_LABEL] ??= name;
  job.spec.selector ??= { matchLabels: { [CONTROLLER_UID_LABEL]: uid } };
}

export const jobStrategy: Strategy = {
  hasStatus: true,
  tracksGeneration: true,
  // batch/v1 Jobs keep their pods when deleted without a policy (backwards compatibility);
  // kubectl always asks for Background.
  defaultPropagation: 'Orphan',
  defaults(obj) {
    const job = obj as Job;
    job.spec ??= {} as Job['spec'];
    const err = checkPodSpecDecoding(job.spec.template?.spec, 'PodTemplateSpec', 'spec.template.spec');
    if (err) throw newBadRequest(decodeErrorMessage('Job', 'v1', err));
    setDefaultsJob(job);
  },
  prepareForCreate(obj) {
    const job = obj as Job;
    job.status = {};
    if (!job.spec.manualSelector) generateSelector(job);
    // Job labels default to the template's; a real server applies that default again when it
    // reads the object back, so a Job created without labels shows the generated ones.
    if (!Object.keys(job.metadata.labels ?? {}).length) job.metadata.labels = { ...(job.spec.template?.metadata?.labels ?? {}) };
  },
  validate: (obj) => validateJob(obj as Job),
  validateUpdate: (obj, old) => validateJobUpdate(obj as Job, old as Job),
};
