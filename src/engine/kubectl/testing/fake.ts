// A tiny stand-in for Cluster for kubectl's unit tests: a real APIServer with pass-through
// strategies over a fresh store and clock, no controllers. Time only moves when a command
// waits (advance) or a test says so.
import type { Cluster, CommandResult } from '../../cluster';
import type { KubeObject } from '../../api/meta';
import { ResourceCatalogue } from '../../api/resources';
import { APIServer } from '../../apiserver/apiserver';
import { SimClock } from '../../sim/clock';
import { Rng } from '../../sim/rng';
import { Store } from '../../store/store';
import { runKubectl } from '../kubectl';
import type { KubectlOptions } from '../context';

export const TEST_EPOCH = Date.UTC(2025, 2, 3, 9, 0, 0);

export interface FakeCluster {
  cluster: Cluster;
  api: APIServer;
  clock: SimClock;
  run(line: string, opts?: string | KubectlOptions): CommandResult;
  create(resource: { group: string; resource: string }, obj: KubeObject): KubeObject;
  /** Hook called on every advance step (to play a controller in a test). */
  onAdvance?: (now: number) => void;
}

export function fakeCluster(): FakeCluster {
  const clock = new SimClock(TEST_EPOCH);
  const catalogue = new ResourceCatalogue();
  const api = new APIServer(catalogue, new Store(), clock, new Rng(1));
  for (const info of catalogue.all()) api.register(info.group, info.resource, {});
  const fake: FakeCluster = {
    api,
    clock,
    cluster: undefined as unknown as Cluster,
    run: (line, opts) => runKubectl(fake.cluster, line, opts),
    create: (gvr, obj) => api.create(gvr, obj.metadata.namespace ?? '', obj),
  };
  // Only the members kubectl uses.
  fake.cluster = {
    api,
    clock,
    config: { kubernetesVersion: 'v1.32.2' },
    advance: (ms: number) => {
      clock.setNow(clock.now() + ms);
      fake.onAdvance?.(clock.now());
    },
  } as unknown as Cluster;
  return fake;
}
