// Pod updates: mirrors ValidatePodUpdate, ValidateContainerUpdates and validateOnlyAddedTolerations
// in pkg/apis/core/validation/validation.go. A running pod's spec is almost frozen: only images,
// activeDeadlineSeconds (shorten only), new tolerations and a negative grace period set to 1 may change.
import type { Container, Pod, PodSpec, Toleration } from '../../api/core';
import type { FieldError } from './field';
import { forbidden, invalid, required } from './field';
import { canonicalJSON, inclusiveRangeError } from './generic';
import { validatePodSpec } from './podspec';
import { validateTolerations } from './scheduling';

const MAX_INT32 = 2147483647;

/** The list upstream prints (InPlacePodVerticalScaling is off by default in v1.32). */
export const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

export function validatePodUpdate(pod: Pod, old: Pod): FieldError[] {
  const errs = validatePodSpec(pod.spec, 'spec');
  const spec = pod.spec ?? ({ containers: [] } as PodSpec);
  const oldSpec = old.spec;
  for (const [field, a, b] of [['containers', spec.containers, oldSpec.containers], ['initContainers', spec.initContainers, oldSpec.initContainers]] as const) {
    const r = validateContainerUpdates(a ?? [], b ?? [], `spec.${field}`);
    errs.push(...r.errs);
    if (r.stop) return errs;
  }

  // activeDeadlineSeconds may be set, or shortened, never lengthened or removed.
  if (spec.activeDeadlineSeconds !== undefined) {
    const v = spec.activeDeadlineSeconds;
    if (v < 0 || v > MAX_INT32) return [...errs, invalid('spec.activeDeadlineSeconds', v, inclusiveRangeError(0, MAX_INT32))];
    if (oldSpec.activeDeadlineSeconds !== undefined && oldSpec.activeDeadlineSeconds < v) {
      return [...errs, invalid('spec.activeDeadlineSeconds', v, 'must be less than or equal to previous value')];
    }
  } else if (oldSpec.activeDeadlineSeconds !== undefined) {
    errs.push(invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  }

  errs.push(...validateOnlyAddedTolerations(spec.tolerations ?? [], oldSpec.tolerations ?? [], 'spec.tolerations'));

  if (canonicalJSON(spec) === canonicalJSON(oldSpec)) return errs;
  // Munge the fields that may change back to their old values; anything left over is forbidden.
  const munged: PodSpec = {
    ...spec,
    containers: spec.containers.map((c, i) => ({ ...c, image: oldSpec.containers[i]?.image })),
    initContainers: spec.initContainers?.map((c, i) => ({ ...c, image: oldSpec.initContainers?.[i]?.image })),
    activeDeadlineSeconds: oldSpec.activeDeadlineSeconds,
    tolerations: oldSpec.tolerations,
  };
  if ((oldSpec.terminationGracePeriodSeconds ?? 0) < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldSpec.terminationGracePeriodSeconds;
  }
  if (canonicalJSON(munged) !== canonicalJSON(oldSpec)) {
    errs.push(forbidden('spec', `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}\n${specDiff(oldSpec, munged)}`));
  }
  return errs;
}

function validateContainerUpdates(cs: Container[], old: Container[], path: string): { errs: FieldError[]; stop: boolean } {
  if (cs.length !== old.length) return { errs: [forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  const errs: FieldError[] = [];
  cs.forEach((c, i) => {
    if (!c.image) errs.push(required(`${path}[${i}].image`));
    else if (c.image.trim() !== c.image) errs.push(invalid(`${path}[${i}].image`, c.image, 'must not have leading or trailing whitespace'));
  });
  return { errs, stop: false };
}

/** Every old toleration must still be there (its tolerationSeconds may change). */
function validateOnlyAddedTolerations(ts: Toleration[], old: Toleration[], path: string): FieldError[] {
  for (const o of old) {
    const found = ts.some((t) => canonicalJSON({ ...o, tolerationSeconds: t.tolerationSeconds }) === canonicalJSON(t));
    if (!found) return [forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return validateTolerations(ts, path);
}

/**
 * Upstream appends cmp.Diff(oldSpec, mungedSpec) of the Go structs. We print a simplified diff of
 * the top-level spec fields that differ, in the same -/+ shape, using JSON field names.
 */
function specDiff(old: PodSpec, now: PodSpec): string {
  const lines = ['  core.PodSpec{'];
  const keys = [...new Set([...Object.keys(old), ...Object.keys(now)])].sort();
  for (const k of keys) {
    const a = (old as unknown as Record<string, unknown>)[k];
    const b = (now as unknown as Record<string, unknown>)[k];
    if (canonicalJSON(a) === canonicalJSON(b)) continue;
    if (a !== undefined) lines.push(`- \t${k}: ${JSON.stringify(a)},`);
    if (b !== undefined) lines.push(`+ \t${k}: ${JSON.stringify(b)},`);
  }
  lines.push('  }');
  return lines.join('\n');
}
