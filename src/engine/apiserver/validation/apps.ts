// apps/v1 workload validation: mirrors pkg/apis/apps/validation/validation.go (ValidateDeploymentSpec,
// ValidateDeploymentStrategy, ValidateRollingUpdateDeployment, ValidateReplicaSetSpec,
// ValidatePodTemplateSpecForReplicaSet) and the RC variants in pkg/apis/core/validation.
import type { DeploymentSpec, DeploymentStrategy, ReplicaSetSpec } from '../../api/apps';
import type { PodTemplateSpec } from '../../api/core';
import type { IntOrString, LabelSelector } from '../../api/meta';
import { fromLabelSelector, fromSet, matches, type Selector } from '../../api/labels';
import type { FieldError } from './field';
import { forbidden, invalid, notSupported, required } from './field';
import { validateNonnegativeField } from './generic';
import { validateLabelSelector } from './labelselector';
import { isValidPercent } from './names';
import { validatePodTemplateSpec } from './podspec';

/**
 * The template must carry the selector's labels, be a valid pod template, and restart its
 * containers forever (a controller replaces pods; it never lets them finish).
 * `selector` null means upstream's labels.Nothing() (no selector at all): it matches nothing, so a
 * missing selector also reports the label mismatch, as a real server does.
 */
export function validatePodTemplateSpecForReplicaSet(template: PodTemplateSpec | undefined, selector: Selector | null, kind: string, path: string): FieldError[] {
  if (!template) return [required(path)];
  const errs: FieldError[] = [];
  const labels = template.metadata?.labels;
  if (selector === null || (selector.length > 0 && !matches(selector, labels))) {
    errs.push(invalid(`${path}.metadata.labels`, labels ?? null, '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplateSpec(template, path));
  const rp = template.spec?.restartPolicy ?? '';
  if (rp !== 'Always') errs.push(notSupported(`${path}.spec.restartPolicy`, rp, ['Always']));
  if (template.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(invalid(`${path}.spec.activeDeadlineSeconds`, template.spec.activeDeadlineSeconds, `activeDeadlineSeconds in ${kind} is not Supported`));
  }
  return errs;
}

/** Selector checks shared by Deployment and ReplicaSet (upstream's RS copy says "deployment" too). */
function validateSelector(sel: LabelSelector | undefined, path: string): { errs: FieldError[]; selector: Selector | null | 'invalid' } {
  if (!sel) return { errs: [required(path)], selector: null };
  const errs = validateLabelSelector(sel, path);
  // metav1.LabelSelectorAsSelector fails on exactly what ValidateLabelSelector reports.
  const convertible = errs.length === 0;
  if (Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions?.length ?? 0) === 0) {
    errs.push(invalid(path, sel, 'empty selector is invalid for deployment'));
  }
  if (!convertible) return { errs: [...errs, invalid(path, sel, 'invalid label selector')], selector: 'invalid' };
  return { errs, selector: fromLabelSelector(sel) };
}

export function validateDeploymentSpec(spec: DeploymentSpec, path = 'spec'): FieldError[] {
  const errs = validateNonnegativeField(spec.replicas, `${path}.replicas`);
  const sel = validateSelector(spec.selector, `${path}.selector`);
  errs.push(...sel.errs);
  if (sel.selector !== 'invalid') errs.push(...validatePodTemplateSpecForReplicaSet(spec.template, sel.selector, 'ReplicaSet', `${path}.template`));
  errs.push(...validateDeploymentStrategy(spec.strategy ?? {}, `${path}.strategy`));
  errs.push(...validateNonnegativeField(spec.minReadySeconds, `${path}.minReadySeconds`));
  if (spec.revisionHistoryLimit !== undefined) errs.push(...validateNonnegativeField(spec.revisionHistoryLimit, `${path}.revisionHistoryLimit`));
  if (spec.progressDeadlineSeconds !== undefined) {
    errs.push(...validateNonnegativeField(spec.progressDeadlineSeconds, `${path}.progressDeadlineSeconds`));
    // A deadline no longer than minReadySeconds could never be met by a new pod.
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      errs.push(invalid(`${path}.progressDeadlineSeconds`, spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

export function validateDeploymentStrategy(strategy: DeploymentStrategy, path: string): FieldError[] {
  switch (strategy.type) {
    case 'Recreate':
      return strategy.rollingUpdate ? [forbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")] : [];
    case 'RollingUpdate': {
      const ru = strategy.rollingUpdate;
      if (!ru) return [required(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')];
      const p = `${path}.rollingUpdate`;
      const errs = [...validatePositiveIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`), ...validatePositiveIntOrPercent(ru.maxSurge, `${p}.maxSurge`)];
      // Both 0 would mean a rollout can neither add a pod nor remove one: it could never progress.
      if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
        errs.push(invalid(`${p}.maxUnavailable`, ru.maxUnavailable ?? 0, 'may not be 0 when `maxSurge` is 0'));
      }
      const pct = percentValue(ru.maxUnavailable);
      if (pct !== null && pct > 100) errs.push(invalid(`${p}.maxUnavailable`, ru.maxUnavailable, 'must not be greater than 100%'));
      return errs;
    }
    default:
      return [notSupported(path, strategy, ['Recreate', 'RollingUpdate'])];
  }
}

function validatePositiveIntOrPercent(v: IntOrString | undefined, path: string): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((m) => invalid(path, v, m));
  if (typeof v === 'number') return validateNonnegativeField(v, path);
  return [];
}

function percentValue(v: IntOrString | undefined): number | null {
  if (typeof v !== 'string' || !/^[0-9]+%$/.test(v)) return null;
  return Number(v.slice(0, -1));
}

/** getIntOrPercentValue: 25% -> 25, 3 -> 3. */
function intOrPercentValue(v: IntOrString | undefined): number {
  if (typeof v === 'number') return v;
  const p = percentValue(v);
  return p ?? 0;
}

export function validateReplicaSetSpec(spec: ReplicaSetSpec, path = 'spec'): FieldError[] {
  const errs = validateNonnegativeField(spec.replicas, `${path}.replicas`);
  errs.push(...validateNonnegativeField(spec.minReadySeconds, `${path}.minReadySeconds`));
  const sel = validateSelector(spec.selector, `${path}.selector`);
  errs.push(...sel.errs);
  if (sel.selector !== 'invalid') errs.push(...validatePodTemplateSpecForReplicaSet(spec.template, sel.selector, 'ReplicaSet', `${path}.template`));
  return errs;
}

export interface RCSpec {
  replicas?: number;
  minReadySeconds?: number;
  selector?: Record<string, string>;
  template?: PodTemplateSpec;
}

/** ValidateReplicationControllerSpec: a map selector, which must not be empty. */
export function validateReplicationControllerSpec(spec: RCSpec, path = 'spec'): FieldError[] {
  const errs = validateNonnegativeField(spec.minReadySeconds, `${path}.minReadySeconds`);
  const selector = fromSet(spec.selector);
  if (selector.length === 0) errs.push(required(`${path}.selector`));
  errs.push(...validateNonnegativeField(spec.replicas, `${path}.replicas`));
  errs.push(...validatePodTemplateSpecForReplicaSet(spec.template, selector, 'ReplicationController', `${path}.template`));
  return errs;
}
