// Test harness for the registry and admission tests: a bare API server with the builtins
// registered and the namespaces default and kube-system created (no controllers, no kubelets).
import { ResourceCatalogue } from '../../api/resources';
import type { KubeObject } from '../../api/meta';
import { APIServer } from '../apiserver';
import { StatusError } from '../errors';
import { SimClock } from '../../sim/clock';
import { Rng } from '../../sim/rng';
import { Store } from '../../store/store';
import type { ClusterConfig } from '../../component';
import { registerBuiltins } from '.';

export const EPOCH = Date.UTC(2025, 2, 3, 9, 0, 0);
export const TEST_CONFIG: ClusterConfig = {
  nodeMonitorGracePeriodMs: 50_000,
  defaultTolerationSeconds: 300,
  kubernetesVersion: 'v1.32.2',
  clusterName: 'kind',
  serviceCIDR: '10.96.0.0/16',
  podCIDR: '10.244.0.0/16',
  clusterDomain: 'cluster.local',
};

export const G = {
  pods: { group: '', resource: 'pods' },
  nodes: { group: '', resource: 'nodes' },
  namespaces: { group: '', resource: 'namespaces' },
  events: { group: '', resource: 'events' },
  rcs: { group: '', resource: 'replicationcontrollers' },
  deployments: { group: 'apps', resource: 'deployments' },
  replicasets: { group: 'apps', resource: 'replicasets' },
};

export function newTestAPI(seed = 1): { api: APIServer; clock: SimClock; store: Store } {
  const clock = new SimClock(EPOCH);
  const store = new Store();
  const api = new APIServer(new ResourceCatalogue(), store, clock, new Rng(seed));
  registerBuiltins(api, TEST_CONFIG);
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

export function pod(name: string, spec: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, ...meta }, spec: { containers: [{ name: 'app', image: 'nginx' }], ...spec } };
}

/** A deep mutable copy of a stored (frozen) object. */
export function mutable<T>(o: T): T {
  return JSON.parse(JSON.stringify(o)) as T;
}
