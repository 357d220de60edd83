// DaemonSet validation: mirrors ValidateDaemonSetSpec, ValidateDaemonSetUpdateStrategy and
// ValidateRollingUpdateDaemonSet in pkg/apis/apps/validation/validation.go.
import type { DaemonSetSpec, DaemonSetUpdateStrategy } from '../../api/apps';
import type { IntOrString } from '../../api/meta';
import { fromLabelSelector, matches } from '../../api/labels';
import type { FieldError } from './field';
import { invalid, notSupported, required } from './field';
import { validateImmutableField, validateNonnegativeField } from './generic';
import { validateLabelSelector } from './labelselector';
import { isValidPercent } from './names';
import { validatePodTemplateSpec } from './podspec';

export function validateDaemonSetSpec(spec: DaemonSetSpec, path = 'spec'): FieldError[] {
  const errs: FieldError[] = [];
  const sel = spec.selector;
  if (!sel) errs.push(required(`${path}.selector`));
  else errs.push(...validateLabelSelector(sel, `${path}.selector`));
  const selector = sel && errs.length === 0 ? fromLabelSelector(sel) : null;
  const labels = spec.template?.metadata?.labels;
  if (selector && !matches(selector, labels)) {
    errs.push(invalid(`${path}.template.metadata.labels`, labels ?? null, '`selector` does not match template `labels`'));
  }
  if (sel && Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions?.length ?? 0) === 0) {
    errs.push(invalid(`${path}.selector`, sel, 'empty selector is invalid for daemonset'));
  }
  if (!spec.template) return [...errs, required(`${path}.template`)];
  errs.push(...validatePodTemplateSpec(spec.template, `${path}.template`));
  const rp = spec.template.spec?.restartPolicy ?? '';
  if (rp !== 'Always') errs.push(notSupported(`${path}.template.spec.restartPolicy`, rp, ['Always']));
  if (spec.template.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(invalid(`${path}.template.spec.activeDeadlineSeconds`, spec.template.spec.activeDeadlineSeconds, 'activeDeadlineSeconds in DaemonSet is not Supported'));
  }
  errs.push(...validateNonnegativeField(spec.minReadySeconds, `${path}.minReadySeconds`));
  errs.push(...validateDaemonSetUpdateStrategy(spec.updateStrategy ?? {}, `${path}.updateStrategy`));
  if (spec.revisionHistoryLimit !== undefined) errs.push(...validateNonnegativeField(spec.revisionHistoryLimit, `${path}.revisionHistoryLimit`));
  return errs;
}

export function validateDaemonSetUpdateStrategy(s: DaemonSetUpdateStrategy, path: string): FieldError[] {
  switch (s.type) {
    case 'OnDelete':
      return [];
    case 'RollingUpdate': {
      const ru = s.rollingUpdate;
      if (!ru) return [required(`${path}.rollingUpdate`)];
      const p = `${path}.rollingUpdate`;
      const errs = [
        ...validatePositiveIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`),
        ...validatePositiveIntOrPercent(ru.maxSurge, `${p}.maxSurge`),
        ...isNotMoreThan100Percent(ru.maxUnavailable, `${p}.maxUnavailable`),
        ...isNotMoreThan100Percent(ru.maxSurge, `${p}.maxSurge`),
      ];
      // Exactly one of the two must be non-zero: a DaemonSet either replaces in place (delete the
      // old pod, then create the new one: maxUnavailable) or surges (new pod first: maxSurge).
      const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
      const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
      if (hasUnavailable && hasSurge) errs.push(invalid(`${p}.maxSurge`, ru.maxSurge, 'may not be set when maxUnavailable is non-zero'));
      else if (!hasUnavailable && !hasSurge) errs.push(required(`${p}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
      return errs;
    }
    default:
      return [notSupported(path, s, ['RollingUpdate', 'OnDelete'])];
  }
}

/** ValidateDaemonSetUpdate: the selector cannot change (it decides which pods are the set's). */
export function validateDaemonSetUpdate(spec: DaemonSetSpec, old: DaemonSetSpec): FieldError[] {
  return [...validateDaemonSetSpec(spec), ...validateImmutableField(spec.selector, old.selector, 'spec.selector')];
}

export function validatePositiveIntOrPercent(v: IntOrString | undefined, path: string): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((m) => invalid(path, v, m));
  if (typeof v === 'number') return validateNonnegativeField(v, path);
  return [];
}

export function isNotMoreThan100Percent(v: IntOrString | undefined, path: string): FieldError[] {
  if (typeof v !== 'string' || !/^[0-9]+%$/.test(v)) return [];
  return Number(v.slice(0, -1)) > 100 ? [invalid(path, v, 'must not be greater than 100%')] : [];
}

/** getIntOrPercentValue: "25%" → 25, 3 → 3. */
export function intOrPercentValue(v: IntOrString | undefined): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^[0-9]+%$/.test(v)) return Number(v.slice(0, -1));
  return 0;
}
