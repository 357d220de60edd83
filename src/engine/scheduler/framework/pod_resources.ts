// A pod's resource requests as the scheduler counts them. Mirrors k8s.io/component-helpers/resource
// (PodRequests, AggregateContainerRequests) and pkg/scheduler/util/pod_resources.go (non-zero defaults).
import type { Container, PodSpec } from '../../api/core';
import { bytes, milliCPU } from '../../api/quantity';

export interface Resource {
  milliCPU: number;
  memory: number;
}

/** DefaultMilliCPURequest: a container without a cpu request counts as 0.1 core when scoring. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** DefaultMemoryRequest: a container without a memory request counts as 200 MiB when scoring. */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

function quantityOr(v: string | number | undefined, parse: (q: string | number) => number, missing: number): number {
  if (v === undefined) return missing;
  const n = parse(v);
  return Number.isNaN(n) ? 0 : n;
}

/**
 * One container's requests. A request left unset but with a limit counts as the limit: that is what
 * API defaulting (SetDefaults_Container) stores, so the scheduler never sees the difference.
 * `nonMissing` applies the scoring defaults only where a request is missing (an explicit 0 stays 0).
 */
function containerRequests(c: Container, nonMissing: boolean): Resource {
  const req = c.resources?.requests;
  const lim = c.resources?.limits;
  return {
    milliCPU: quantityOr(req?.cpu ?? lim?.cpu, milliCPU, nonMissing ? DEFAULT_MILLI_CPU_REQUEST : 0),
    memory: quantityOr(req?.memory ?? lim?.memory, bytes, nonMissing ? DEFAULT_MEMORY_REQUEST : 0),
  };
}

/**
 * PodRequests: sum of the app containers, plus restartable (sidecar) init containers, but at least
 * the largest regular init container (init containers run one at a time, before the app).
 * Example: containers 200m + 300m = 500m, init containers 800m and 100m ⇒ max(500m, 800m) = 800m.
 */
export function podRequests(spec: PodSpec, nonMissing = false): Resource {
  // Stored pods are frozen, and a bind or status write keeps the containers array (the API server
  // shares unchanged subtrees), so the sums are computed once per pod, not once per cycle and event.
  const containers = spec.containers;
  if (!spec.initContainers && containers && Object.isFrozen(containers)) {
    const memo = nonMissing ? nonZeroMemo : realMemo;
    let r = memo.get(containers);
    if (!r) {
      r = Object.freeze(computePodRequests(spec, nonMissing));
      memo.set(containers, r);
    }
    return r;
  }
  return computePodRequests(spec, nonMissing);
}

/** Requests per (frozen) containers array: real ones, and with the scoring defaults. Shared: read only. */
const realMemo = new WeakMap<readonly Container[], Resource>();
const nonZeroMemo = new WeakMap<readonly Container[], Resource>();

function computePodRequests(spec: PodSpec, nonMissing: boolean): Resource {
  const reqs: Resource = { milliCPU: 0, memory: 0 };
  for (const c of spec.containers ?? []) {
    const r = containerRequests(c, nonMissing);
    reqs.milliCPU += r.milliCPU;
    reqs.memory += r.memory;
  }
  const sidecars: Resource = { milliCPU: 0, memory: 0 };
  const initMax: Resource = { milliCPU: 0, memory: 0 };
  for (const c of spec.initContainers ?? []) {
    const r = containerRequests(c, nonMissing);
    let eff: Resource;
    if (c.restartPolicy === 'Always') {
      // A sidecar keeps running next to the app containers: it adds to the sum.
      reqs.milliCPU += r.milliCPU;
      reqs.memory += r.memory;
      sidecars.milliCPU += r.milliCPU;
      sidecars.memory += r.memory;
      eff = { ...sidecars };
    } else {
      // A regular init container runs alongside the sidecars started before it.
      eff = { milliCPU: r.milliCPU + sidecars.milliCPU, memory: r.memory + sidecars.memory };
    }
    initMax.milliCPU = Math.max(initMax.milliCPU, eff.milliCPU);
    initMax.memory = Math.max(initMax.memory, eff.memory);
  }
  reqs.milliCPU = Math.max(reqs.milliCPU, initMax.milliCPU);
  reqs.memory = Math.max(reqs.memory, initMax.memory);
  return reqs;
}
