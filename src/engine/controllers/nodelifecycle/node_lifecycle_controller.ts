// Node lifecycle controller: mirrors pkg/controller/nodelifecycle/node_lifecycle_controller.go
// (monitorNodeHealth, tryUpdateNodeHealth, doNoScheduleTaintingPass, doNoExecuteTaintingPass) and
// MarkPodsNotReady / RecordNodeStatusChange from pkg/controller/util/node/controller_utils.go.
//
// Upstream polls every node every 5 s (node-monitor-period). Here a node is re-checked only when
// something can have changed: its Node object, its heartbeat (sim/heartbeats.ts), or the one timer
// set for the instant its grace period runs out. An idle, healthy cluster has no timers from here.
import type { Node, Pod } from '../../api/core';
import type { ObjectReference } from '../../api/core';
import { deepCopy, keyOf } from '../../api/meta';
import { isNotFound } from '../../apiserver/errors';
import { BY_NODE, podNodeName, type Informer } from '../../client/informer';
import type { Recorder } from '../../client/recorder';
import type { ComponentContext } from '../../component';
import type { Timer } from '../../sim/clock';
import { Controller } from '../controller';
import { taintString } from '../tainteviction/tolerations';
import {
  NODE_STARTUP_GRACE_PERIOD_MS,
  desiredControllerTaints,
  markNodeStatusUnknown,
  readyStatus,
  reconcileTaints,
} from './health';

const NODES = { group: '', resource: 'nodes' };
const PODS = { group: '', resource: 'pods' };
const GRACE_TIMER = 'nodeGraceExpired';

interface GraceTimer {
  at: number;
  seq: number;
}

interface SavedState {
  timers: [string, GraceTimer][];
  observedReady: [string, string][];
  known: string[];
}

/**
 * Index pods by the node they are bound to (the same index upstream registers). The factory
 * registers it on the pod informer already; this keeps a hand-built informer (tests) working.
 * One definition (podNodeName) for every component: two different functions under one index name
 * would mean whichever registered first decided what every reader saw.
 */
export function indexPodsByNode(pods: Informer<Pod>): void {
  pods.addIndex(BY_NODE, podNodeName);
}

export class NodeLifecycleController extends Controller {
  private readonly nodes: Informer<Node>;
  private readonly pods: Informer<Pod>;
  /** Upstream records events as "node-controller". */
  private readonly recorder: Recorder;
  /** At most one pending "grace period expires" timer per silent node. */
  private graceTimers = new Map<string, GraceTimer>();
  /** The Ready status seen at the previous sync (upstream's nodeHealthMap), to spot transitions. */
  private observedReady = new Map<string, string>();
  /** Nodes already announced with a RegisteredNode event (upstream's knownNodeSet). */
  private known = new Set<string>();

  constructor(ctx: ComponentContext) {
    super('node-lifecycle-controller', ctx);
    this.nodes = ctx.informers.for<Node>(NODES);
    this.pods = ctx.informers.for<Pod>(PODS);
    this.recorder = ctx.events.for({ component: 'node-controller' });
  }

  start(): void {
    indexPodsByNode(this.pods);
    this.nodes.addHandler({
      add: (n) => this.enqueue(n.metadata.name!),
      update: (_o, n) => this.enqueue(n.metadata.name!),
      delete: (n) => this.enqueue(n.metadata.name!),
    });
    // A pod that lands on (or changes on) a node whose kubelet is silent must be marked not ready
    // too: nobody else will ever update it.
    const onPod = (p: Pod) => {
      const nodeName = p.spec?.nodeName;
      if (!nodeName) return;
      const node = this.nodes.get(nodeName);
      if (node && readyStatus(node) === 'Unknown' && podReady(p)) this.enqueue(nodeName);
    };
    this.pods.addHandler({ add: onPod, update: (_o, p) => onPod(p) });
    this.ctx.heartbeats.onChange((node) => this.enqueue(node));
  }

  protected override sync(name: string): void {
    const node = this.nodes.get(name);
    if (!node) {
      this.cancelGraceTimer(name);
      this.observedReady.delete(name);
      if (this.known.delete(name)) {
        this.recordNodeEvent(name, undefined, 'RemovingNode', `Removing Node ${name} from Controller`);
        this.trace('forget', name, `Node ${name} was deleted; the controller stops monitoring it.`);
      }
      return;
    }
    if (!this.known.has(name)) {
      this.known.add(name);
      this.recordNodeEvent(name, node.metadata.uid, 'RegisteredNode', `Registered Node ${name} in Controller`);
    }
    const current = this.tryUpdateNodeHealth(node);
    this.handleReadyTransition(current);
    this.reconcileNodeTaints(current);
  }

  /**
   * Is the kubelet still renewing its Lease? Worked example (grace 50 s, renewals every 10 s):
   * a kubelet started at t=0 and stopped at t=125 s last renewed at t=120 s, so the node turns
   * Unknown at t=170 s exactly; a timer is set for 170 s when the stop is noticed.
   */
  private tryUpdateNodeHealth(node: Node): Node {
    const name = node.metadata.name!;
    const now = this.ctx.clock.now();
    if (this.ctx.heartbeats.isAlive(name)) {
      this.cancelGraceTimer(name);
      return node;
    }
    const renewal = this.ctx.heartbeats.lastRenewal(name, now);
    // A node that never renewed gets the longer node-startup-grace-period from its creation.
    const probe = renewal ?? this.ctx.clock.parse(node.metadata.creationTimestamp);
    const grace = renewal === undefined ? NODE_STARTUP_GRACE_PERIOD_MS : this.ctx.config.nodeMonitorGracePeriodMs;
    const deadline = (Number.isNaN(probe) ? now : probe) + grace;
    if (now < deadline) {
      this.ensureGraceTimer(name, deadline, renewal);
      return node;
    }
    this.cancelGraceTimer(name);
    const conditions = markNodeStatusUnknown(node, this.ctx.clock.iso(now));
    if (!conditions) return node;
    const next = deepCopy(node) as Node;
    next.status = { ...(next.status ?? {}), conditions };
    const updated = this.ctx.api.update(NODES, '', next, { user: this.name, subresource: 'status' }) as Node;
    const silentFor = Math.round((now - (Number.isNaN(probe) ? now : probe)) / 1000);
    this.trace(
      'mark-unknown',
      name,
      renewal === undefined
        ? `Node ${name} has never reported since it was created ${silentFor} s ago (startup grace ${grace / 1000} s): its conditions are now Unknown.`
        : `Node ${name} last renewed its Lease ${silentFor} s ago, longer than node-monitor-grace-period (${grace / 1000} s): Ready, MemoryPressure, DiskPressure and PIDPressure are now Unknown ("Kubelet stopped posting node status.").`,
    );
    return updated;
  }

  /** NodeNotReady event + MarkPodsNotReady when Ready leaves True; keep pods not ready while Unknown. */
  private handleReadyTransition(node: Node): void {
    const name = node.metadata.name!;
    const ready = readyStatus(node) ?? '';
    const prev = this.observedReady.get(name);
    this.observedReady.set(name, ready);
    if (prev === 'True' && ready !== 'True') {
      this.recorder.event(nodeRef(node), 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
      this.trace('not-ready', name, `Node ${name} went from Ready=True to Ready=${ready}: marking its pods not ready.`);
      this.markPodsNotReady(name);
    } else if (ready === 'Unknown') {
      // Level-triggered safety net: pods bound later, or a controller restart, still get marked.
      this.markPodsNotReady(name);
    }
  }

  /** MarkPodsNotReady: set each pod's Ready condition to False (status write) and warn on the pod. */
  private markPodsNotReady(nodeName: string): void {
    const pods = this.pods.byIndex(BY_NODE, nodeName).sort(byKey);
    const nowIso = this.ctx.clock.iso();
    for (const pod of pods) {
      if (!podReady(pod)) continue;
      const next = deepCopy(pod) as Pod;
      next.status = {
        ...(next.status ?? {}),
        conditions: (next.status?.conditions ?? []).map((c) => (c.type === 'Ready' ? { ...c, status: 'False' as const, lastTransitionTime: nowIso } : c)),
      };
      try {
        this.ctx.api.update(PODS, pod.metadata.namespace ?? '', next, { user: this.name, subresource: 'status' });
      } catch (e) {
        if (isNotFound(e)) continue;
        throw e;
      }
      this.recorder.event(pod, 'Warning', 'NodeNotReady', 'Node is not ready');
      this.ctx.trace.record({
        component: this.name,
        action: 'mark-pod-not-ready',
        object: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name!, uid: pod.metadata.uid },
        cause: { kind: 'Node', name: nodeName },
        message: `Pod ${keyOf(pod)} runs on ${nodeName}, which is not ready: its Ready condition is set to False, so Services stop sending it traffic.`,
      });
    }
  }

  /** TaintNodesByCondition + the NoExecute tainting pass, as one level-triggered reconcile. */
  private reconcileNodeTaints(node: Node): Node {
    const name = node.metadata.name!;
    const nowIso = this.ctx.clock.iso();
    const { taints, added, removed } = reconcileTaints(node.spec?.taints ?? [], desiredControllerTaints(node), nowIso);
    if (added.length === 0 && removed.length === 0) return node;
    const next = deepCopy(node) as Node;
    next.spec = { ...(next.spec ?? {}), taints };
    if (taints.length === 0) delete next.spec.taints;
    const updated = this.ctx.api.update(NODES, '', next, { user: this.name }) as Node;
    for (const t of added) this.trace('taint', name, `Added taint ${taintString(t)} to node ${name}: ${taintReason(t.key)}.`);
    for (const t of removed) this.trace('untaint', name, `Removed taint ${taintString(t)} from node ${name}: ${untaintReason(t.key)}.`);
    return updated;
  }

  private ensureGraceTimer(name: string, at: number, renewal: number | undefined): void {
    const existing = this.graceTimers.get(name);
    if (existing && existing.at === at) return;
    if (existing) this.ctx.clock.cancel(existing.seq);
    const seq = this.ctx.clock.schedule(at, this.name, GRACE_TIMER, { node: name });
    this.graceTimers.set(name, { at, seq });
    const last = renewal === undefined ? 'has not renewed its Lease yet' : `last renewed its Lease at ${this.ctx.clock.iso(renewal)}`;
    this.trace('watch', name, `Node ${name} ${last}; unless it renews, it will be marked Unknown at ${this.ctx.clock.iso(at)}.`);
  }

  private cancelGraceTimer(name: string): void {
    const t = this.graceTimers.get(name);
    if (!t) return;
    this.ctx.clock.cancel(t.seq);
    this.graceTimers.delete(name);
  }

  protected override handleTimer(t: Timer): void {
    if (t.kind !== GRACE_TIMER) return;
    const { node } = t.payload as { node: string };
    if (this.graceTimers.get(node)?.seq === t.seq) this.graceTimers.delete(node);
    this.enqueue(node);
  }

  private recordNodeEvent(name: string, uid: string | undefined, reason: string, event: string): void {
    const ref: ObjectReference = { apiVersion: 'v1', kind: 'Node', name, uid: uid ?? name };
    this.recorder.event(ref, 'Normal', reason, `Node ${name} event: ${event}`);
  }

  private trace(action: string, node: string, message: string): void {
    this.ctx.trace.record({ component: this.name, action, object: { kind: 'Node', name: node }, message });
  }

  protected override saveExtra(): SavedState {
    return { timers: [...this.graceTimers.entries()], observedReady: [...this.observedReady.entries()], known: [...this.known] };
  }

  protected override loadExtra(s: unknown): void {
    const st = s as SavedState | null;
    this.graceTimers = new Map(st?.timers ?? []);
    this.observedReady = new Map(st?.observedReady ?? []);
    this.known = new Set(st?.known ?? []);
  }
}

function podReady(p: Pod): boolean {
  return p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

function nodeRef(node: Node): ObjectReference {
  return { apiVersion: 'v1', kind: 'Node', name: node.metadata.name, uid: node.metadata.uid };
}

function byKey(a: Pod, b: Pod): number {
  const x = keyOf(a);
  const y = keyOf(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function taintReason(key: string): string {
  switch (key) {
    case 'node.kubernetes.io/unreachable':
      return 'its kubelet stopped reporting (Ready=Unknown)';
    case 'node.kubernetes.io/not-ready':
      return 'its kubelet reports Ready=False';
    case 'node.kubernetes.io/unschedulable':
      return 'it is cordoned (spec.unschedulable=true)';
    default:
      return `its ${conditionFor(key)} condition is True`;
  }
}

function untaintReason(key: string): string {
  switch (key) {
    case 'node.kubernetes.io/unreachable':
    case 'node.kubernetes.io/not-ready':
      return 'the node reports Ready=True again';
    case 'node.kubernetes.io/unschedulable':
      return 'it was uncordoned';
    default:
      return `its ${conditionFor(key)} condition is no longer True`;
  }
}

function conditionFor(key: string): string {
  return (
    {
      'node.kubernetes.io/memory-pressure': 'MemoryPressure',
      'node.kubernetes.io/disk-pressure': 'DiskPressure',
      'node.kubernetes.io/pid-pressure': 'PIDPressure',
      'node.kubernetes.io/network-unavailable': 'NetworkUnavailable',
    } as Record<string, string>
  )[key] ?? key;
}
