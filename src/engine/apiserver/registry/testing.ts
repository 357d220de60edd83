// Test harness for the registry and admission tests: the shared engine harness's API server with
// the real builtins registered (testing/harness.ts, strategies 'builtin') and the namespaces
// default and kube-system created (no controllers, no kubelets).
import type { KubeObject } from '../../api/meta';
import type { APIServer } from '../apiserver';
import { StatusError } from '../errors';
import type { SimClock } from '../../sim/clock';
import type { Store } from '../../store/store';
import { G, podObject, TestHarness } from '../../testing/harness';

export { G };

export function newTestAPI(seed = 1): { api: APIServer; clock: SimClock; store: Store } {
  const { api, clock, store } = new TestHarness({ seed, strategies: 'builtin' });
  for (const name of ['default', 'kube-system']) api.create(G.namespaces, '', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  return { api, clock, store };
}

/** Run `fn` and return the StatusError it throws (fails the test if it does not throw one). */
export function statusError(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('expected a StatusError');
}

/** A pod with one container `app` (nginx); the create request's namespace decides its own. */
export function pod(name: string, spec: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject {
  return podObject({ name, container: 'app', spec, meta });
}

/** A deep mutable copy of a stored (frozen) object. */
export function mutable<T>(o: T): T {
  return JSON.parse(JSON.stringify(o)) as T;
}
