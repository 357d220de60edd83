// A headless harness for scheduler tests: the shared engine harness (testing/harness.ts) with a
// bare API server (pass-through strategies for the kinds the scheduler reads) and the scheduler
// as its only component (kubelets and controllers are not needed).
import type { Node, Pod } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import type { APIServer } from '../../apiserver/apiserver';
import type { ComponentContext } from '../../component';
import type { SimClock } from '../../sim/clock';
import type { Trace } from '../../sim/trace';
import type { Store } from '../../store/store';
import { G, nodeObject, passThrough, podObject, TestHarness, type NodeOptions, type PodOptions } from '../../testing/harness';
import { Scheduler } from '../scheduler';

export { GI } from '../../testing/harness';

export interface Harness {
  ctx: ComponentContext;
  api: APIServer;
  store: Store;
  clock: SimClock;
  trace: Trace;
  scheduler: Scheduler;
  /** Run the scheduler until its queue is empty. */
  settle(): void;
  /** Advance simulated time, delivering scheduler timers, then settle. */
  advance(ms: number): void;
  addNode(n: NodeOptions): Node;
  addPod(p: PodOptions): Pod;
  pod(name: string, ns?: string): Pod;
  events(reason?: string): KubeObject[];
}

export function createHarness(seed = 1): Harness {
  const h = new TestHarness({ seed, strategies: passThrough(['/pods', '/nodes', '/events', '/replicationcontrollers', 'apps/replicasets']) });
  const scheduler = h.add(new Scheduler(h.ctx));
  h.start();
  const { ctx, api, store, clock, trace } = h;
  return {
    ctx, api, store, clock, trace, scheduler,
    settle: () => h.settle(),
    advance(ms: number) {
      h.advance(ms);
      // Pods a test added without settling are scheduled now, even if no timer fell due.
      h.settle();
    },
    addNode: (n) => api.create(G.nodes, '', nodeObject(n)) as Node,
    addPod: (p) => api.create(G.pods, p.namespace ?? 'default', podObject(p)) as Pod,
    pod: (name, ns = 'default') => api.get(G.pods, ns, name) as Pod,
    events: (reason) => store.list('/events').filter((e) => !reason || (e as unknown as { reason: string }).reason === reason),
  };
}
