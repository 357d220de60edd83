// kubectl drain's eviction loop: mirrors evictPods / waitForDelete in
// staging/src/k8s.io/kubectl/pkg/drain/drain.go. Upstream runs one goroutine per pod: each POSTs
// an Eviction, and when the API server answers 429 (a PodDisruptionBudget allows no disruption
// right now) prints the refusal and tries again 5 s later; an accepted eviction is followed by
// polling (every second) until the pod is gone. Here all the loops share simulated time.
//
// Worked example: 3 replicas on the drained node, budget minAvailable 2. t=0 s: the first eviction
// passes (allowed 1 → 0), the other two get 429 and retry at t=5 s. The evicted pod's replacement
// is scheduled elsewhere and becomes Ready after a few seconds, so allowed goes back to 1; at
// t=5 s one of the two waiting pods is evicted, the other retries again at t=10 s, and so on.
import type { Pod } from '../../api/core';
import { isStatusError } from '../../apiserver/errors';
import type { Ctx } from '../context';
import { KubectlError } from '../errors';
import { goDuration } from '../../kubelet/image_manager';

const PODS = { group: '', resource: 'pods' };
/** How long drain waits before retrying a refused eviction (hard-coded in drain.go). */
export const EVICTION_RETRY_MS = 5000;
const POLL_MS = 1000;

interface Attempt {
  pod: Pod;
  nextTry: number;
  evicted: boolean;
}

export function evictPods(ctx: Ctx, nodeName: string, pods: Pod[], grace: number, timeoutMs: number): void {
  const start = ctx.now();
  const pending: Attempt[] = pods.map((pod) => ({ pod, nextTry: start, evicted: false }));
  for (;;) {
    const now = ctx.now();
    for (const a of pending) {
      if (a.evicted || a.nextTry > now) continue;
      const ns = a.pod.metadata.namespace ?? '';
      const name = a.pod.metadata.name ?? '';
      ctx.out(`evicting pod ${ns}/${name}`);
      try {
        ctx.api.evict(ns, name, grace >= 0 ? { gracePeriodSeconds: grace } : {});
        a.evicted = true;
      } catch (e) {
        if (!isStatusError(e)) throw e;
        if (e.reason === 'NotFound') {
          a.evicted = true;
        } else if (e.code === 429) {
          ctx.err(`error when evicting pods/"${name}" -n "${ns}" (will retry after 5s): ${e.message}`);
          a.nextTry = now + EVICTION_RETRY_MS;
        } else {
          throw drainError(ctx, nodeName, `error when evicting pods/"${name}" -n "${ns}": ${e.message}`, pending);
        }
      }
    }
    // waitForDelete: an evicted pod is done when it is gone (or replaced by a new pod with the same name).
    const gone = new Set<Attempt>();
    for (const a of pending) {
      if (!a.evicted) continue;
      const cur = ctx.api.tryGet(PODS, a.pod.metadata.namespace ?? '', a.pod.metadata.name ?? '');
      if (!cur || cur.metadata.uid !== a.pod.metadata.uid) {
        ctx.out(`pod/${a.pod.metadata.name} evicted`);
        gone.add(a);
      }
    }
    for (let i = pending.length - 1; i >= 0; i--) if (gone.has(pending[i])) pending.splice(i, 1);
    if (pending.length === 0) return;
    if (ctx.now() - start >= timeoutMs) throw drainError(ctx, nodeName, `drain did not complete within ${goDuration(timeoutMs)}`, pending);
    ctx.advance(Math.min(POLL_MS, start + timeoutMs - ctx.now()));
  }
}

/** What `kubectl drain` prints when deleteOrEvictPods fails, then the error it exits with. */
function drainError(ctx: Ctx, nodeName: string, msg: string, pending: Attempt[]): KubectlError {
  if (pending.length) {
    ctx.err(`There are pending pods in node "${nodeName}" when an error occurred: ${msg}`);
    for (const a of pending) ctx.err(`pod/${a.pod.metadata.name}`);
  }
  ctx.err(`error: unable to drain node "${nodeName}" due to error: ${msg}, continuing command...`);
  ctx.err('There are pending nodes to be drained:');
  ctx.err(` ${nodeName}`);
  return new KubectlError(`error: ${msg}`);
}
