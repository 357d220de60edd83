// Pod failure policy: mirrors pkg/controller/job/pod_failure_policy.go (matchPodFailurePolicy).
// Rules are tried in order; the first that matches a failed pod decides: FailJob (fail the whole
// Job now), Ignore (do not count this failure against backoffLimit), Count (the default).
import type { Pod } from '../../api/core';
import type { JobSpec } from '../../api/batch';

export interface PolicyMatch {
  action: 'FailJob' | 'Ignore' | 'Count';
  /** For FailJob: the Job condition message. */
  message?: string;
}

export function matchPodFailurePolicy(spec: JobSpec, pod: Pod): PolicyMatch | undefined {
  const rules = spec.podFailurePolicy?.rules ?? [];
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i];
    if (r.action === 'FailIndex') continue;
    if (r.onExitCodes) {
      const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
      for (const cs of statuses) {
        if (r.onExitCodes.containerName && r.onExitCodes.containerName !== cs.name) continue;
        const code = cs.state?.terminated?.exitCode;
        // Exit code 0 never matches (a container that succeeded did not cause the failure).
        if (code === undefined || code === 0) continue;
        const inList = r.onExitCodes.values.includes(code);
        if ((r.onExitCodes.operator === 'In') === inList) {
          return {
            action: r.action,
            message: `Container ${cs.name} for pod ${pod.metadata.namespace}/${pod.metadata.name} failed with exit code ${code} matching ${r.action} rule at index ${i}`,
          };
        }
      }
    }
    for (const pattern of r.onPodConditions ?? []) {
      const c = pod.status?.conditions?.find((x) => x.type === pattern.type && x.status === (pattern.status ?? 'True'));
      if (c) {
        return { action: r.action, message: `Pod ${pod.metadata.namespace}/${pod.metadata.name} has condition ${pattern.type} matching ${r.action} rule at index ${i}` };
      }
    }
  }
  return undefined;
}
