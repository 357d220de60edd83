// The control plane as something you can break: `sim controlplane stop|start apiserver|etcd|
// scheduler|controller-manager`, `sim controlplane status` and `sim node kubelet stop|start NODE`.
// On kind every control-plane component is a static pod on kind-control-plane; a lecturer stops
// one by moving its manifest out of /etc/kubernetes/manifests (stopping the container alone would
// not do: the kubelet restarts it). That is what is modelled here:
//
// - the component's process stops (Component.running = false: no work, its timers wait);
// - the control-plane kubelet stops its static pod and deletes the mirror pod (if the API server
//   lets it), so `kubectl get pods -n kube-system` no longer lists it;
// - on start the manifest is moved back: a new mirror pod appears, Running after its start-up,
//   and the component, like any restarted process, lists everything again (its informers'
//   initial list) and so re-enqueues every key it cares about.
//
// The API server and etcd are different: every client depends on them. While either is down,
// every request fails (kubectl's reads and writes, controllers', kubelets'); informers see no
// changes because nothing can change. Running containers keep running and simulated traffic is
// still served by kube-proxy's rules. When both are back, every component resyncs.
import type { Cluster } from '../cluster';
import { ConnectionRefusedError, StatusError } from '../apiserver/errors';
import type { Component } from '../component';
import type { Timer } from './clock';

/** Where kubectl finds the API server (as `kubectl cluster-info` prints it). */
export const API_SERVER_HOST = '127.0.0.1:6443';

export type ComponentState = 'running' | 'stopped';

/** What the UI shows in the control-plane box (cluster.controlPlaneStatus(), snapshots). */
export interface ControlPlaneStatus {
  apiserver: ComponentState;
  etcd: ComponentState;
  scheduler: ComponentState;
  controllerManager: ComponentState;
  /** kind has no cloud-controller-manager; the simulated cloud's service controller plays it. */
  cloudControllerManager: ComponentState;
}

export type ControlPlaneComponent = keyof ControlPlaneStatus;

interface ComponentInfo {
  /** Upstream binary name: the trace's object name and the static pod's name. */
  binary: string;
  /** Static pod manifest on the control-plane node, if kind runs it as one. */
  staticPod?: string;
  stopped: string;
  started: string;
}

const INFO: Record<ControlPlaneComponent, ComponentInfo> = {
  apiserver: {
    binary: 'kube-apiserver',
    staticPod: 'kube-apiserver',
    stopped: 'kube-apiserver stopped: kubectl gets "connection refused"; controllers, the scheduler and kubelets can read and write nothing (running containers keep running)',
    started: 'kube-apiserver started: every component lists again and catches up',
  },
  etcd: {
    binary: 'etcd',
    staticPod: 'etcd',
    stopped: 'etcd stopped: the API server answers, but every read and write times out ("etcdserver: request timed out"); nothing can change',
    started: 'etcd started: the API server can read and write again; every component catches up',
  },
  scheduler: {
    binary: 'kube-scheduler',
    staticPod: 'kube-scheduler',
    stopped: 'kube-scheduler stopped: new pods will stay Pending (no FailedScheduling events: nobody tries)',
    started: 'kube-scheduler started: it lists every pending pod again and schedules them',
  },
  controllerManager: {
    binary: 'kube-controller-manager',
    staticPod: 'kube-controller-manager',
    stopped:
      'kube-controller-manager stopped: deleted pods are not replaced, scaling does nothing, failed nodes are not marked NotReady, garbage is not collected',
    started: 'kube-controller-manager started: every controller lists again and catches up',
  },
  cloudControllerManager: {
    binary: 'cloud-controller-manager',
    stopped: 'cloud-controller-manager stopped: LoadBalancer Services get no external IP',
    started: 'cloud-controller-manager started: pending LoadBalancer Services get their IP',
  },
};

const ORDER: ControlPlaneComponent[] = ['apiserver', 'etcd', 'scheduler', 'controllerManager', 'cloudControllerManager'];

const ALIASES: Record<string, ControlPlaneComponent> = {
  apiserver: 'apiserver',
  'kube-apiserver': 'apiserver',
  etcd: 'etcd',
  scheduler: 'scheduler',
  'kube-scheduler': 'scheduler',
  'controller-manager': 'controllerManager',
  'kube-controller-manager': 'controllerManager',
  'cloud-controller-manager': 'cloudControllerManager',
};

/**
 * Components built with the controller manager's list that are not kube-controller-manager:
 * the simulated cloud's service controller, kind's local-path provisioner (a pod in
 * local-path-storage) and metrics-server (an add-on).
 */
const NOT_KCM = new Set(['cloud-controller-manager', 'local-path-provisioner', 'metrics-server']);

/** The control-plane kubelet (kind-control-plane) runs the static pods. */
const CONTROL_PLANE_NODE = 'kind-control-plane';

interface SavedControlPlane {
  stopped: ControlPlaneComponent[];
  /** Timers that fell due while their component was stopped, in firing order. */
  deferred: Timer[];
}

/**
 * `etcdserver: request timed out`, what the API server relays when its etcd does not answer
 * (etcd's ErrTimeout, code 500 with no reason: kubectl prints `Error from server: …`). A request
 * to an API server whose single etcd member is stopped waits for the request timeout and ends in
 * an error like this one; it is the text operators report (e.g. kubernetes/kubeadm#3095).
 */
export function newEtcdTimeout(): StatusError {
  return new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: '', code: 500, message: 'etcdserver: request timed out' });
}

export class ControlPlane implements Component {
  readonly name = 'controlplane';
  private stopped = new Set<ControlPlaneComponent>();
  private deferred: Timer[] = [];

  constructor(
    private readonly cluster: Cluster,
    /** Every component of the cluster by name (the cluster's own map: kubelets come and go). */
    private readonly components: ReadonlyMap<string, Component>,
  ) {}

  // ------------------------------------------------------------------ Component

  start(): void {}

  hasWork(): boolean {
    return false;
  }

  runOnce(): void {}

  save(): SavedControlPlane {
    return { stopped: ORDER.filter((c) => this.stopped.has(c)), deferred: this.deferred.map((t) => ({ ...t })) };
  }

  load(state: unknown): void {
    const s = state as SavedControlPlane;
    this.stopped = new Set(s.stopped);
    this.deferred = s.deferred.map((t) => ({ ...t }));
    // The components' own state came back with their snapshots; only the switches are set here.
    for (const c of this.stopped) for (const comp of this.processes(c)) comp.running = false;
    this.applyOutage();
  }

  // ------------------------------------------------------------------ state

  status(): ControlPlaneStatus {
    const s = (c: ControlPlaneComponent): ComponentState => (this.stopped.has(c) ? 'stopped' : 'running');
    return { apiserver: s('apiserver'), etcd: s('etcd'), scheduler: s('scheduler'), controllerManager: s('controllerManager'), cloudControllerManager: s('cloudControllerManager') };
  }

  // ------------------------------------------------------------------ timers of stopped components

  /**
   * A timer fell due while its component is stopped. It is kept, not dropped, and handed over
   * when the component runs again: components remember their pending timers (a node's grace
   * period, a toleration's eviction time, a back-off) and would wait forever for one that was
   * dropped. Handed over late, each does what it would have done, at start-up time.
   */
  defer(t: Timer): void {
    this.deferred.push(t);
  }

  /** Hand deferred timers to the components that run again (the cluster calls this when settling). */
  deliverDeferred(): boolean {
    if (this.deferred.length === 0) return false;
    const due: Timer[] = [];
    const still: Timer[] = [];
    for (const t of this.deferred) {
      const c = this.components.get(t.owner);
      if (!c) continue; // the component is gone (a deleted node's kubelet)
      (c.running === false ? still : due).push(t);
    }
    if (due.length === 0 && still.length === this.deferred.length) return false;
    this.deferred = still;
    for (const t of due) this.components.get(t.owner)?.onTimer?.(t);
    return due.length > 0;
  }

  // ------------------------------------------------------------------ stop / start

  stopComponent(c: ControlPlaneComponent): string {
    const info = INFO[c];
    if (this.stopped.has(c)) return `${info.binary} is already stopped`;
    this.stopped.add(c);
    for (const comp of this.processes(c)) comp.running = false;
    // The API server or etcd first: the kubelet then cannot delete their mirror pods.
    this.applyOutage();
    if (info.staticPod) this.controlPlaneKubelet()?.setStaticPodEnabled(info.staticPod, false);
    this.trace('stop', info.binary, info.stopped);
    return info.stopped;
  }

  startComponent(c: ControlPlaneComponent): string {
    const info = INFO[c];
    if (!this.stopped.has(c)) return `${info.binary} is already running`;
    this.stopped.delete(c);
    const wasAvailable = this.cluster.api.available;
    this.applyOutage();
    const procs = this.processes(c);
    for (const comp of procs) {
      comp.running = true;
      // A new process: the scheduler's queue starts empty and is rebuilt from its informers'
      // list below (pending pods' back-off counts start again from zero, as on a restart).
      if (c === 'scheduler') comp.discardQueuedWork?.();
    }
    if (info.staticPod) this.controlPlaneKubelet()?.setStaticPodEnabled(info.staticPod, true);
    if (!wasAvailable && this.cluster.api.available) {
      this.apiRecovered();
    } else if (this.cluster.api.available) {
      // Its informers' initial list: every key it cares about is enqueued again. Controllers are
      // level-triggered, so this is exactly "catch up with everything that happened meanwhile".
      for (const comp of procs) this.cluster.informers.replay(comp.name);
    }
    this.trace('start', info.binary, info.started);
    return info.started;
  }

  /**
   * The API server and etcd both answer again. Kubelets renew their Leases at once (so the node
   * lifecycle controller, cut off just as long, sees fresh heartbeats and marks no node NotReady
   * for the outage), every component relists (its informers' handlers see every object again)
   * and kubelets post the pod statuses they could not post, and create missing mirror pods.
   */
  private apiRecovered(): void {
    const { cluster } = this;
    const now = cluster.clock.now();
    for (const k of cluster.kubelets.values()) {
      if (k.running) cluster.heartbeats.started(k.nodeName, now);
    }
    for (const k of cluster.kubelets.values()) {
      for (const name of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) {
        const key = `kube-system/${name}-${k.nodeName}`;
        if (k.isStaticKey(key)) k.ensureMirror(key);
      }
    }
    for (const [name, comp] of this.components) if (comp.running !== false) cluster.informers.replay(name);
  }

  /** Make the API server answer (or not) as the API server and etcd states say. */
  private applyOutage(): void {
    const api = this.cluster.api;
    if (this.stopped.has('apiserver')) {
      api.available = false;
      api.unavailableError = () => new ConnectionRefusedError(API_SERVER_HOST);
    } else if (this.stopped.has('etcd')) {
      api.available = false;
      api.unavailableError = newEtcdTimeout;
    } else {
      api.available = true;
    }
  }

  /** The simulated processes behind a control-plane component. */
  private processes(c: ControlPlaneComponent): Component[] {
    const { cluster } = this;
    switch (c) {
      case 'scheduler':
        return [cluster.scheduler];
      case 'controllerManager':
        return cluster.controllers.filter((x) => !NOT_KCM.has(x.name));
      case 'cloudControllerManager':
        return cluster.controllers.filter((x) => x.name === 'cloud-controller-manager');
      default:
        return []; // the API server and etcd are not components: their outage is the API's
    }
  }

  private controlPlaneKubelet() {
    return this.cluster.kubelets.get(CONTROL_PLANE_NODE);
  }

  private trace(action: 'stop' | 'start', binary: string, message: string): void {
    this.cluster.trace.record({ component: 'controlplane', action, object: { kind: 'Component', name: binary }, message });
  }
}

// ------------------------------------------------------------------ sim verbs

class ControlPlaneUsageError extends Error {}

const USAGE = 'usage: sim controlplane stop|start apiserver|etcd|scheduler|controller-manager, or sim controlplane status';

/** `sim controlplane …`: returns the line to print; throws an Error with the usage text. */
export function controlPlaneCommand(cluster: Cluster, args: string[]): string {
  const [verb, what, ...extra] = args;
  if (verb === 'status') {
    if (what !== undefined) throw new ControlPlaneUsageError('usage: sim controlplane status');
    return statusTable(cluster);
  }
  if (verb !== 'stop' && verb !== 'start') throw new ControlPlaneUsageError(verb ? `unknown controlplane command "${verb}"; expected stop, start or status` : USAGE);
  if (!what || extra.length) throw new ControlPlaneUsageError(USAGE);
  const c = ALIASES[what];
  if (!c) throw new ControlPlaneUsageError(`unknown control-plane component "${what}"; expected apiserver, etcd, scheduler, controller-manager or cloud-controller-manager`);
  return verb === 'stop' ? cluster.controlPlane.stopComponent(c) : cluster.controlPlane.startComponent(c);
}

function statusTable(cluster: Cluster): string {
  const s = cluster.controlPlane.status();
  const rows: [string, string][] = ORDER.map((c) => [INFO[c].binary, s[c] === 'running' ? 'Running' : 'Stopped']);
  for (const k of [...cluster.kubelets.values()].sort((a, b) => (a.nodeName < b.nodeName ? -1 : 1))) rows.push([`kubelet (${k.nodeName})`, k.running ? 'Running' : 'Stopped']);
  const w = Math.max(...rows.map((r) => r[0].length), 'COMPONENT'.length) + 3;
  return [`${'COMPONENT'.padEnd(w)}STATUS`, ...rows.map(([n, st]) => `${n.padEnd(w)}${st}`)].join('\n');
}

/**
 * `sim node kubelet stop|start NODE`: `systemctl stop kubelet` on the node. The same as
 * `sim node fail`/`recover` (which model a kubelet that stops reporting while its containers run
 * on): no heartbeats, NotReady after the 50 s grace period; started again, it reports Ready and
 * resyncs its pods.
 */
export function nodeKubeletCommand(cluster: Cluster, args: string[]): string {
  const [verb, node, ...extra] = args;
  if ((verb !== 'stop' && verb !== 'start') || !node || extra.length) throw new ControlPlaneUsageError('usage: sim node kubelet stop|start NODE');
  const k = cluster.kubelets.get(node);
  if (!k) throw new ControlPlaneUsageError(`node "${node}" not found (nodes: ${cluster.nodeNames().join(', ') || 'none'})`);
  if (verb === 'stop') {
    if (!k.running) return `kubelet on ${node} is already stopped`;
    k.fail();
    return `kubelet on ${node} stopped: no more heartbeats or status updates; its containers keep running`;
  }
  if (k.running) return `kubelet on ${node} is already running`;
  k.recover();
  return `kubelet on ${node} started: it reports the node Ready and resyncs its pods`;
}
