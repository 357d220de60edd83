// batch/v1 validation: mirrors pkg/apis/batch/validation/validation.go (ValidateJob,
// validateGeneratedSelector, ValidateJobSpec, validateJobSpec, validatePodFailurePolicy,
// ValidateJobSpecUpdate, ValidateCronJobCreate, validateCronJobSpec, validateScheduleFormat).
import type { CronJob, CronJobSpec, Job, JobSpec } from '../../api/batch';
import { CONTROLLER_UID_LABEL, JOB_NAME_LABEL, LEGACY_CONTROLLER_UID_LABEL, LEGACY_JOB_NAME_LABEL } from '../../api/batch';
import { fromLabelSelector, matches } from '../../api/labels';
import { CronParseError, parseStandard } from '../../controllers/cronjob/cron';
import type { FieldError } from './field';
import { OMIT_VALUE, duplicate, invalid, notSupported, required } from './field';
import { validateImmutableField, validateNonnegativeField } from './generic';
import { validateLabelSelector } from './labelselector';
import { isDNS1123Label } from './names';
import { validatePodTemplateSpec } from './podspec';

/** validateGeneratedSelector: a generated selector must select exactly this Job's pods. */
function validateGeneratedSelector(job: Job): FieldError[] {
  if (job.spec.manualSelector) return [];
  const errs: FieldError[] = [];
  const uid = job.metadata.uid ?? '';
  const tl = job.spec.template?.metadata?.labels ?? {};
  if (tl[CONTROLLER_UID_LABEL] !== uid) {
    errs.push(tl[CONTROLLER_UID_LABEL] === undefined ? required(`spec.template.metadata.labels[${CONTROLLER_UID_LABEL}]`) : invalid(`spec.template.metadata.labels[${CONTROLLER_UID_LABEL}]`, tl[CONTROLLER_UID_LABEL], `must be '${uid}'`));
  }
  const expected = { [CONTROLLER_UID_LABEL]: uid, [JOB_NAME_LABEL]: job.metadata.name ?? '', [LEGACY_CONTROLLER_UID_LABEL]: uid, [LEGACY_JOB_NAME_LABEL]: job.metadata.name ?? '' };
  const sel = fromLabelSelector(job.spec.selector);
  if (sel && !matches(sel, expected)) errs.push(invalid('spec.selector', job.spec.selector, '`selector` not auto-generated'));
  return errs;
}

export function validateJob(job: Job): FieldError[] {
  const errs = validateGeneratedSelector(job);
  errs.push(...validateJobSpecWithSelector(job.spec, 'spec'));
  const c = job.spec.completions;
  if (job.spec.completionMode === 'Indexed' && c !== undefined && c > 0) {
    // Indexed pods get hostname `<job>-<index>`: the largest must be a valid DNS label.
    const host = `${job.metadata.name}-${c - 1}`;
    const m = isDNS1123Label(host);
    if (m.length) errs.push(invalid('metadata.name', job.metadata.name, `will not able to create pod with invalid DNS label: ${host}`));
  }
  return errs;
}

/** ValidateJobSpec: the spec rules plus "a selector exists and matches the template labels". */
export function validateJobSpecWithSelector(spec: JobSpec, path: string): FieldError[] {
  const errs = validateJobSpec(spec, path);
  if (!spec.selector) errs.push(required(`${path}.selector`));
  else errs.push(...validateLabelSelector(spec.selector, `${path}.selector`));
  const sel = spec.selector ? fromLabelSelector(spec.selector) : null;
  if (sel && !matches(sel, spec.template?.metadata?.labels)) {
    errs.push(invalid(`${path}.template.metadata.labels`, spec.template?.metadata?.labels ?? null, '`selector` does not match template `labels`'));
  }
  return errs;
}

/** validateJobSpec: counts, completion mode, pod failure policy, the template and its restartPolicy. */
export function validateJobSpec(spec: JobSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished'] as const) {
    errs.push(...validateNonnegativeField(spec[f], `${path}.${f}`));
  }
  if (spec.completionMode !== undefined) {
    if (spec.completionMode !== 'NonIndexed' && spec.completionMode !== 'Indexed') {
      errs.push(notSupported(`${path}.completionMode`, spec.completionMode, ['NonIndexed', 'Indexed']));
    }
    if (spec.completionMode === 'Indexed') {
      if (spec.completions === undefined) errs.push(required(`${path}.completions`, 'when completion mode is Indexed'));
      if (spec.parallelism !== undefined && spec.parallelism > 100000) {
        errs.push(invalid(`${path}.parallelism`, spec.parallelism, 'must be less than or equal to 100000 when completion mode is Indexed'));
      }
    }
  }
  if (spec.podFailurePolicy) errs.push(...validatePodFailurePolicy(spec, `${path}.podFailurePolicy`));
  if (spec.podReplacementPolicy !== undefined) {
    if (spec.podFailurePolicy && spec.podReplacementPolicy !== 'Failed') errs.push(notSupported(`${path}.podReplacementPolicy`, spec.podReplacementPolicy, ['Failed']));
    else if (!['Failed', 'TerminatingOrFailed'].includes(spec.podReplacementPolicy)) errs.push(notSupported(`${path}.podReplacementPolicy`, spec.podReplacementPolicy, ['Failed', 'TerminatingOrFailed']));
  }
  if (!spec.template) {
    errs.push(required(`${path}.template`));
    return errs;
  }
  errs.push(...validatePodTemplateSpec(spec.template, `${path}.template`));
  // The pod defaults turn a missing restartPolicy into Always, so both land in the first branch:
  // a Job's pods must be allowed to finish.
  const rp = spec.template.spec?.restartPolicy ?? '';
  const rpPath = `${path}.template.spec.restartPolicy`;
  if (rp === 'Always' || rp === '') errs.push(required(rpPath, 'valid values: "OnFailure", "Never"'));
  else if (rp !== 'OnFailure' && rp !== 'Never') errs.push(notSupported(rpPath, rp, ['OnFailure', 'Never']));
  else if (spec.podFailurePolicy && rp !== 'Never') errs.push(invalid(rpPath, rp, 'only "Never" is supported when podFailurePolicy is specified'));
  return errs;
}

const PFP_ACTIONS = ['Count', 'FailIndex', 'FailJob', 'Ignore'];

function validatePodFailurePolicy(spec: JobSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set([...(spec.template?.spec?.containers ?? []), ...(spec.template?.spec?.initContainers ?? [])].map((c) => c.name));
  (spec.podFailurePolicy?.rules ?? []).forEach((rule, i) => {
    const rp = `${path}.rules[${i}]`;
    const action = rule.action as string | undefined;
    if (!action) errs.push(required(`${rp}.action`, `valid values: ${JSON.stringify(PFP_ACTIONS)}`));
    else if (action === 'FailIndex') errs.push(invalid(`${rp}.action`, action, 'requires the backoffLimitPerIndex to be set'));
    else if (!PFP_ACTIONS.includes(action)) errs.push(notSupported(`${rp}.action`, action, PFP_ACTIONS));
    const ec = rule.onExitCodes;
    if (ec) {
      const ep = `${rp}.onExitCodes`;
      if (!ec.operator) errs.push(required(`${ep}.operator`, 'valid values: ["In" "NotIn"]'));
      else if (ec.operator !== 'In' && ec.operator !== 'NotIn') errs.push(notSupported(`${ep}.operator`, ec.operator, ['In', 'NotIn']));
      if (ec.containerName !== undefined && !names.has(ec.containerName)) {
        errs.push(invalid(`${ep}.containerName`, ec.containerName, 'must be one of the container or initContainer names in the pod template'));
      }
      const values = ec.values ?? [];
      if (!values.length) errs.push(invalid(`${ep}.values`, values, 'at least one value is required'));
      const seen = new Set<number>();
      values.forEach((v, j) => {
        if (ec.operator === 'In' && v === 0) errs.push(invalid(`${ep}.values[${j}]`, v, 'must not be 0 for the In operator'));
        if (seen.has(v)) errs.push(duplicate(`${ep}.values[${j}]`, v));
        seen.add(v);
      });
      if (values.some((v, j) => j > 0 && values[j - 1] > v)) errs.push(invalid(`${ep}.values`, values, 'must be ordered'));
    }
    const conds = rule.onPodConditions ?? [];
    conds.forEach((c, j) => {
      const sp = `${rp}.onPodConditions[${j}].status`;
      if (!c.status) errs.push(required(sp, 'valid values: ["False" "True" "Unknown"]'));
      else if (!['True', 'False', 'Unknown'].includes(c.status)) errs.push(notSupported(sp, c.status, ['False', 'True', 'Unknown']));
    });
    if (ec && conds.length) errs.push({ type: 'FieldValueInvalid', field: rp, detail: 'specifying both OnExitCodes and OnPodConditions is not supported', badValue: OMIT_VALUE });
    if (!ec && !conds.length) errs.push({ type: 'FieldValueInvalid', field: rp, detail: 'specifying one of OnExitCodes and OnPodConditions is required', badValue: OMIT_VALUE });
  });
  return errs;
}


/** ValidateJobSpecUpdate: the template, selector, completion mode and pod failure policy are immutable. */
export function validateJobUpdate(job: Job, old: Job): FieldError[] {
  const errs = validateJobSpecWithSelector(job.spec, 'spec');
  const s = job.spec;
  const o = old.spec;
  // completions may change only together with parallelism, for Indexed jobs (elastic Indexed Jobs).
  if (!(s.completionMode === 'Indexed' && s.completions === s.parallelism && o.completions === o.parallelism)) {
    errs.push(...validateImmutableField(s.completions, o.completions, 'spec.completions'));
  }
  errs.push(...validateImmutableField(s.selector, o.selector, 'spec.selector'));
  errs.push(...validateImmutableField(s.template, o.template, 'spec.template'));
  errs.push(...validateImmutableField(s.completionMode, o.completionMode, 'spec.completionMode'));
  errs.push(...validateImmutableField(s.podFailurePolicy, o.podFailurePolicy, 'spec.podFailurePolicy'));
  return errs;
}

/** ValidateCronJobCreate / validateCronJobSpec. */
export function validateCronJob(cj: CronJob, old?: CronJob): FieldError[] {
  const errs = validateCronJobSpec(cj.spec, old?.spec, 'spec');
  // The controller appends an 11-character suffix (`-28948930`): 63 - 11 = 52.
  if (!old && (cj.metadata.name ?? '').length > 52) errs.push(invalid('metadata.name', cj.metadata.name, 'must be no more than 52 characters'));
  return errs;
}

function validateCronJobSpec(spec: CronJobSpec, old: CronJobSpec | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!spec.schedule) errs.push(required(`${path}.schedule`));
  else {
    try {
      parseStandard(spec.schedule);
    } catch (e) {
      if (!(e instanceof CronParseError)) throw e;
      errs.push(invalid(`${path}.schedule`, spec.schedule, e.message));
    }
    const allowTZ = !!old?.schedule.includes('TZ');
    if (allowTZ && spec.schedule.includes('TZ') && spec.timeZone !== undefined) errs.push(invalid(`${path}.schedule`, spec.schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
    else if (!allowTZ && spec.schedule.includes('TZ')) errs.push(invalid(`${path}.schedule`, spec.schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  }
  errs.push(...validateNonnegativeField(spec.startingDeadlineSeconds, `${path}.startingDeadlineSeconds`));
  if (spec.timeZone !== undefined && (!old || old.timeZone !== spec.timeZone)) errs.push(...validateTimeZone(spec.timeZone, `${path}.timeZone`));
  const cp = spec.concurrencyPolicy ?? '';
  if (cp === '') errs.push(required(`${path}.concurrencyPolicy`));
  else if (!['Allow', 'Forbid', 'Replace'].includes(cp)) errs.push(notSupported(`${path}.concurrencyPolicy`, cp, ['Allow', 'Forbid', 'Replace']));
  // ValidateJobTemplateSpec: the Job spec rules (no selector: the Job gets one when created).
  if (!spec.jobTemplate?.spec) errs.push(required(`${path}.jobTemplate.spec`));
  else errs.push(...validateJobSpec(spec.jobTemplate.spec, `${path}.jobTemplate.spec`));
  errs.push(...validateNonnegativeField(spec.successfulJobsHistoryLimit, `${path}.successfulJobsHistoryLimit`));
  errs.push(...validateNonnegativeField(spec.failedJobsHistoryLimit, `${path}.failedJobsHistoryLimit`));
  return errs;
}

/** validateTimeZone: IANA name syntax (the simulator has no tz database; see the README). */
function validateTimeZone(tz: string, path: string): FieldError[] {
  if (tz.length === 0) return [invalid(path, tz, 'timeZone must be nil or non-empty string')];
  for (const part of tz.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !/^[A-Za-z.\-_0-9+]{1,14}$/.test(part)) return [invalid(path, tz, `unknown time zone ${tz}`)];
  }
  if (tz.toLowerCase() === 'local') return [invalid(path, tz, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones')];
  return [];
}
