// Priority admission: mirrors plugin/pkg/admission/priority/admission.go. On create a pod's
// priorityClassName is resolved to spec.priority and spec.preemptionPolicy; without a class (and
// with no globalDefault class) priority is 0. On update the values set at creation are kept.
// Simplification: PriorityClass objects are not served yet; the two built-in system classes exist.
import type { Pod } from '../../api/core';
import { newForbidden } from '../errors';
import type { AdmissionPlugin } from '../types';

export const SYSTEM_PRIORITY_CLASSES: Record<string, { value: number; preemptionPolicy: string }> = {
  'system-node-critical': { value: 2000001000, preemptionPolicy: 'PreemptLowerPriority' },
  'system-cluster-critical': { value: 2000000000, preemptionPolicy: 'PreemptLowerPriority' },
};

export const priority: AdmissionPlugin = {
  name: 'Priority',
  admit(a) {
    if (a.subresource || a.info.group !== '' || a.info.resource !== 'pods') return;
    const pod = a.object as Pod;
    if (a.operation === 'UPDATE') {
      const old = a.oldObject as Pod;
      if (pod.spec.priority === undefined && old.spec.priority !== undefined) pod.spec.priority = old.spec.priority;
      if (pod.spec.preemptionPolicy === undefined && old.spec.preemptionPolicy !== undefined) pod.spec.preemptionPolicy = old.spec.preemptionPolicy;
      return;
    }
    if (a.operation !== 'CREATE') return;
    let value = 0;
    let policy = 'PreemptLowerPriority';
    if (pod.spec.priorityClassName) {
      const pc = SYSTEM_PRIORITY_CLASSES[pod.spec.priorityClassName];
      if (!pc) throw newForbidden(a.info, a.name, `no PriorityClass with name ${pod.spec.priorityClassName} was found`);
      value = pc.value;
      policy = pc.preemptionPolicy;
    }
    if (pod.spec.priority !== undefined && pod.spec.priority !== value) {
      throw newForbidden(
        a.info,
        a.name,
        `the integer value of priority (${pod.spec.priority}) must not be provided in pod spec; priority admission controller computed ${value} from the given PriorityClass name`,
      );
    }
    pod.spec.priority = value;
    if (pod.spec.preemptionPolicy !== undefined && pod.spec.preemptionPolicy !== policy) {
      throw newForbidden(
        a.info,
        a.name,
        `the string value of PreemptionPolicy (${pod.spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`,
      );
    }
    pod.spec.preemptionPolicy = policy;
  },
};
