// Validation of PodDisruptionBudget: mirrors pkg/apis/policy/validation/validation.go
// (ValidatePodDisruptionBudgetSpec) and the IntOrPercent helpers of pkg/apis/apps/validation.
import type { PodDisruptionBudget } from '../../api/policy';
import type { IntOrString } from '../../api/meta';
import { invalid, notSupported, type FieldError } from './field';
import { validateLabelSelector } from './labelselector';

function validatePositiveIntOrPercent(v: IntOrString | undefined, path: string): FieldError[] {
  if (v === undefined) return [];
  if (typeof v === 'number') return v < 0 ? [invalid(path, v, 'must be greater than or equal to 0')] : [];
  const m = /^(\d+)%$/.exec(v);
  if (!m) return [invalid(path, v, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")];
  if (Number(m[1]) > 100) return [invalid(path, v, 'must not be greater than 100%')];
  return [];
}

export function validatePodDisruptionBudget(pdb: PodDisruptionBudget): FieldError[] {
  const spec = pdb.spec ?? {};
  const errs: FieldError[] = [];
  // minAvailable and maxUnavailable say the same thing two ways: exactly one may be given.
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    errs.push(invalid('spec', spec, 'minAvailable and maxUnavailable cannot be both set'));
  }
  errs.push(...validatePositiveIntOrPercent(spec.minAvailable, 'spec.minAvailable'));
  errs.push(...validatePositiveIntOrPercent(spec.maxUnavailable, 'spec.maxUnavailable'));
  if (spec.selector) errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (policy !== undefined && policy !== 'IfHealthyBudget' && policy !== 'AlwaysAllow') {
    errs.push(notSupported('spec.unhealthyPodEvictionPolicy', policy, ['AlwaysAllow', 'IfHealthyBudget']));
  }
  return errs;
}
