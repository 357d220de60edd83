// A headless harness for kubelet tests: the engine core (store, API server, informers, clock,
// RNG, events) and one kubelet, with no other component. Time moves only when a test advances it.
import type { Pod } from '../api/core';
import type { KubeObject } from '../api/meta';
import { ResourceCatalogue } from '../api/resources';
import { APIServer } from '../apiserver/apiserver';
import { InformerFactory } from '../client/informer';
import { EventRecorder } from '../client/recorder';
import type { ClusterConfig, ComponentContext } from '../component';
import { SimClock } from '../sim/clock';
import { Heartbeats } from '../sim/heartbeats';
import { Rng } from '../sim/rng';
import { Trace } from '../sim/trace';
import { Store } from '../store/store';
import { defaultImages } from './catalogue';
import { ImageCatalogue } from './images';
import { Kubelet, type NodeConfig } from './kubelet';

export const TEST_EPOCH = Date.UTC(2025, 2, 3, 9, 0, 0);
export const TEST_CONFIG: ClusterConfig = {
  nodeMonitorGracePeriodMs: 50_000, defaultTolerationSeconds: 300, kubernetesVersion: 'v1.32.2',
  clusterName: 'kind', serviceCIDR: '10.96.0.0/16', podCIDR: '10.244.0.0/16', clusterDomain: 'cluster.local',
};

export interface HarnessOptions {
  seed?: number;
  node?: Partial<NodeConfig>;
  /** Build on a saved harness state (snapshot restore). */
  from?: HarnessSnapshot;
}

export interface HarnessSnapshot {
  store: ReturnType<Store['save']>;
  rng: number[];
  clock: ReturnType<SimClock['save']>;
  events: ReturnType<EventRecorder['save']>;
  heartbeats: ReturnType<Heartbeats['save']>;
  kubelet: unknown;
}

export class Harness {
  readonly clock = new SimClock(TEST_EPOCH);
  readonly rng: Rng;
  readonly store = new Store();
  readonly api: APIServer;
  readonly informers: InformerFactory;
  readonly trace: Trace;
  readonly events: EventRecorder;
  readonly heartbeats = new Heartbeats();
  readonly ctx: ComponentContext;
  readonly kubelet: Kubelet;

  constructor(opts: HarnessOptions = {}) {
    this.rng = new Rng(opts.seed ?? 1);
    this.api = new APIServer(new ResourceCatalogue(), this.store, this.clock, this.rng);
    this.api.register('', 'pods', {
      gracePeriod: (obj, requested) => requested ?? ((obj as Pod).spec.terminationGracePeriodSeconds ?? 30),
      // A terminating pod's status updates must not remove it: only the kubelet's grace-0 delete does.
      shouldDeleteDuringUpdate: () => false,
    });
    this.api.register('', 'nodes', {});
    this.api.register('', 'events', {});
    this.informers = new InformerFactory(this.api);
    this.trace = new Trace(() => this.clock.now());
    this.events = new EventRecorder(this.api, this.clock);
    this.ctx = {
      api: this.api, informers: this.informers, clock: this.clock, rng: this.rng, trace: this.trace, events: this.events,
      images: new ImageCatalogue(defaultImages()), heartbeats: this.heartbeats, config: TEST_CONFIG,
    };
    const cfg: NodeConfig = { name: 'kind-worker', cpu: '2', memory: '4Gi', pods: 110, labels: {}, taints: [], index: 1, ...opts.node };
    if (opts.from) {
      this.store.load(opts.from.store);
      this.rng.restore(opts.from.rng);
    }
    this.kubelet = new Kubelet(this.ctx, cfg);
    this.kubelet.start();
    this.informers.startAll();
    if (opts.from) {
      this.kubelet.discardQueuedWork();
      this.kubelet.load(opts.from.kubelet);
      this.clock.load(opts.from.clock);
      this.events.load(opts.from.events);
      this.heartbeats.load(opts.from.heartbeats);
    }
    this.settle();
  }

  snapshot(): HarnessSnapshot {
    return JSON.parse(JSON.stringify({
      store: this.store.save(), rng: this.rng.state(), clock: this.clock.save(), events: this.events.save(),
      heartbeats: this.heartbeats.save(), kubelet: this.kubelet.save(),
    })) as HarnessSnapshot;
  }

  settle(): void {
    for (let i = 0; i < 10_000 && this.kubelet.hasWork(); i++) this.kubelet.runOnce();
  }

  /** Run every timer due within `ms`, as Cluster.advance does (a stopped kubelet's timers are dropped). */
  advance(ms: number): void {
    const target = this.clock.now() + ms;
    for (;;) {
      const t = this.clock.popDue(target);
      if (!t) break;
      if (t.owner === this.kubelet.name && this.kubelet.running) this.kubelet.onTimer(t);
      this.settle();
    }
    this.clock.setNow(target);
    this.settle();
  }

  /** Advance until `cond` holds (checking at every timer), or fail after `maxMs`. Returns the time. */
  until(cond: () => boolean, maxMs = 3_600_000): number {
    const limit = this.clock.now() + maxMs;
    while (!cond()) {
      const next = this.clock.peek();
      if (next === undefined || next > limit) throw new Error(`condition not reached by ${limit} ms (now ${this.clock.now()})`);
      this.advance(next - this.clock.now());
    }
    return this.clock.now();
  }

  createPod(pod: { metadata: { name: string; namespace?: string } & Record<string, unknown>; spec: Partial<Pod['spec']> }): Pod {
    const body = { apiVersion: 'v1', kind: 'Pod', ...pod, spec: { nodeName: 'kind-worker', ...pod.spec } } as unknown as KubeObject;
    const created = this.api.create({ group: '', resource: 'pods' }, pod.metadata.namespace ?? 'default', body) as Pod;
    this.settle();
    return created;
  }

  pod(name: string, namespace = 'default'): Pod | undefined {
    return this.api.tryGet({ group: '', resource: 'pods' }, namespace, name) as Pod | undefined;
  }

  deletePod(name: string, gracePeriodSeconds?: number, namespace = 'default'): void {
    this.api.delete({ group: '', resource: 'pods' }, namespace, name, { gracePeriodSeconds });
    this.settle();
  }

  /** Events about an object, oldest first: [secondsSinceStart, reason, message]. */
  eventsFor(name: string): { t: number; type: string; reason: string; message: string; count: number; fieldPath?: string }[] {
    const seq = (n: string) => BigInt(`0x${n.slice(n.lastIndexOf('.') + 1)}`);
    return (this.store.list('/events') as unknown as { metadata: { name: string }; involvedObject: { name: string; fieldPath?: string }; firstTimestamp: string; type: string; reason: string; message: string; count: number }[])
      .filter((e) => e.involvedObject.name === name)
      .sort((a, b) => (seq(a.metadata.name) < seq(b.metadata.name) ? -1 : 1))
      .map((e) => ({ t: this.clock.parse(e.firstTimestamp), type: e.type, reason: e.reason, message: e.message, count: e.count, fieldPath: e.involvedObject.fieldPath }));
  }
}
