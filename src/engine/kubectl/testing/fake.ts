// A tiny stand-in for Cluster for kubectl's unit tests: the shared engine harness's API server
// (testing/harness.ts) with pass-through strategies over a fresh store and clock, no controllers.
// Time only moves when a command waits (advance) or a test says so.
import type { Cluster, CommandResult } from '../../cluster';
import type { KubeObject } from '../../api/meta';
import type { APIServer } from '../../apiserver/apiserver';
import type { SimClock } from '../../sim/clock';
import { TestHarness } from '../../testing/harness';
import { runKubectl } from '../kubectl';
import type { KubectlOptions } from '../context';

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
  const { api, clock } = new TestHarness({ strategies: 'passthrough' });
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
