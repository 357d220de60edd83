// Scheduling constraints of a pod spec: tolerations, taint effects and node affinity. Mirrors
// validateTolerations, validateTaintEffect, validateAffinity, ValidateNodeSelector(Term|Requirement)
// and ValidatePreferredSchedulingTerms in pkg/apis/core/validation/validation.go.
import type { Affinity, NodeSelectorRequirement, NodeSelectorTerm, Toleration } from '../../api/core';
import type { FieldError } from './field';
import { forbidden, invalid, notSupported, required } from './field';
import { validateLabelName } from './generic';
import { isValidLabelValue } from './names';

export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function validateTaintEffect(effect: string | undefined, allowEmpty: boolean, path: string): FieldError[] {
  if (!allowEmpty && !effect) return [required(path)];
  return TAINT_EFFECTS.includes(effect ?? '') ? [] : [notSupported(path, effect ?? '', TAINT_EFFECTS)];
}

export function validateTolerations(tolerations: Toleration[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  tolerations.forEach((t, i) => {
    const p = `${path}[${i}]`;
    const key = t.key ?? '';
    const op = t.operator ?? '';
    const value = t.value ?? '';
    if (key) errs.push(...validateLabelName(key, `${p}.key`));
    // An empty key with Exists matches every taint; with Equal it would match nothing sensible.
    if (!key && op !== 'Exists') {
      errs.push(invalid(`${p}.operator`, op, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      errs.push(invalid(`${p}.effect`, t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    switch (op) {
      case 'Equal':
      case '': {
        const msgs = isValidLabelValue(value);
        if (msgs.length) errs.push(invalid(`${p}.operator`, value, msgs.join(';')));
        break;
      }
      case 'Exists':
        if (value) errs.push(invalid(`${p}.operator`, t, "value must be empty when `operator` is 'Exists'"));
        break;
      default:
        errs.push(notSupported(`${p}.operator`, op, ['Equal', 'Exists']));
    }
    if (t.effect) errs.push(...validateTaintEffect(t.effect, true, `${p}.effect`));
  });
  return errs;
}

export function validateAffinity(affinity: Affinity | undefined, path: string): FieldError[] {
  const na = affinity?.nodeAffinity;
  if (!na) return [];
  const errs: FieldError[] = [];
  const p = `${path}.nodeAffinity`;
  const req = na.requiredDuringSchedulingIgnoredDuringExecution;
  if (req) {
    const termsPath = `${p}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`;
    if (!req.nodeSelectorTerms?.length) errs.push(required(termsPath, 'must have at least one node selector term'));
    else req.nodeSelectorTerms.forEach((t, i) => errs.push(...validateNodeSelectorTerm(t, false, `${termsPath}[${i}]`)));
  }
  (na.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((term, i) => {
    const tp = `${p}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
    if (!(term.weight > 0 && term.weight <= 100)) errs.push(invalid(`${tp}.weight`, term.weight ?? 0, 'must be in the range 1-100'));
    errs.push(...validateNodeSelectorTerm(term.preference ?? {}, true, `${tp}.preference`));
  });
  return errs;
}

function validateNodeSelectorTerm(term: NodeSelectorTerm, allowInvalidLabelValue: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (term.matchExpressions ?? []).forEach((r, j) => errs.push(...validateNodeSelectorRequirement(r, allowInvalidLabelValue, `${path}.matchExpressions[${j}]`)));
  (term.matchFields ?? []).forEach((r, j) => errs.push(...validateNodeFieldSelectorRequirement(r, `${path}.matchFields[${j}]`)));
  return errs;
}

function validateOperatorValues(r: NodeSelectorRequirement, path: string): FieldError[] {
  const n = r.values?.length ?? 0;
  switch (r.operator) {
    case 'In':
    case 'NotIn':
      return n === 0 ? [required(`${path}.values`, "must be specified when `operator` is 'In' or 'NotIn'")] : [];
    case 'Exists':
    case 'DoesNotExist':
      return n > 0 ? [forbidden(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'")] : [];
    case 'Gt':
    case 'Lt':
      return n !== 1 ? [required(`${path}.values`, "must be specified single value when `operator` is 'Lt' or 'Gt'")] : [];
    default:
      return [invalid(`${path}.operator`, r.operator ?? '', 'not a valid selector operator')];
  }
}

function validateNodeSelectorRequirement(r: NodeSelectorRequirement, allowInvalidLabelValue: boolean, path: string): FieldError[] {
  const errs = validateOperatorValues(r, path);
  errs.push(...validateLabelName(r.key ?? '', `${path}.key`));
  if (!allowInvalidLabelValue) {
    (r.values ?? []).forEach((v, i) => {
      for (const m of isValidLabelValue(v)) errs.push(invalid(`${path}.values[${i}]`, v, m));
    });
  }
  return errs;
}

function validateNodeFieldSelectorRequirement(r: NodeSelectorRequirement, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (r.operator === 'In' || r.operator === 'NotIn') {
    if ((r.values?.length ?? 0) !== 1) errs.push(required(`${path}.values`, "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
  } else {
    errs.push(invalid(`${path}.operator`, r.operator ?? '', 'not a valid selector operator'));
  }
  if (r.key !== 'metadata.name') errs.push(invalid(`${path}.key`, r.key ?? '', 'not a valid field selector key'));
  return errs;
}
