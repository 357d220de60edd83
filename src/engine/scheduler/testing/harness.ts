// A headless harness for scheduler tests: store, API server, informers, clock and RNG wired into a
// ComponentContext, without the rest of the cluster (kubelets and controllers are not needed).
import type { Container, Node, Pod, Taint } from '../../api/core';
import type { KubeObject, OwnerReference } from '../../api/meta';
import { ResourceCatalogue } from '../../api/resources';
import { APIServer } from '../../apiserver/apiserver';
import { InformerFactory } from '../../client/informer';
import { EventRecorder } from '../../client/recorder';
import type { ComponentContext } from '../../component';
import { ImageCatalogue } from '../../kubelet/images';
import { SimClock } from '../../sim/clock';
import { Heartbeats } from '../../sim/heartbeats';
import { Rng } from '../../sim/rng';
import { Trace } from '../../sim/trace';
import { Store } from '../../store/store';
import { Scheduler } from '../scheduler';

export const GI = 1024 ** 3;

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
  addNode(n: NodeSpecLite): Node;
  addPod(p: PodSpecLite): Pod;
  pod(name: string, ns?: string): Pod;
  events(reason?: string): KubeObject[];
}

export interface NodeSpecLite {
  name: string;
  cpu?: string;
  memory?: string;
  pods?: number;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
}

export interface PodSpecLite {
  name: string;
  namespace?: string;
  cpu?: string;
  memory?: string;
  labels?: Record<string, string>;
  spec?: Partial<Pod['spec']>;
  containers?: Container[];
  ownerReferences?: OwnerReference[];
}

export function nodeObject(n: NodeSpecLite): Node {
  const cap = { cpu: n.cpu ?? '4', memory: n.memory ?? '8Gi', pods: String(n.pods ?? 110) };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: n.name, labels: { 'kubernetes.io/hostname': n.name, ...(n.labels ?? {}) } },
    spec: { taints: n.taints, unschedulable: n.unschedulable },
    status: { capacity: cap, allocatable: cap },
  };
}

export function podObject(p: PodSpecLite): Pod {
  const requests: Record<string, string> = {};
  if (p.cpu) requests.cpu = p.cpu;
  if (p.memory) requests.memory = p.memory;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: p.name, namespace: p.namespace ?? 'default', labels: p.labels, ownerReferences: p.ownerReferences },
    spec: {
      containers: p.containers ?? [{ name: 'c', image: 'nginx', resources: Object.keys(requests).length ? { requests } : undefined }],
      ...(p.spec ?? {}),
    },
  };
}

export function createHarness(seed = 1): Harness {
  const clock = new SimClock(Date.UTC(2025, 2, 3, 9, 0, 0));
  const rng = new Rng(seed);
  const store = new Store();
  const api = new APIServer(new ResourceCatalogue(), store, clock, rng);
  for (const r of ['pods', 'nodes', 'events', 'replicationcontrollers']) api.register('', r, {});
  api.register('apps', 'replicasets', {});
  const trace = new Trace(() => clock.now());
  const events = new EventRecorder(api, clock);
  const informers = new InformerFactory(api);
  const ctx: ComponentContext = {
    api, informers, clock, rng, trace, events,
    images: new ImageCatalogue([]),
    heartbeats: new Heartbeats(),
    config: {
      nodeMonitorGracePeriodMs: 50_000, defaultTolerationSeconds: 300, kubernetesVersion: 'v1.32.2', clusterName: 'kind',
      serviceCIDR: '10.96.0.0/16', podCIDR: '10.244.0.0/16', clusterDomain: 'cluster.local',
    },
  };
  const scheduler = new Scheduler(ctx);
  scheduler.start();
  informers.startAll();
  const settle = () => {
    for (let i = 0; i < 10_000 && scheduler.hasWork(); i++) scheduler.runOnce();
  };
  const h: Harness = {
    ctx, api, store, clock, trace, scheduler, settle,
    advance(ms: number) {
      const target = clock.now() + ms;
      for (;;) {
        const t = clock.popDue(target);
        if (!t) break;
        if (t.owner === scheduler.name) scheduler.onTimer(t);
        settle();
      }
      clock.setNow(target);
      settle();
    },
    addNode: (n) => api.create({ group: '', resource: 'nodes' }, '', nodeObject(n)) as Node,
    addPod: (p) => api.create({ group: '', resource: 'pods' }, p.namespace ?? 'default', podObject(p)) as Pod,
    pod: (name, ns = 'default') => api.get({ group: '', resource: 'pods' }, ns, name) as Pod,
    events: (reason) => store.list('/events').filter((e) => !reason || (e as unknown as { reason: string }).reason === reason),
  };
  return h;
}
