// StatefulSet and ControllerRevision validation: mirrors ValidateStatefulSetSpec,
// ValidatePodTemplateSpecForStatefulSet, validateRollingUpdateStatefulSet,
// ValidateStatefulSetUpdate and ValidateControllerRevision(Update) in
// pkg/apis/apps/validation/validation.go (v1.32).
//
// Two v1.32 facts a student may not expect:
//  - the pod template's *spec* is not validated here (upstream leaves a TODO): a broken template
//    is accepted, and then every pod creation fails with a FailedCreate event;
//  - spec.serviceName is optional and unchecked (v1.33 adds a DNS-label check); a bad one only
//    shows up when the pod's subdomain is rejected.
import type { ControllerRevision, StatefulSetSpec } from '../../api/apps';
import type { PodTemplateSpec } from '../../api/core';
import { fromLabelSelector, matches, type Selector } from '../../api/labels';
import type { FieldError } from './field';
import { forbidden, invalid, notSupported, required } from './field';
import { canonicalJSON, validateImmutableField, validateLabels, validateNonnegativeField } from './generic';
import { validateLabelSelector } from './labelselector';
import { intOrPercentValue, isNotMoreThan100Percent, validatePositiveIntOrPercent } from './daemonset';

export function validatePodTemplateSpecForStatefulSet(t: PodTemplateSpec | undefined, selector: Selector | null, path: string): FieldError[] {
  if (!t) return [required(path)];
  const errs: FieldError[] = [];
  if (selector && selector.length > 0 && !matches(selector, t.metadata?.labels)) {
    errs.push(invalid(`${path}.metadata.labels`, t.metadata?.labels ?? null, '`selector` does not match template `labels`'));
  }
  errs.push(...validateLabels(t.metadata?.labels, `${path}.labels`));
  return errs;
}

export function validateStatefulSetSpec(spec: StatefulSetSpec, path = 'spec'): FieldError[] {
  const errs: FieldError[] = [];
  const pmp = spec.podManagementPolicy ?? '';
  if (pmp === '') errs.push(required(`${path}.podManagementPolicy`));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') errs.push(invalid(`${path}.podManagementPolicy`, pmp, "must be 'OrderedReady' or 'Parallel'"));

  const us = spec.updateStrategy ?? {};
  switch (us.type ?? '') {
    case '':
      errs.push(required(`${path}.updateStrategy`));
      break;
    case 'OnDelete':
      if (us.rollingUpdate) errs.push(invalid(`${path}.updateStrategy.rollingUpdate`, us.rollingUpdate, "only allowed for updateStrategy 'RollingUpdate'"));
      break;
    case 'RollingUpdate': {
      const ru = us.rollingUpdate;
      if (!ru) break;
      const p = `${path}.updateStrategy.rollingUpdate`;
      errs.push(...validateNonnegativeField(ru.partition ?? 0, `${p}.partition`));
      if (ru.maxUnavailable !== undefined) {
        errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`));
        if (intOrPercentValue(ru.maxUnavailable) === 0) errs.push(invalid(`${p}.maxUnavailable`, ru.maxUnavailable, 'must be greater than zero'));
        errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, `${p}.maxUnavailable`));
      }
      break;
    }
    default:
      errs.push(invalid(`${path}.updateStrategy`, us, "must be 'RollingUpdate' or 'OnDelete'"));
  }

  const policy = spec.persistentVolumeClaimRetentionPolicy;
  if (policy) {
    const p = `${path}.persistentVolumeClaimRetentionPolicy`;
    for (const f of ['whenDeleted', 'whenScaled'] as const) {
      const v = policy[f] ?? '';
      if (v !== 'Retain' && v !== 'Delete') errs.push(notSupported(`${p}.${f}`, v, ['Retain', 'Delete']));
    }
  }
  errs.push(...validateNonnegativeField(spec.replicas, `${path}.replicas`));
  errs.push(...validateNonnegativeField(spec.minReadySeconds, `${path}.minReadySeconds`));
  if (spec.ordinals) errs.push(...validateNonnegativeField(spec.ordinals.start ?? 0, `${path}.ordinals.start`));

  let selector: Selector | null = null;
  let convertible = true;
  if (!spec.selector) errs.push(required(`${path}.selector`));
  else {
    const selErrs = validateLabelSelector(spec.selector, `${path}.selector`);
    convertible = selErrs.length === 0;
    errs.push(...selErrs);
    if (Object.keys(spec.selector.matchLabels ?? {}).length + (spec.selector.matchExpressions?.length ?? 0) === 0) {
      errs.push(invalid(`${path}.selector`, spec.selector, 'empty selector is invalid for statefulset'));
    }
    selector = fromLabelSelector(spec.selector);
  }
  if (!convertible) errs.push(invalid(`${path}.selector`, spec.selector, ''));
  else errs.push(...validatePodTemplateSpecForStatefulSet(spec.template, selector, `${path}.template`));

  const rp = spec.template?.spec?.restartPolicy ?? '';
  if (rp !== 'Always') errs.push(notSupported(`${path}.template.spec.restartPolicy`, rp, ['Always']));
  if (spec.template?.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbidden(`${path}.template.spec.activeDeadlineSeconds`, 'activeDeadlineSeconds in StatefulSet is not Supported'));
  }
  return errs;
}

/** Fields of a StatefulSet's spec that may change after creation (everything else is frozen). */
const MUTABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'] as const;

/**
 * ValidateStatefulSetUpdate: selector, serviceName, volumeClaimTemplates and podManagementPolicy
 * are fixed at creation (pods and claims were named and created from them).
 */
export function validateStatefulSetUpdate(spec: StatefulSetSpec, old: StatefulSetSpec): FieldError[] {
  const errs = validateStatefulSetSpec(spec);
  const strip = (s: StatefulSetSpec): Record<string, unknown> => {
    const c: Record<string, unknown> = { ...s };
    for (const k of MUTABLE) delete c[k];
    return c;
  };
  if (canonicalJSON(strip(spec)) !== canonicalJSON(strip(old))) {
    errs.push(
      forbidden(
        'spec',
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ),
    );
  }
  return errs;
}

export function validateControllerRevision(cr: ControllerRevision): FieldError[] {
  const errs: FieldError[] = [];
  if (cr.data === undefined || cr.data === null) errs.push(required('data', 'data is mandatory'));
  errs.push(...validateNonnegativeField(cr.revision, 'revision'));
  return errs;
}

/** A revision is a snapshot: its data never changes. */
export function validateControllerRevisionUpdate(cr: ControllerRevision, old: ControllerRevision): FieldError[] {
  return [...validateControllerRevision(cr), ...validateImmutableField(cr.data, old.data, 'data')];
}
