// kube-scheduler: mirrors pkg/scheduler/scheduler.go, schedule_one.go (scheduleOne, handleSchedulingFailure,
// bind) and eventhandlers.go. Watches pods and nodes, keeps the cache and the queue, and places one
// pod at a time with the framework's plugins.
import type { Node, Pod, ReplicationController } from '../api/core';
import type { ReplicaSet } from '../api/apps';
import type { Condition } from '../api/meta';
import { keyOf } from '../api/meta';
import { jsonEqual } from '../apiserver/apiserver';
import type { Informer } from '../client/informer';
import type { Recorder } from '../client/recorder';
import type { Component, ComponentContext } from '../component';
import type { Timer } from '../sim/clock';
import type { ObjectRef } from '../sim/trace';
import { SchedulerCache } from './cache/cache';
import { DecisionLog, expandDecision, type Decision, type SavedDecision } from './framework/decisions';
import { truncateMessage } from './framework/fit_error';
import type { Handle, StatefulSetLike } from './framework/handle';
import { DEFAULT_PROFILE, inTreeRegistry, type Profile } from './framework/registry';
import { Framework } from './framework/runtime';
import type { ClusterEvent } from './framework/types';
import { SchedulingQueue, type QueuedPodInfo, type SavedQueue } from './queue/scheduling_queue';
import { schedulePod, type ScheduleResult } from './schedule_one';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../api/storage';
import { PreBindWaiter } from './plugins/volumebinding/prebind';
import { Name as VolumeBindingName, type VolumeBinding } from './plugins/volumebinding/volume_binding';

const PODS = { group: '', resource: 'pods' };
const NODES = { group: '', resource: 'nodes' };

/**
 * Decisions carried in a snapshot: the most recent 100. The in-memory log keeps more (1,000 by
 * default) for explanations, but each decision holds every node × plugin, and snapshots are stored
 * (IndexedDB in the browser): 1,000 decisions on 100 nodes would be megabytes per snapshot.
 */
export const SAVED_DECISIONS = 100;

interface SavedScheduler {
  queue: SavedQueue;
  nextStartNodeIndex: number;
  decisions: SavedDecision[];
  /** Pods assigned a node whose claims are still being bound (VolumeBinding PreBind). */
  volumeWait?: [string, string][];
}

export interface SchedulerOptions {
  profile?: Profile;
  /** percentageOfNodesToScore (0 = adaptive, as upstream's default). */
  percentageOfNodesToScore?: number;
  /** How many recent decisions to keep for explanations. */
  decisionCapacity?: number;
}

export class Scheduler implements Component {
  readonly name = 'default-scheduler';
  running = true;
  readonly framework: Framework;
  private readonly cache = new SchedulerCache();
  private readonly queue: SchedulingQueue;
  private readonly decisions: DecisionLog;
  private readonly recorder: Recorder;
  private readonly percentageOfNodesToScore: number;
  private pods?: Informer<Pod>;
  private rsInformer?: Informer<ReplicaSet>;
  private rcInformer?: Informer<ReplicationController>;
  private stsInformer?: Informer<StatefulSetLike>;
  private pvcInformer?: Informer<PersistentVolumeClaim>;
  private pvInformer?: Informer<PersistentVolume>;
  private scInformer?: Informer<StorageClass>;
  private volumeWait?: PreBindWaiter;
  private volumeCheckPending = false;
  /** Round-robin start of the node search (nextStartNodeIndex). */
  private nextStartNodeIndex = 0;
  /** The pod being scheduled right now: its own status write must not re-queue it. */
  private inFlight: string | null = null;

  constructor(protected readonly ctx: ComponentContext, opts: SchedulerOptions = {}) {
    this.percentageOfNodesToScore = opts.percentageOfNodesToScore ?? 0;
    this.decisions = new DecisionLog(opts.decisionCapacity ?? 1000);
    this.recorder = ctx.events.for({ component: this.name });
    this.queue = new SchedulingQueue({
      schedule: (at, kind) => ctx.clock.schedule(at, this.name, kind, { at }),
      cancel: (seq) => ctx.clock.cancel(seq),
    });
    const handle: Handle = {
      nodeInfos: () => this.cache.nodeInfoList(),
      getReplicaSet: (ns, name) => this.rsInformer?.get(`${ns}/${name}`),
      getReplicationController: (ns, name) => this.rcInformer?.get(`${ns}/${name}`),
      getStatefulSet: (ns, name) => this.stsInformer?.get(`${ns}/${name}`),
      getPersistentVolumeClaim: (ns, name) => this.pvcInformer?.get(`${ns}/${name}`),
      getPersistentVolume: (name) => this.pvInformer?.get(name),
      listPersistentVolumes: () => this.pvInformer?.list() ?? [],
      getStorageClass: (name) => this.scInformer?.get(name),
    };
    this.framework = new Framework(opts.profile ?? DEFAULT_PROFILE, inTreeRegistry, handle);
  }

  // ------------------------------------------------------------------ public, for the UI

  /** The most recent scheduling decision for a pod (by uid), as plain JSON. */
  decisionFor(podUid: string): Decision | undefined {
    const d = this.decisions.forUid(podUid);
    return d && expandDecision(d);
  }

  /** The most recent scheduling decision for namespace/name. */
  lastDecision(namespace: string, name: string): Decision | undefined {
    const d = this.decisions.forName(namespace, name);
    return d && expandDecision(d);
  }

  /** Which pending pods wait where (activeQ / backoffQ / unschedulablePods). */
  queuedPods(): { backoff: string[]; unschedulable: string[]; active: number } {
    return { active: this.queue.activeLen(), backoff: this.queue.backoffKeys(), unschedulable: this.queue.unschedulableKeys() };
  }

  // ------------------------------------------------------------------ Component

  start(): void {
    const inf = this.ctx.informers;
    this.pods = inf.for<Pod>(PODS);
    if (this.ctx.api.served('apps', 'replicasets')) this.rsInformer = inf.for<ReplicaSet>({ group: 'apps', resource: 'replicasets' });
    if (this.ctx.api.served('', 'replicationcontrollers')) this.rcInformer = inf.for<ReplicationController>({ group: '', resource: 'replicationcontrollers' });
    if (this.ctx.api.served('apps', 'statefulsets')) this.stsInformer = inf.for<StatefulSetLike>({ group: 'apps', resource: 'statefulsets' });
    this.startVolumeInformers();
    this.pods.addHandler({
      add: (p) => this.onPodAdd(p),
      update: (o, n) => this.onPodUpdate(o, n),
      delete: (p) => this.onPodDelete(p),
    });
    inf.for<Node>(NODES).addHandler({
      add: (n) => this.onNodeAdd(n),
      update: (o, n) => this.onNodeUpdate(o, n),
      delete: (n) => this.cache.removeNode(n.metadata.name ?? ''),
    });
  }

  hasWork(): boolean {
    return this.running && (this.queue.activeLen() > 0 || this.hasOverdueTimers() || this.volumeCheckPending);
  }

  runOnce(): void {
    if (!this.running) return;
    if (this.volumeCheckPending) {
      this.volumeCheckPending = false;
      this.finishVolumeBinding();
    }
    // Timers are not delivered while the scheduler is stopped: catch up on any that were missed.
    if (this.hasOverdueTimers()) {
      this.queue.flushBackoffCompleted(this.ctx.clock.now());
      this.queue.flushUnschedulableLeftover(this.ctx.clock.now());
    }
    let n = this.queue.activeLen();
    while (n-- > 0) {
      const e = this.queue.pop();
      if (!e) break;
      this.scheduleOne(e);
    }
  }

  onTimer(t: Timer): void {
    const at = (t.payload as { at: number } | null)?.at ?? t.at;
    this.queue.onTimer(t.kind, at, this.ctx.clock.now());
  }

  discardQueuedWork(): void {
    this.queue.clear();
  }

  save(): SavedScheduler {
    return { queue: this.queue.save(), nextStartNodeIndex: this.nextStartNodeIndex, decisions: this.decisions.save(SAVED_DECISIONS), volumeWait: this.volumeWait?.save() };
  }

  load(state: unknown): void {
    const s = state as SavedScheduler;
    this.queue.load(s.queue);
    this.nextStartNodeIndex = s.nextStartNodeIndex;
    this.decisions.load(s.decisions);
    this.volumeWait?.load(s.volumeWait);
  }

  // ------------------------------------------------------------------ scheduleOne

  private scheduleOne(e: QueuedPodInfo): void {
    const pod = this.pods?.get(e.key);
    if (!pod || !this.isPending(pod)) return; // deleted, bound or terminating meanwhile: forget it
    this.inFlight = e.key;
    try {
      const now = this.ctx.clock.now();
      const r = schedulePod(this.framework, this.cache.nodeInfoList(), pod, this.ctx.rng, this.nextStartNodeIndex, now, this.percentageOfNodesToScore);
      this.nextStartNodeIndex = r.nextStartNodeIndex;
      this.decisions.add(r.decision);
      if (r.selected) this.bind(e, pod, r.selected, r);
      else this.handleSchedulingFailure(e, pod, r.message, 'Unschedulable', r);
    } finally {
      this.inFlight = null;
    }
  }

  private bind(e: QueuedPodInfo, pod: Pod, node: string, r: ScheduleResult): void {
    const ns = pod.metadata.namespace ?? '';
    const name = pod.metadata.name ?? '';
    if (this.preBindVolumes(e, pod, node, r)) return;
    try {
      this.ctx.api.bind(ns, name, node, { user: this.name });
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      this.handleSchedulingFailure(e, pod, msg, 'SchedulerError', r);
      return;
    }
    this.recorder.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${name} to ${node}`);
    const top = topTotals(r, 3);
    this.ctx.trace.record({
      component: this.name,
      action: 'bind',
      object: podRef(pod),
      message:
        r.feasibleNodes === 1
          ? `Assigned ${ns}/${name} to ${node}: the only one of ${r.evaluatedNodes} node(s) that fits, so no scoring was needed`
          : `Assigned ${ns}/${name} to ${node}: highest score ${top[0]?.total ?? 0} among ${r.feasibleNodes} of ${r.evaluatedNodes} node(s) that fit`,
      details: { selected: node, feasibleNodes: r.feasibleNodes, evaluatedNodes: r.evaluatedNodes, top },
    });
  }

  /**
   * handleSchedulingFailure: requeue (unschedulable, or back-off after an error), a FailedScheduling
   * event (repeats fold into one event with a growing count), and the PodScheduled=False condition.
   */
  private handleSchedulingFailure(e: QueuedPodInfo, pod: Pod, message: string, reason: 'Unschedulable' | 'SchedulerError', r: ScheduleResult): void {
    const now = this.ctx.clock.now();
    const current = this.pods?.get(e.key);
    if (!current || !this.isPending(current)) return;
    if (reason === 'Unschedulable') this.queue.addUnschedulable(e, r.unschedulablePlugins, now);
    else this.queue.addBackoff(e, now);
    const msg = truncateMessage(message);
    this.recorder.event(pod, 'Warning', 'FailedScheduling', msg);
    this.updatePodScheduledCondition(current, reason, msg);
    this.ctx.trace.record({
      component: this.name,
      action: reason === 'Unschedulable' ? 'unschedulable' : 'error',
      object: podRef(pod),
      message: `Could not place ${keyOf(pod)}: ${msg}`,
      details: { message: msg, evaluatedNodes: r.evaluatedNodes, attempts: e.attempts },
    });
  }

  /** updatePod: write PodScheduled=False only when status, reason or message changed. */
  private updatePodScheduledCondition(pod: Pod, reason: string, message: string): void {
    const conds = pod.status?.conditions ?? [];
    const old = conds.find((c) => c.type === 'PodScheduled');
    if (old && old.status === 'False' && old.reason === reason && old.message === message) return;
    const cond: Condition = {
      type: 'PodScheduled',
      status: 'False',
      lastProbeTime: null,
      lastTransitionTime: old && old.status === 'False' && old.lastTransitionTime ? old.lastTransitionTime : this.ctx.clock.iso(),
      reason,
      message,
    };
    const next = old ? conds.map((c) => (c === old ? cond : c)) : [...conds, cond];
    try {
      this.ctx.api.update(PODS, pod.metadata.namespace ?? '', { ...pod, status: { ...(pod.status ?? {}), conditions: next } }, { subresource: 'status', user: this.name });
    } catch {
      // The pod went away or the API server is down: the next attempt writes it again.
    }
  }

  // ------------------------------------------------------------------ volumes (VolumeBinding)

  private startVolumeInformers(): void {
    const inf = this.ctx.informers;
    const vb = this.framework.plugins.find((p) => p.name === VolumeBindingName) as VolumeBinding | undefined;
    if (!vb || !this.ctx.api.served('', 'persistentvolumeclaims')) return;
    this.volumeWait = new PreBindWaiter(vb, this.ctx.api, this.name);
    this.pvcInformer = inf.for<PersistentVolumeClaim>({ group: '', resource: 'persistentvolumeclaims' });
    this.pvInformer = inf.for<PersistentVolume>({ group: '', resource: 'persistentvolumes' });
    if (this.ctx.api.served('storage.k8s.io', 'storageclasses')) this.scInformer = inf.for<StorageClass>({ group: 'storage.k8s.io', resource: 'storageclasses' });
    const onClaim = () => {
      this.moveAll('PvcChange');
      // Handlers only note the change; runOnce binds the parked pods whose claims are now Bound.
      if (this.volumeWait?.waiting.size) this.volumeCheckPending = true;
    };
    this.pvcInformer.addHandler({ add: onClaim, update: onClaim });
    this.pvInformer.addHandler({ add: () => this.moveAll('PvChange'), update: () => this.moveAll('PvChange') });
    this.scInformer?.addHandler({ add: () => this.moveAll('StorageClassChange') });
  }

  /** PreBind: true when the pod was parked until its claims are bound (see plugins/volumebinding/prebind.ts). */
  private preBindVolumes(e: QueuedPodInfo, pod: Pod, node: string, r: ScheduleResult): boolean {
    const nodeObj = this.ctx.informers.for<Node>(NODES).get(node);
    if (!this.volumeWait || !nodeObj) return false;
    let what: string | undefined;
    try {
      what = this.volumeWait.preBind(pod, nodeObj);
    } catch (err) {
      const msg = `running PreBind plugin "${VolumeBindingName}": ${err instanceof Error ? err.message : String(err)}`;
      this.handleSchedulingFailure(e, pod, msg, 'SchedulerError', r);
      return true;
    }
    if (!what) return false;
    this.ctx.trace.record({
      component: this.name,
      action: 'prebind',
      object: podRef(pod),
      message: `Chose ${node} for ${keyOf(pod)}, but its volumes must be ready first: ${what}. The pod stays Pending (no node) until every claim is Bound.`,
    });
    return true;
  }

  /** The claims of parked pods became Bound: bind those pods now. */
  private finishVolumeBinding(): void {
    if (!this.volumeWait?.waiting.size) return;
    for (const { pod, node } of this.volumeWait.takeReady((k) => this.pods?.get(k))) {
      const ns = pod.metadata.namespace ?? '';
      const name = pod.metadata.name ?? '';
      try {
        this.ctx.api.bind(ns, name, node, { user: this.name });
      } catch (err) {
        this.ctx.trace.record({ component: this.name, action: 'error', object: podRef(pod), message: `Could not bind ${ns}/${name} to ${node} after its volumes were bound: ${err instanceof Error ? err.message : String(err)}` });
        this.queue.add(keyOf(pod), pod.spec.priority ?? 0, this.ctx.clock.now());
        continue;
      }
      this.recorder.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${name} to ${node}`);
      this.ctx.trace.record({ component: this.name, action: 'bind', object: podRef(pod), message: `Assigned ${ns}/${name} to ${node}: every PersistentVolumeClaim it uses is now Bound.` });
    }
  }

  // ------------------------------------------------------------------ event handlers

  private isPending(p: Pod): boolean {
    return (
      !p.spec.nodeName &&
      (p.spec.schedulerName || 'default-scheduler') === this.framework.schedulerName &&
      !p.metadata.deletionTimestamp &&
      p.status?.phase !== 'Succeeded' &&
      p.status?.phase !== 'Failed'
    );
  }

  /** The cache counts assigned pods that are not terminal (the scheduler's informer excludes Succeeded/Failed). */
  private isCountable(p: Pod): boolean {
    return !!p.spec.nodeName && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';
  }

  private onPodAdd(p: Pod): void {
    const key = keyOf(p);
    if (this.isCountable(p)) {
      this.cache.addOrUpdatePod(key, p);
    } else if (this.isPending(p) && key !== this.inFlight) {
      this.queue.add(key, p.spec.priority ?? 0, this.ctx.clock.now());
    }
  }

  private onPodUpdate(o: Pod, p: Pod): void {
    const key = keyOf(p);
    const now = this.ctx.clock.now();
    if (this.volumeWait?.has(key) && this.isPending(p)) return; // parked in PreBind
    if (this.cache.hasPod(key)) {
      if (this.isCountable(p)) {
        this.cache.addOrUpdatePod(key, p);
      } else {
        // Finished (Succeeded/Failed): its resources are free again.
        this.cache.removePod(key);
        this.moveAll('AssignedPodDelete');
      }
      return;
    }
    if (this.isCountable(p)) {
      this.queue.delete(key);
      this.cache.addOrUpdatePod(key, p);
      return;
    }
    if (!this.isPending(p)) {
      this.queue.delete(key);
      return;
    }
    if (key === this.inFlight) return;
    if (!this.queue.has(key)) {
      this.queue.add(key, p.spec.priority ?? 0, now);
    } else if (podSpecChanged(o, p)) {
      this.queue.podUpdated(key, now, (pl, ev) => this.framework.eventMayHelp(pl, ev));
    }
  }

  private onPodDelete(p: Pod): void {
    const key = keyOf(p);
    this.queue.delete(key);
    if (this.cache.hasPod(key)) {
      this.cache.removePod(key);
      this.moveAll('AssignedPodDelete');
    }
  }

  private onNodeAdd(n: Node): void {
    this.cache.addOrUpdateNode(n);
    this.moveAll('NodeAdd');
  }

  private onNodeUpdate(o: Node, n: Node): void {
    this.cache.addOrUpdateNode(n);
    for (const ev of nodeSchedulingPropertiesChange(o, n)) this.moveAll(ev);
  }

  private moveAll(event: ClusterEvent): void {
    this.queue.moveAllToActiveOrBackoff(event, this.ctx.clock.now(), (pl, ev) => this.framework.eventMayHelp(pl, ev));
  }

  private hasOverdueTimers(): boolean {
    return this.queue.hasOverdue(this.ctx.clock.now());
  }
}

/** nodeSchedulingPropertiesChange (eventhandlers.go): which node changes can help pending pods. */
export function nodeSchedulingPropertiesChange(o: Node, n: Node): ClusterEvent[] {
  const out: ClusterEvent[] = [];
  if (!jsonEqual(o.status?.allocatable, n.status?.allocatable)) out.push('NodeAllocatableChange');
  if (!jsonEqual(o.metadata.labels, n.metadata.labels)) out.push('NodeLabelChange');
  if (!jsonEqual(o.spec?.taints, n.spec?.taints) || !!o.spec?.unschedulable !== !!n.spec?.unschedulable) out.push('NodeTaintChange');
  if (!jsonEqual(o.status?.images, n.status?.images)) out.push('NodeImageChange');
  return out;
}

/** isPodUpdated: anything but status and resourceVersion changed. */
function podSpecChanged(o: Pod, n: Pod): boolean {
  return (
    !jsonEqual(o.spec, n.spec) ||
    !jsonEqual(o.metadata.labels, n.metadata.labels) ||
    !jsonEqual(o.metadata.annotations, n.metadata.annotations)
  );
}

function podRef(p: Pod): ObjectRef {
  return { kind: 'Pod', namespace: p.metadata.namespace, name: p.metadata.name ?? '', uid: p.metadata.uid };
}

/**
 * The best totals of a decision, highest first (ties in evaluation order). A selection of the k
 * best in one pass rather than a sort of every feasible node: this runs on every bind.
 */
function topTotals(r: ScheduleResult, k: number): { node: string; total: number }[] {
  const d = r.decision;
  const best: number[] = []; // indices into d.totals, best first
  for (let i = 0; i < d.totals.length; i++) {
    let pos = best.length;
    // Strictly greater moves ahead, so an equal total stays behind the earlier one.
    while (pos > 0 && d.totals[i] > d.totals[best[pos - 1]]) pos--;
    if (pos >= k) continue;
    best.splice(pos, 0, i);
    if (best.length > k) best.pop();
  }
  return best.map((i) => ({ node: d.nodes[d.scoredRows[i]], total: d.totals[i] }));
}
