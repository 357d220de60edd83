// Pod spec and pod template validation: mirrors ValidatePodSpec, ValidatePodTemplateSpec,
// validateRestartPolicy and validateDNSPolicy in pkg/apis/core/validation/validation.go. The
// checks run in upstream's order so several errors come out in the order a real server lists them.
import type { PodSpec, PodTemplateSpec } from '../../api/core';
import type { FieldError } from './field';
import { invalid, notSupported, required } from './field';
import { inclusiveRangeError, validateDNS1123Label, validateDNS1123Subdomain, validateLabels } from './generic';
import { validateContainers, validateInitContainers } from './containers';
import { validateAffinity, validateTolerations } from './scheduling';
import { validateVolumes } from './volumes';
import { isQualifiedName } from './names';

export const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never'];
const MAX_INT32 = 2147483647;

/** `path` is `spec` for a pod and `spec.template.spec` for a workload's template. */
export function validatePodSpec(spec: PodSpec | undefined, path: string): FieldError[] {
  if (!spec) return [required(path)];
  const { errs: volErrs, names: volumes } = validateVolumes(spec.volumes, `${path}.volumes`);
  const errs: FieldError[] = [...volErrs];
  errs.push(...validateContainers(spec.containers, volumes, `${path}.containers`));
  errs.push(...validateInitContainers(spec.initContainers, spec.containers, volumes, `${path}.initContainers`));
  errs.push(...validateEnumRequired(spec.restartPolicy, RESTART_POLICIES, `${path}.restartPolicy`));
  errs.push(...validateEnumRequired(spec.dnsPolicy, DNS_POLICIES, `${path}.dnsPolicy`));
  errs.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`));
  errs.push(...validateAffinity(spec.affinity, `${path}.affinity`));
  (spec.readinessGates ?? []).forEach((g, i) => {
    for (const m of isQualifiedName(g.conditionType ?? '')) errs.push(invalid(`${path}.readinessGates[${i}].conditionType`, g.conditionType ?? '', m));
  });
  if (spec.serviceAccountName) errs.push(...validateDNS1123Subdomain(spec.serviceAccountName, `${path}.serviceAccountName`));
  if (spec.nodeName) errs.push(...validateDNS1123Subdomain(spec.nodeName, `${path}.nodeName`));
  if (spec.activeDeadlineSeconds !== undefined) {
    const v = spec.activeDeadlineSeconds;
    if (v < 1 || v > MAX_INT32) errs.push(invalid(`${path}.activeDeadlineSeconds`, v, inclusiveRangeError(1, MAX_INT32)));
  }
  if (spec.hostname) errs.push(...validateDNS1123Label(spec.hostname, `${path}.hostname`));
  if (spec.subdomain) errs.push(...validateDNS1123Label(spec.subdomain, `${path}.subdomain`));
  if (spec.tolerations?.length) errs.push(...validateTolerations(spec.tolerations, `${path}.tolerations`));
  if (spec.priorityClassName) errs.push(...validateDNS1123Subdomain(spec.priorityClassName, `${path}.priorityClassName`));
  if (spec.preemptionPolicy !== undefined && !PREEMPTION_POLICIES.includes(spec.preemptionPolicy)) {
    errs.push(notSupported(`${path}.preemptionPolicy`, spec.preemptionPolicy, PREEMPTION_POLICIES));
  }
  // Upstream does not reject a negative terminationGracePeriodSeconds here: the pod strategy
  // treats it as 1 when deleting (see registry/core/pod/strategy.ts gracePeriod).
  return errs;
}

function validateEnumRequired(value: string | undefined, allowed: string[], path: string): FieldError[] {
  if (!value) return [required(path)];
  return allowed.includes(value) ? [] : [notSupported(path, value, allowed)];
}

/**
 * ValidatePodTemplateSpec. Note upstream's path for template labels: `spec.template.labels`
 * (fldPath.Child("labels")), not `spec.template.metadata.labels`.
 */
export function validatePodTemplateSpec(template: PodTemplateSpec, path: string): FieldError[] {
  const errs = validateLabels(template.metadata?.labels, `${path}.labels`);
  errs.push(...validatePodSpec(template.spec, `${path}.spec`));
  return errs;
}
