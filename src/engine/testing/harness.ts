// A headless harness for engine tests (not a Kubernetes file): the engine core wired into a
// ComponentContext exactly as cluster.ts wires it (store, catalogue, API server, informers,
// simulated clock at EPOCH, seeded RNG, trace, event recorder, images, heartbeats,
// DEFAULT_CONFIG), with only the components a test adds, and a settle/advance loop shaped like
// Cluster.settle/advance. Component-specific harnesses (controllers/testing, scheduler/testing,
// apiserver/registry/testing) build on it. See README.md.
import type { GVR } from '../apiserver/apiserver';
import { APIServer } from '../apiserver/apiserver';
import { registerBuiltins } from '../apiserver/registry';
import type { Strategy } from '../apiserver/types';
import type { Pod } from '../api/core';
import { ResourceCatalogue } from '../api/resources';
import { InformerFactory } from '../client/informer';
import { EventRecorder } from '../client/recorder';
import { DEFAULT_CONFIG, EPOCH } from '../cluster';
import type { ClusterConfig, Component, ComponentContext } from '../component';
import { ImageCatalogue, type ImageSpec } from '../kubelet/images';
import { SimClock } from '../sim/clock';
import { Heartbeats } from '../sim/heartbeats';
import { Rng } from '../sim/rng';
import { Trace } from '../sim/trace';
import { Store } from '../store/store';

export { DEFAULT_CONFIG, EPOCH };
export * from './objects';

/** The resources tests name most often. */
export const G = {
  pods: { group: '', resource: 'pods' },
  nodes: { group: '', resource: 'nodes' },
  namespaces: { group: '', resource: 'namespaces' },
  events: { group: '', resource: 'events' },
  rcs: { group: '', resource: 'replicationcontrollers' },
  deployments: { group: 'apps', resource: 'deployments' },
  replicasets: { group: 'apps', resource: 'replicasets' },
} satisfies Record<string, GVR>;

/**
 * Just enough strategy for the workload controllers, without validation, defaulting or admission:
 * pods honour their grace period; status is a subresource of pods, nodes and the workloads, whose
 * spec changes bump metadata.generation. Keys are `group/resource`, as in BUILTIN_REGISTRY.
 */
export const PLAIN_STRATEGIES: Record<string, Strategy> = {
  '/pods': { hasStatus: true, gracePeriod: (o, req) => req ?? ((o as Pod).spec?.terminationGracePeriodSeconds ?? 30) },
  '/nodes': { hasStatus: true },
  '/namespaces': {},
  '/events': {},
  '/replicationcontrollers': { hasStatus: true, tracksGeneration: true },
  'apps/deployments': { hasStatus: true, tracksGeneration: true },
  'apps/replicasets': { hasStatus: true, tracksGeneration: true },
};

/** The generic strategy (store what is written, nothing more) for each named `group/resource`. */
export function passThrough(keys: string[]): Record<string, Strategy> {
  return Object.fromEntries(keys.map((k) => [k, {}]));
}

export interface HarnessOptions {
  /** The RNG seed (uids, generated names, the scheduler's tie-breaks). Default 1, as Cluster. */
  seed?: number;
  /**
   * - 'builtin': the real strategies and admission chain (registerBuiltins), as cluster.ts;
   * - 'passthrough': every catalogue resource served with the generic strategy (a bare API server);
   * - a `group/resource` → strategy table (PLAIN_STRATEGIES, passThrough([...])): only those served.
   * Default: PLAIN_STRATEGIES.
   */
  strategies?: 'builtin' | 'passthrough' | Record<string, Strategy>;
  config?: Partial<ClusterConfig>;
  /** The image catalogue (default empty: no image pulls in control-plane tests). */
  images?: ImageSpec[];
}

const MAX_SETTLE_ROUNDS = 10_000;

export class TestHarness {
  readonly config: ClusterConfig;
  readonly clock = new SimClock(EPOCH);
  readonly rng: Rng;
  readonly store = new Store();
  readonly catalogue = new ResourceCatalogue();
  readonly api: APIServer;
  readonly informers: InformerFactory;
  readonly trace: Trace;
  readonly events: EventRecorder;
  readonly images: ImageCatalogue;
  readonly heartbeats = new Heartbeats();
  readonly ctx: ComponentContext;
  /** The components the test added, in the order settle runs them. */
  readonly components: Component[] = [];

  constructor(opts: HarnessOptions = {}) {
    this.config = { ...DEFAULT_CONFIG, ...(opts.config ?? {}) };
    this.rng = new Rng(opts.seed ?? 1);
    this.api = new APIServer(this.catalogue, this.store, this.clock, this.rng);
    this.trace = new Trace(() => this.clock.now());
    this.events = new EventRecorder(this.api, this.clock);
    this.images = new ImageCatalogue(opts.images ?? []);
    this.informers = new InformerFactory(this.api);
    this.ctx = {
      api: this.api,
      informers: this.informers,
      clock: this.clock,
      rng: this.rng,
      trace: this.trace,
      events: this.events,
      images: this.images,
      heartbeats: this.heartbeats,
      config: this.config,
    };
    const strategies = opts.strategies ?? PLAIN_STRATEGIES;
    if (strategies === 'builtin') registerBuiltins(this.api, this.config);
    else if (strategies === 'passthrough') for (const info of this.catalogue.all()) this.api.register(info.group, info.resource, {});
    else for (const [key, s] of Object.entries(strategies)) this.api.register(key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1), s);
  }

  now(): number {
    return this.clock.now();
  }

  /** Add a component (before start): it runs in settle and receives the timers it owns. */
  add<C extends Component>(c: C): C {
    this.components.push(c);
    return c;
  }

  /** Start the components (handlers tagged with their owner, as cluster.ts), the informers, then settle. */
  start(): void {
    for (const c of this.components) this.informers.withOwner(c.name, () => c.start());
    this.informers.startAll();
    this.settle();
  }

  /** Run every component's queued work until none has any (Cluster.settle); throws if it never ends. */
  settle(): void {
    for (let round = 0; round < MAX_SETTLE_ROUNDS; round++) {
      let worked = false;
      for (const c of this.components) {
        if (c.hasWork()) {
          c.runOnce();
          worked = true;
        }
      }
      if (!worked) return;
    }
    throw new Error('harness did not settle');
  }

  advance(ms: number): void {
    this.advanceTo(this.clock.now() + ms);
  }

  /**
   * Pop each timer due by `target` in order, hand it to the component that owns it and settle,
   * then set the clock to `target`. Unlike Cluster.advance it does not settle first: work a test
   * queued without settling waits for the first timer (or the test's own settle()).
   */
  advanceTo(target: number): void {
    for (;;) {
      const t = this.clock.popDue(target);
      if (!t) break;
      this.components.find((c) => c.name === t.owner)?.onTimer?.(t);
      this.settle();
    }
    this.clock.setNow(target);
  }

  /** Timers owned by the named components that are still pending. */
  pendingTimers(owners: string[]): number {
    return this.clock.save().timers.filter((t) => owners.includes(t.owner)).length;
  }
}
