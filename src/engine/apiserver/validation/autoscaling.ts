// autoscaling validation: mirrors pkg/apis/autoscaling/validation/validation.go
// (validateHorizontalPodAutoscalerSpec, ValidateCrossVersionObjectReference, validateMetricSpec,
// validateMetricTarget, validateBehavior).
import type { HPAScalingRules, HorizontalPodAutoscalerSpec, MetricSpec } from '../../api/autoscaling';
import type { FieldError } from './field';
import { invalid, notSupported, required } from './field';

export function validateHorizontalPodAutoscalerSpec(spec: HorizontalPodAutoscalerSpec, path = 'spec'): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.minReplicas !== undefined && spec.minReplicas < 1) errs.push(invalid(`${path}.minReplicas`, spec.minReplicas, 'must be greater than or equal to 1'));
  if ((spec.maxReplicas ?? 0) < 1) errs.push(invalid(`${path}.maxReplicas`, spec.maxReplicas ?? 0, 'must be greater than 0'));
  if (spec.minReplicas !== undefined && (spec.maxReplicas ?? 0) < spec.minReplicas) {
    errs.push(invalid(`${path}.maxReplicas`, spec.maxReplicas ?? 0, 'must be greater than or equal to `minReplicas`'));
  }
  const ref = spec.scaleTargetRef;
  if (!ref?.kind) errs.push(required(`${path}.scaleTargetRef.kind`));
  if (!ref?.name) errs.push(required(`${path}.scaleTargetRef.name`));
  (spec.metrics ?? []).forEach((m, i) => errs.push(...validateMetricSpec(m, `${path}.metrics[${i}]`)));
  if (spec.behavior) {
    errs.push(...validateScalingRules(spec.behavior.scaleUp, `${path}.behavior.scaleUp`));
    errs.push(...validateScalingRules(spec.behavior.scaleDown, `${path}.behavior.scaleDown`));
  }
  return errs;
}

function validateMetricSpec(m: MetricSpec, path: string): FieldError[] {
  if (!m.type) return [required(`${path}.type`, 'must specify a metric source type')];
  if (!['Object', 'Pods', 'Resource', 'External', 'ContainerResource'].includes(m.type)) {
    return [notSupported(`${path}.type`, m.type, ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'])];
  }
  if (m.type !== 'Resource') return [];
  const r = m.resource;
  if (!r) return [required(`${path}.resource`, 'must populate information for the given metric source')];
  const errs: FieldError[] = [];
  if (!r.name) errs.push(required(`${path}.resource.name`, 'must specify a resource name'));
  const t = r.target;
  const tp = `${path}.resource.target`;
  if (!t?.type) errs.push(required(`${tp}.type`, 'must specify a metric target type'));
  else if (!['Utilization', 'Value', 'AverageValue'].includes(t.type)) errs.push(invalid(`${tp}.type`, t.type, 'must be either Utilization, Value, or AverageValue'));
  if (t?.averageUtilization !== undefined && t.averageUtilization < 1) errs.push(invalid(`${tp}.averageUtilization`, t.averageUtilization, 'must be greater than 0'));
  if (t?.averageUtilization === undefined && t?.averageValue === undefined) errs.push(required(`${tp}.averageUtilization`, 'must set either a target raw value or a target utilization'));
  return errs;
}

function validateScalingRules(rules: HPAScalingRules | undefined, path: string): FieldError[] {
  if (!rules) return [];
  const errs: FieldError[] = [];
  const w = rules.stabilizationWindowSeconds;
  if (w !== undefined && (w < 0 || w > 3600)) errs.push(invalid(`${path}.stabilizationWindowSeconds`, w, w < 0 ? 'must be greater than or equal to zero' : 'must be less than or equal to 3600'));
  if (rules.selectPolicy && !['Max', 'Min', 'Disabled'].includes(rules.selectPolicy)) errs.push(notSupported(`${path}.selectPolicy`, rules.selectPolicy, ['Disabled', 'Max', 'Min']));
  (rules.policies ?? []).forEach((p, i) => {
    const pp = `${path}.policies[${i}]`;
    if (p.type !== 'Pods' && p.type !== 'Percent') errs.push(notSupported(`${pp}.type`, p.type, ['Percent', 'Pods']));
    if (!(p.value > 0)) errs.push(invalid(`${pp}.value`, p.value, 'must be greater than zero'));
    if (!(p.periodSeconds > 0)) errs.push(invalid(`${pp}.periodSeconds`, p.periodSeconds, 'must be greater than zero'));
    else if (p.periodSeconds > 1800) errs.push(invalid(`${pp}.periodSeconds`, p.periodSeconds, 'must be less than or equal to 1800'));
  });
  return errs;
}
