// metav1 LabelSelector validation: mirrors k8s.io/apimachinery/pkg/apis/meta/v1/validation
// (ValidateLabelSelector, ValidateLabelSelectorRequirement).
import type { LabelSelector } from '../../api/meta';
import type { FieldError } from './field';
import { forbidden, invalid, required } from './field';
import { validateLabelName, validateLabels } from './generic';
import { isValidLabelValue } from './names';

export function validateLabelSelector(ps: LabelSelector | undefined, path: string): FieldError[] {
  if (!ps) return [];
  const errs = validateLabels(ps.matchLabels, `${path}.matchLabels`);
  (ps.matchExpressions ?? []).forEach((sr, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    switch (sr.operator) {
      case 'In':
      case 'NotIn':
        if (!sr.values?.length) errs.push(required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (sr.values?.length) errs.push(forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        errs.push(invalid(`${p}.operator`, sr.operator, 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(sr.key ?? '', `${p}.key`));
    (sr.values ?? []).forEach((v, j) => {
      for (const m of isValidLabelValue(v)) errs.push(invalid(`${p}.values[${j}]`, v, m));
    });
  });
  return errs;
}
