// Pod QoS class: mirrors pkg/apis/core/helper/qos/qos.go (ComputePodQOS).
// Guaranteed: every container has cpu and memory limits, and requests equal limits.
// BestEffort: no container asks for (or caps) cpu or memory at all. Burstable: everything else.
import type { Pod } from '../../../../api/core';
import { parseQuantityExact, type ParsedQuantity } from '../../../validation/quantity';

const QOS_RESOURCES = ['cpu', 'memory'];

export function computePodQOS(pod: Pod): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let isGuaranteed = true;
  const add = (m: Map<string, bigint>, name: string, q: ParsedQuantity) => m.set(name, (m.get(name) ?? 0n) + q.nanos);
  for (const c of [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])]) {
    for (const [name, v] of Object.entries(c.resources?.requests ?? {})) {
      const q = v === undefined ? null : parseQuantityExact(v);
      if (QOS_RESOURCES.includes(name) && q && q.nanos > 0n) add(requests, name, q);
    }
    const limitsFound = new Set<string>();
    for (const [name, v] of Object.entries(c.resources?.limits ?? {})) {
      const q = v === undefined ? null : parseQuantityExact(v);
      if (QOS_RESOURCES.includes(name) && q && q.nanos > 0n) {
        limitsFound.add(name);
        add(limits, name, q);
      }
    }
    if (!limitsFound.has('cpu') || !limitsFound.has('memory')) isGuaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (isGuaranteed) {
    for (const [name, req] of requests) {
      if (limits.get(name) !== req) {
        isGuaranteed = false;
        break;
      }
    }
  }
  return isGuaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
