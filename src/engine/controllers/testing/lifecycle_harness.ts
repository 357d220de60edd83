// Test harness for controller tests: a store, an API server with simple strategies, shared
// informers, the simulated clock, heartbeats and a settle/advance loop shaped like cluster.ts, but
// with only the components a test names (no kubelet, no scheduler). "Kubelets" are played by the
// test through heartbeats and node status writes.
import type { Event, Node, Pod, Toleration } from '../../api/core';
import type { KubeObject, OwnerReference } from '../../api/meta';
import { ResourceCatalogue } from '../../api/resources';
import { APIServer } from '../../apiserver/apiserver';
import { InformerFactory } from '../../client/informer';
import { EventRecorder } from '../../client/recorder';
import type { ClusterConfig, Component, ComponentContext } from '../../component';
import { ImageCatalogue } from '../../kubelet/images';
import { SimClock } from '../../sim/clock';
import { Heartbeats } from '../../sim/heartbeats';
import { Rng } from '../../sim/rng';
import { Trace } from '../../sim/trace';
import { Store } from '../../store/store';

export const TEST_CONFIG: ClusterConfig = {
  nodeMonitorGracePeriodMs: 50_000,
  defaultTolerationSeconds: 300,
  kubernetesVersion: 'v1.32.2',
  clusterName: 'kind',
  serviceCIDR: '10.96.0.0/16',
  podCIDR: '10.244.0.0/16',
  clusterDomain: 'cluster.local',
};

export const TEST_EPOCH = Date.UTC(2025, 2, 3, 9, 0, 0);

export const PODS = { group: '', resource: 'pods' };
export const NODES = { group: '', resource: 'nodes' };
export const EVENTS = { group: '', resource: 'events' };
export const DEPLOYMENTS = { group: 'apps', resource: 'deployments' };
export const REPLICASETS = { group: 'apps', resource: 'replicasets' };

/** The tolerations the DefaultTolerationSeconds admission plugin adds to every pod (300 s). */
export const DEFAULT_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

/** What the DaemonSet controller gives its pods: tolerate not-ready/unreachable forever. */
export const DAEMON_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
];

export class Harness {
  readonly clock = new SimClock(TEST_EPOCH);
  readonly rng = new Rng(7);
  readonly store = new Store();
  readonly catalogue = new ResourceCatalogue();
  readonly api: APIServer;
  readonly informers: InformerFactory;
  readonly trace: Trace;
  readonly events: EventRecorder;
  readonly heartbeats = new Heartbeats();
  readonly ctx: ComponentContext;
  readonly components: Component[];

  constructor(make: (ctx: ComponentContext) => Component[]) {
    this.api = new APIServer(this.catalogue, this.store, this.clock, this.rng);
    this.api.register('', 'pods', { hasStatus: true, gracePeriod: (o, req) => req ?? ((o.spec as { terminationGracePeriodSeconds?: number })?.terminationGracePeriodSeconds ?? 30) });
    this.api.register('', 'nodes', { hasStatus: true });
    this.api.register('', 'namespaces', {});
    this.api.register('', 'events', {});
    this.api.register('', 'replicationcontrollers', { hasStatus: true, tracksGeneration: true });
    this.api.register('apps', 'deployments', { hasStatus: true, tracksGeneration: true });
    this.api.register('apps', 'replicasets', { hasStatus: true, tracksGeneration: true });
    this.informers = new InformerFactory(this.api);
    this.trace = new Trace(() => this.clock.now());
    this.events = new EventRecorder(this.api, this.clock);
    this.ctx = {
      api: this.api,
      informers: this.informers,
      clock: this.clock,
      rng: this.rng,
      trace: this.trace,
      events: this.events,
      images: new ImageCatalogue(),
      heartbeats: this.heartbeats,
      config: TEST_CONFIG,
    };
    this.components = make(this.ctx);
    for (const c of this.components) c.start();
    this.informers.startAll();
    this.settle();
  }

  now(): number {
    return this.clock.now();
  }

  settle(): void {
    for (let round = 0; round < 10_000; round++) {
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

  advanceTo(target: number): void {
    for (;;) {
      const t = this.clock.popDue(target);
      if (!t) break;
      this.components.find((c) => c.name === t.owner)?.onTimer?.(t);
      this.settle();
    }
    this.clock.setNow(target);
  }

  /** A registered node whose kubelet renews its Lease from now on, reporting Ready=True. */
  addNode(name: string, opts: { unschedulable?: boolean } = {}): Node {
    const iso = this.clock.iso();
    const cond = (type: string, status: 'True' | 'False', reason: string, message: string) => ({ type, status, reason, message, lastHeartbeatTime: iso, lastTransitionTime: iso });
    const node = this.api.create(NODES, '', {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name, labels: { 'kubernetes.io/hostname': name } },
      spec: opts.unschedulable ? { unschedulable: true } : {},
      status: {
        conditions: [
          cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
          cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
          cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
          cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
        ],
      },
    } as Node, { user: `kubelet/${name}` }) as Node;
    this.heartbeats.started(name, this.clock.now());
    this.settle();
    return node;
  }

  /** sim node fail: the kubelet stops renewing (its last renewal is the last 10 s tick). */
  stopKubelet(name: string): void {
    this.heartbeats.stopped(name, this.clock.now());
    this.settle();
  }

  /** sim node recover: the kubelet renews again and re-posts Ready=True. */
  restartKubelet(name: string): void {
    this.heartbeats.started(name, this.clock.now());
    const node = this.node(name)!;
    const iso = this.clock.iso();
    const ok: Record<string, [string, string, string]> = {
      MemoryPressure: ['False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
      DiskPressure: ['False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
      PIDPressure: ['False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
      Ready: ['True', 'KubeletReady', 'kubelet is posting ready status'],
    };
    const conditions = (node.status?.conditions ?? []).map((c) => {
      const [status, reason, message] = ok[c.type] ?? [c.status, c.reason, c.message];
      return { ...c, status: status as 'True', reason, message, lastHeartbeatTime: iso, lastTransitionTime: c.status === status ? c.lastTransitionTime : iso };
    });
    this.api.update(NODES, '', { ...node, status: { ...node.status, conditions } } as Node, { user: `kubelet/${name}`, subresource: 'status' });
    this.settle();
  }

  createPod(name: string, opts: { node?: string; tolerations?: Toleration[]; owner?: OwnerReference; namespace?: string } = {}): Pod {
    const iso = this.clock.iso();
    const pod = this.api.create(PODS, opts.namespace ?? 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, labels: { app: 'web' }, ...(opts.owner ? { ownerReferences: [opts.owner] } : {}) },
      spec: { containers: [{ name: 'web', image: 'nginx:1.27' }], ...(opts.node ? { nodeName: opts.node } : {}), ...(opts.tolerations ? { tolerations: opts.tolerations } : {}) },
    } as Pod, { user: 'replicaset-controller' }) as Pod;
    if (!opts.node) {
      this.settle();
      return pod;
    }
    const running = this.api.update(PODS, pod.metadata.namespace!, {
      ...pod,
      status: {
        phase: 'Running',
        conditions: [
          { type: 'Initialized', status: 'True', lastTransitionTime: iso },
          { type: 'Ready', status: 'True', lastTransitionTime: iso },
          { type: 'ContainersReady', status: 'True', lastTransitionTime: iso },
          { type: 'PodScheduled', status: 'True', lastTransitionTime: iso },
        ],
      },
    } as Pod, { user: `kubelet/${opts.node}`, subresource: 'status' }) as Pod;
    this.settle();
    return running;
  }

  /** What a kubelet does when a terminating pod's containers have stopped: remove the object. */
  finishTermination(namespace: string, name: string): void {
    this.api.delete(PODS, namespace, name, { gracePeriodSeconds: 0, user: 'kubelet' });
    this.settle();
  }

  node(name: string): Node | undefined {
    return this.api.tryGet(NODES, '', name) as Node | undefined;
  }

  pod(name: string, namespace = 'default'): Pod | undefined {
    return this.api.tryGet(PODS, namespace, name) as Pod | undefined;
  }

  get(gvr: { group: string; resource: string }, namespace: string, name: string): KubeObject | undefined {
    return this.api.tryGet(gvr, namespace, name);
  }

  eventList(reason?: string): Event[] {
    const all = this.api.list(EVENTS, undefined).items as Event[];
    return reason ? all.filter((e) => e.reason === reason) : all;
  }

  /** Timers owned by the named components that are still pending. */
  pendingTimers(owners: string[]): number {
    return this.clock.save().timers.filter((t) => owners.includes(t.owner)).length;
  }
}
