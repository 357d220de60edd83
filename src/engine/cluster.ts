// The cluster: wires the store, the API server, the controller manager's controllers, the
// scheduler and one kubelet per node onto one simulated clock, and exposes the public API
// (kubectl, advance, apply, snapshot, subscribe). See README.md "Engine API".
import type { KubeObject } from './api/meta';
import { ResourceCatalogue } from './api/resources';
import { APIServer } from './apiserver/apiserver';
import { isStatusError } from './apiserver/errors';
import { registerBuiltins } from './apiserver/registry';
import { InformerFactory } from './client/informer';
import { EventRecorder } from './client/recorder';
import type { ClusterConfig, Component, ComponentContext } from './component';
import { ImageCatalogue } from './kubelet/images';
import { defaultImages } from './kubelet/catalogue';
import { Kubelet, type NodeConfig } from './kubelet/kubelet';
import { Scheduler } from './scheduler/scheduler';
import { createControllers } from './controllers/manager';
import { BOOT_SETTLE_MS, bootstrapCluster, defaultNodes } from './bootstrap/bootstrap';
import { runKubectl, type KubectlOptions } from './kubectl/kubectl';
import { KubeConfig } from './kubectl/kubeconfig';
import { complete, type Completion } from './kubectl/completion';
import { runSimCommand } from './sim/commands';
import { SimClock, type Timer } from './sim/clock';
import { Rng } from './sim/rng';
import { Trace, type TraceEntry } from './sim/trace';
import { Store, type WatchEvent } from './store/store';
import { Heartbeats } from './sim/heartbeats';
import { ControlPlane, type ControlPlaneStatus } from './sim/controlplane';
import { KubeProxy } from './proxy/proxier';
import { ClusterNetwork } from './traffic/network';
import { TrafficManager, type RequestEvent, type TrafficStats } from './traffic/traffic';
import { IngressNginxController } from './ingress/controller';
import { NetworkPolicyEnforcer } from './networkpolicy/enforcer';
import { serviceEnvSource } from './kubelet/service_env';
import { podConnector } from './traffic/toolbox';
import type { Service } from './api/networking';

export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface ObjectChange {
  type: 'added' | 'modified' | 'deleted';
  /** `group/resource`, e.g. '/pods', 'apps/deployments'. */
  resource: string;
  object: KubeObject;
}

/** What subscribers receive after each public call that changed something. */
export interface ChangeBatch {
  time: number;
  changes: ObjectChange[];
  traces: TraceEntry[];
  /**
   * Simulated requests since the last batch (sim traffic, kubectl exec curl): at most
   * REQUEST_EVENTS_CAP per batch; trafficStats() has the full counters.
   */
  requests?: RequestEvent[];
}

export interface ClusterOptions {
  seed?: number;
  /** Worker nodes to create (default: three kind workers with 2 CPU / 4 Gi). */
  nodes?: number | Partial<NodeConfig>[];
  snapshot?: Snapshot;
  /** Start with only the nodes and namespaces (no add-on pods). */
  bare?: boolean;
}

export interface Snapshot {
  format: 'kube-playground-snapshot';
  version: 1;
  seed: number;
  config: ClusterConfig;
  nodes: NodeConfig[];
  rng: number[];
  clock: ReturnType<SimClock['save']>;
  store: ReturnType<Store['save']>;
  components: Record<string, unknown>;
  events: ReturnType<EventRecorder['save']>;
  heartbeats: ReturnType<Heartbeats['save']>;
  trace: ReturnType<Trace['save']>;
  images: ReturnType<ImageCatalogue['all']>;
  /** kubectl's kubeconfig (current context, its namespace); absent in older snapshots. */
  kubeconfig?: ReturnType<KubeConfig['save']>;
  /** Which control-plane components run (for readers; restored from components.controlplane). */
  controlPlane?: ControlPlaneStatus;
}

export const DEFAULT_CONFIG: ClusterConfig = {
  nodeMonitorGracePeriodMs: 50_000,
  defaultTolerationSeconds: 300,
  kubernetesVersion: 'v1.32.2',
  clusterName: 'kind',
  serviceCIDR: '10.96.0.0/16',
  podCIDR: '10.244.0.0/16',
  clusterDomain: 'cluster.local',
};

/** Fixed epoch: simulated time 0 is this instant, so timestamps are the same on every run. */
export const EPOCH = Date.UTC(2025, 2, 3, 9, 0, 0);

const MAX_SETTLE_ROUNDS = 100_000;

export class Cluster {
  readonly seed: number;
  readonly config: ClusterConfig;
  readonly clock: SimClock;
  readonly rng: Rng;
  readonly store: Store;
  readonly catalogue: ResourceCatalogue;
  readonly api: APIServer;
  readonly informers: InformerFactory;
  readonly trace: Trace;
  readonly events: EventRecorder;
  readonly images: ImageCatalogue;
  readonly heartbeats = new Heartbeats();
  /** kubectl's kubeconfig: `kubectl config set-context --current --namespace=X` changes it. */
  readonly kubeconfig = new KubeConfig();
  readonly ctx: ComponentContext;
  readonly scheduler: Scheduler;
  readonly controllers: Component[];
  readonly kubelets = new Map<string, Kubelet>();
  /** kube-proxy (every node's programmed Service rules), the dataplane and the load generators. */
  readonly proxy: KubeProxy;
  readonly network: ClusterNetwork;
  readonly traffic: TrafficManager;
  /** The simulated ingress-nginx controller and the NetworkPolicy enforcer (ingress/, networkpolicy/). */
  readonly ingress: IngressNginxController;
  readonly networkPolicy: NetworkPolicyEnforcer;
  /** `sim controlplane stop|start …`: which components run, and their timers while stopped. */
  readonly controlPlane: ControlPlane;
  private nodeConfigs: NodeConfig[] = [];
  private componentsByName = new Map<string, Component>();
  private pendingChanges = new Map<string, ObjectChange>();
  private pendingTraces: TraceEntry[] = [];
  private subscribers = new Set<(b: ChangeBatch) => void>();
  private started = false;

  constructor(opts: ClusterOptions = {}) {
    const snap = opts.snapshot;
    this.seed = snap?.seed ?? opts.seed ?? 1;
    this.config = { ...DEFAULT_CONFIG, ...(snap?.config ?? {}) };
    this.clock = new SimClock(EPOCH);
    this.rng = new Rng(this.seed);
    this.store = new Store();
    this.catalogue = new ResourceCatalogue();
    this.api = new APIServer(this.catalogue, this.store, this.clock, this.rng);
    this.trace = new Trace(() => this.clock.now());
    this.events = new EventRecorder(this.api, this.clock);
    this.images = new ImageCatalogue(snap?.images ?? defaultImages());
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
    registerBuiltins(this.api, this.config);
    this.controllers = createControllers(this.ctx);
    this.scheduler = new Scheduler(this.ctx);
    for (const c of this.controllers) this.componentsByName.set(c.name, c);
    this.componentsByName.set(this.scheduler.name, this.scheduler);
    this.proxy = new KubeProxy(this.ctx);
    this.network = new ClusterNetwork(this.ctx, this.proxy, this.kubelets);
    this.network.start();
    this.traffic = new TrafficManager(this.ctx, this.network, this.kubelets);
    this.componentsByName.set(this.proxy.name, this.proxy);
    this.componentsByName.set(this.traffic.name, this.traffic);
    // On the request path too: the simulated ingress-nginx controller (listens on the
    // control-plane node's :80/:443) and the NetworkPolicy enforcer kindnet bundles.
    this.ingress = new IngressNginxController(this.ctx, this.network);
    this.networkPolicy = new NetworkPolicyEnforcer(this.ctx);
    this.network.filters.push(this.networkPolicy.filter);
    this.componentsByName.set(this.ingress.name, this.ingress);
    this.componentsByName.set(this.networkPolicy.name, this.networkPolicy);
    this.controlPlane = new ControlPlane(this, this.componentsByName);
    this.componentsByName.set(this.controlPlane.name, this.controlPlane);

    this.store.watchAll((e) => this.collect(e));
    this.trace.onRecord((t) => this.pendingTraces.push(t));

    if (snap) {
      this.restore(snap);
    } else {
      const nodes = defaultNodes(opts.nodes);
      for (const c of this.controllers) this.startComponent(c);
      this.startComponent(this.scheduler);
      this.startComponent(this.proxy);
      this.startComponent(this.ingress);
      this.informers.startAll();
      this.started = true;
      bootstrapCluster(this, nodes, { bare: !!opts.bare });
      this.settle();
      // Like a fresh kind cluster a minute or so after `kind create cluster`: nodes Ready,
      // control-plane and add-on pods Running.
      this.advance(BOOT_SETTLE_MS);
    }
  }

  // ------------------------------------------------------------------ public API

  now(): number {
    return this.clock.now();
  }

  /** Run a kubectl command line (with or without the leading `kubectl`). */
  kubectl(commandLine: string, opts: KubectlOptions = {}): CommandResult {
    const res = runKubectl(this, commandLine, opts);
    this.settle();
    this.flush();
    return res;
  }

  /** Tab completion of a terminal line (`kubectl …` or `sim …`) at the cursor. */
  complete(line: string, cursor?: number): Completion {
    return complete(this, line, cursor);
  }

  /** Run a `sim …` verb (node fail/recover/add, pod crash). */
  sim(commandLine: string): CommandResult {
    const res = runSimCommand(this, commandLine);
    this.settle();
    this.flush();
    return res;
  }

  /** Run any command line the terminal accepts: `kubectl …` or `sim …`. */
  run(commandLine: string, opts: KubectlOptions = {}): CommandResult {
    const t = commandLine.trim();
    if (/^sim(\s|$)/.test(t)) return this.sim(t);
    return this.kubectl(t, opts);
  }

  apply(yamlText: string): CommandResult {
    return this.kubectl('apply -f -', { stdin: yamlText });
  }

  /** Advance simulated time, running every timer that falls due, in order. */
  advance(ms: number): void {
    const target = this.clock.now() + Math.max(0, ms);
    // Work queued by the caller (a kubectl command mid-way, e.g. drain's evictions) is done
    // before time moves on, even when no timer falls due in this step.
    this.settle();
    for (;;) {
      const t = this.clock.popDue(target);
      if (!t) break;
      const c = this.componentsByName.get(t.owner);
      if (c && c.running === false) this.controlPlane.defer(t);
      else if (c) this.deliverTimer(c, t);
      this.settle();
    }
    this.clock.setNow(target);
    this.flush();
  }

  /** Simulated time of the next pending timer (the UI's "step to next event"). */
  nextEventTime(): number | undefined {
    return this.clock.peek();
  }

  subscribe(listener: (b: ChangeBatch) => void): () => void {
    this.subscribers.add(listener);
    return () => this.subscribers.delete(listener);
  }

  snapshot(): Snapshot {
    const components: Record<string, unknown> = {};
    for (const [name, c] of this.componentsByName) if (c.save) components[name] = c.save();
    return JSON.parse(
      JSON.stringify({
        format: 'kube-playground-snapshot',
        version: 1,
        seed: this.seed,
        config: this.config,
        nodes: this.nodeConfigs,
        rng: this.rng.state(),
        clock: this.clock.save(),
        store: this.store.save(),
        components,
        events: this.events.save(),
        heartbeats: this.heartbeats.save(),
        trace: this.trace.save(),
        images: this.images.all(),
        kubeconfig: this.kubeconfig.save(),
        controlPlane: this.controlPlane.status(),
      }),
    ) as Snapshot;
  }

  /** Every stored object of a resource (e.g. '/pods', 'apps/deployments'), for readers. */
  objects(resource: string, namespace?: string): KubeObject[] {
    return this.store.list(resource, namespace);
  }

  /** The scheduler's most recent decision for a pod (every node × every plugin), if any. */
  schedulerDecision(namespace: string, name: string): unknown {
    return this.scheduler.lastDecision(namespace, name);
  }

  recentTraces(n?: number): TraceEntry[] {
    return this.trace.recent(n);
  }

  /** Request counters per load generator target, Service and pod (see traffic/traffic.ts). */
  trafficStats(): TrafficStats {
    return this.traffic.stats();
  }

  // ------------------------------------------------------------------ nodes

  /** Create a node: its kubelet registers the Node object (sim node add). */
  addNode(cfg: NodeConfig): Kubelet {
    const k = new Kubelet(this.ctx, cfg);
    this.wireServiceEnv(k);
    this.kubelets.set(cfg.name, k);
    this.componentsByName.set(k.name, k);
    this.nodeConfigs.push(cfg);
    this.startComponent(k);
    this.settle();
    return k;
  }

  /**
   * The kubelet's Service environment variables (envvars.ts hook): the Services of the pod's
   * namespace that existed when the container started (kubelet/service_env.ts).
   */
  private wireServiceEnv(k: Kubelet): void {
    const services = this.informers.for<Service>({ group: '', resource: 'services' });
    const startedAt = (pod: { metadata: { namespace?: string; name?: string } }): number => {
      const rec = k.records[`${pod.metadata.namespace}/${pod.metadata.name}`];
      const starts = Object.values(rec?.containers ?? {}).map((c) => c.current).filter((i) => i && i.finishedAt === undefined).map((i) => i!.startedAt);
      return starts.length ? Math.min(...starts) : this.clock.now();
    };
    k.serviceEnv = serviceEnvSource(() => services.list(), startedAt, (ts) => this.clock.parse(ts));
    // Connections a container's own processes open (ncat in the MySQL tutorial's init container).
    k.podConnect = (pod) => podConnector(this.network, pod, () => this.clock.now());
  }

  /** Which control-plane components run ('running' | 'stopped' each), for the UI. */
  controlPlaneStatus(): ControlPlaneStatus {
    return this.controlPlane.status();
  }

  nodeNames(): string[] {
    return [...this.kubelets.keys()];
  }

  // ------------------------------------------------------------------ loop

  /** Start a component, noting which informer handlers are its own (a restart replays them). */
  private startComponent(c: Component): void {
    this.informers.withOwner(c.name, () => c.start());
  }

  /**
   * Hand a due timer to its component. A handler that writes to an API server that is down
   * (sim controlplane stop apiserver) fails like any request; the component catches up when
   * the API server is back and every component resyncs.
   */
  private deliverTimer(c: Component, t: Timer): void {
    try {
      c.onTimer?.(t);
    } catch (e) {
      if (!isStatusError(e)) throw e;
      this.trace.record({ component: c.name, action: 'error', message: `timer ${t.kind} failed: ${e.message}` });
    }
  }

  /** Let every component process its queued work until the cluster is quiet. */
  settle(): void {
    if (!this.started) return;
    for (let round = 0; round < MAX_SETTLE_ROUNDS; round++) {
      // Timers that fell due while their component was stopped, once it runs again.
      let worked = this.controlPlane.deliverDeferred();
      for (const c of this.componentsByName.values()) {
        if (c.running !== false && c.hasWork()) {
          c.runOnce();
          worked = true;
        }
      }
      if (!worked) return;
    }
    this.trace.record({ component: 'simulator', action: 'error', message: 'the control loops did not settle; giving up for this step' });
  }

  private collect(e: WatchEvent): void {
    const key = `${e.gr}|${e.object.metadata.namespace ?? ''}|${e.object.metadata.name}`;
    const prev = this.pendingChanges.get(key);
    const type = e.type === 'ADDED' ? 'added' : e.type === 'MODIFIED' ? 'modified' : 'deleted';
    if (prev?.type === 'added' && type === 'deleted') {
      this.pendingChanges.delete(key);
      return;
    }
    this.pendingChanges.set(key, { type: prev?.type === 'added' && type === 'modified' ? 'added' : type, resource: e.gr, object: e.object });
  }

  private flush(): void {
    const requests = this.traffic.drainEvents();
    if (this.pendingChanges.size === 0 && this.pendingTraces.length === 0 && !requests.length) return;
    const batch: ChangeBatch = { time: this.clock.now(), changes: [...this.pendingChanges.values()], traces: this.pendingTraces };
    if (requests.length) batch.requests = requests;
    this.pendingChanges = new Map();
    this.pendingTraces = [];
    for (const s of this.subscribers) s(batch);
  }

  private restore(s: Snapshot): void {
    if (s.format !== 'kube-playground-snapshot' || s.version !== 1) throw new Error('not a kube-playground snapshot (version 1)');
    this.store.load(s.store);
    this.rng.restore(s.rng);
    // Load the clock first so anything components compute while starting sees the right time;
    // it is loaded again at the end to drop timers that starting them may have scheduled.
    this.clock.load(s.clock);
    this.heartbeats.load(s.heartbeats);
    for (const cfg of s.nodes) {
      const k = new Kubelet(this.ctx, cfg);
      this.wireServiceEnv(k);
      this.kubelets.set(cfg.name, k);
      this.componentsByName.set(k.name, k);
      this.nodeConfigs.push(cfg);
    }
    for (const c of this.componentsByName.values()) this.startComponent(c);
    this.informers.startAll();
    // The snapshot was taken with every queue empty: drop what the informers' initial adds queued,
    // then put back each component's own state and the pending timers.
    for (const c of this.componentsByName.values()) c.discardQueuedWork?.();
    for (const [name, st] of Object.entries(s.components)) this.componentsByName.get(name)?.load?.(st);
    this.clock.load(s.clock);
    this.rng.restore(s.rng);
    this.events.load(s.events);
    this.heartbeats.load(s.heartbeats);
    this.trace.load(s.trace);
    this.kubeconfig.load(s.kubeconfig);
    this.pendingChanges.clear();
    this.pendingTraces = [];
    this.started = true;
  }
}
