// Taint eviction controller: mirrors pkg/controller/tainteviction/taint_eviction.go
// (processPodOnNode, deletePodHandler, addConditionAndDeletePod, emitPodDeletionEvent).
// Pods on a node with NoExecute taints are deleted at once when they do not tolerate a taint, after
// the shortest tolerationSeconds when they do, and never when they tolerate forever. Upstream's
// TimedWorkerQueue becomes one clock timer per pod with a scheduled eviction.
import type { Node, Pod } from '../../api/core';
import type { ObjectReference } from '../../api/core';
import { deepCopy, keyOf, splitKey } from '../../api/meta';
import { isNotFound } from '../../apiserver/errors';
import { BY_NODE, type Informer } from '../../client/informer';
import type { Recorder } from '../../client/recorder';
import type { ComponentContext } from '../../component';
import type { Timer } from '../../sim/clock';
import { Controller } from '../controller';
import { indexPodsByNode } from '../nodelifecycle/node_lifecycle_controller';
import { decideEviction, noExecuteTaints, taintString } from './tolerations';
import { jsonEqual } from '../../apiserver/apiserver';

const NODES = { group: '', resource: 'nodes' };
const PODS = { group: '', resource: 'pods' };
const EVICT_TIMER = 'taintEviction';

/** A scheduled eviction: counted from `start` (when the pod first became subject to it). */
interface ScheduledEviction {
  start: number;
  at: number;
  seq: number;
}

export class TaintEvictionController extends Controller {
  private readonly nodes: Informer<Node>;
  private readonly pods: Informer<Pod>;
  private readonly recorder: Recorder;
  private evictions = new Map<string, ScheduledEviction>();

  constructor(ctx: ComponentContext) {
    super('taint-eviction-controller', ctx);
    this.nodes = ctx.informers.for<Node>(NODES);
    this.pods = ctx.informers.for<Pod>(PODS);
    this.recorder = ctx.events.for({ component: 'taint-eviction-controller' });
  }

  start(): void {
    indexPodsByNode(this.pods);
    // As upstream PodUpdated: only a new pod, a new node binding or new tolerations matter.
    this.pods.addHandler({
      add: (p) => this.enqueue(keyOf(p)),
      update: (o, p) => {
        if (o.spec?.nodeName !== p.spec?.nodeName || !jsonEqual(o.spec?.tolerations, p.spec?.tolerations) || (!o.metadata.deletionTimestamp && p.metadata.deletionTimestamp)) {
          this.enqueue(keyOf(p));
        }
      },
      delete: (p) => this.enqueue(keyOf(p)),
    });
    // As upstream NodeUpdated: only a change of NoExecute taints matters.
    const onNode = (n: Node) => {
      for (const p of this.pods.byIndex(BY_NODE, n.metadata.name!).sort(byKey)) this.enqueue(keyOf(p));
    };
    this.nodes.addHandler({
      add: onNode,
      update: (o, n) => {
        if (!jsonEqual(noExecuteTaints(o.spec?.taints), noExecuteTaints(n.spec?.taints))) onNode(n);
      },
      delete: onNode,
    });
  }

  protected override sync(key: string): void {
    const pod = this.pods.get(key);
    if (!pod) {
      this.cancelWithEvent(key);
      return;
    }
    // A pod already being deleted needs no second deletion; its pending eviction is moot.
    if (pod.metadata.deletionTimestamp || !pod.spec?.nodeName) {
      this.cancel(key);
      return;
    }
    const node = this.nodes.get(pod.spec.nodeName);
    const decision = decideEviction(node?.spec?.taints ?? [], pod.spec.tolerations ?? []);
    const now = this.ctx.clock.now();
    switch (decision.kind) {
      case 'none':
      case 'forever':
        this.cancelWithEvent(key);
        return;
      case 'now': {
        this.cancelWithEvent(key);
        const why = decision.untolerated
          ? `it does not tolerate the taint ${taintString(decision.untolerated)} on node ${pod.spec.nodeName}`
          : `its toleration of the NoExecute taints on node ${pod.spec.nodeName} has tolerationSeconds <= 0`;
        this.evict(pod, why);
        return;
      }
      case 'after': {
        // Counted from when the eviction was first scheduled (upstream: the work's CreatedAt).
        // Worked example: taint added at t=170 s, tolerationSeconds 300 → deleted at t=470 s.
        const existing = this.evictions.get(key);
        const start = existing?.start ?? now;
        const at = start + decision.seconds * 1000;
        const taints = decision.taints.map(taintString).join(', ');
        if (at <= now) {
          this.evictions.delete(key);
          if (existing) this.cancelTimer(existing);
          this.evict(pod, `it tolerated ${taints} for tolerationSeconds=${decision.seconds}, which ran out`);
          return;
        }
        if (existing?.at === at) return;
        if (existing) this.cancelTimer(existing);
        const seq = this.ctx.clock.schedule(at, this.name, EVICT_TIMER, { key });
        this.evictions.set(key, { start, at, seq });
        this.ctx.trace.record({
          component: this.name,
          action: 'schedule-eviction',
          object: podRef(pod),
          cause: { kind: 'Node', name: pod.spec.nodeName },
          message: `Pod ${key} tolerates ${taints} for ${decision.seconds} s: it will be deleted at ${this.ctx.clock.iso(at)} unless the taint goes away.`,
        });
        return;
      }
    }
  }

  /** deletePodHandler: event, DisruptionTarget condition, then an ordinary (graceful) delete. */
  private evict(pod: Pod, why: string): void {
    const ns = pod.metadata.namespace ?? '';
    const name = pod.metadata.name!;
    this.recorder.event(eventRef(ns, name), 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${ns}/${name}`);
    this.ctx.trace.record({
      component: this.name,
      action: 'evict',
      object: podRef(pod),
      cause: { kind: 'Node', name: pod.spec.nodeName ?? '' },
      message: `Deleting pod ${ns}/${name} because ${why}.`,
    });
    try {
      const hasCondition = pod.status?.conditions?.some((c) => c.type === 'DisruptionTarget' && c.status === 'True' && c.reason === 'DeletionByTaintManager');
      if (!hasCondition) {
        const next = deepCopy(pod) as Pod;
        const conditions = (next.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
        conditions.push({
          type: 'DisruptionTarget',
          status: 'True',
          reason: 'DeletionByTaintManager',
          message: 'Taint manager: deleting due to NoExecute taint',
          lastProbeTime: null,
          lastTransitionTime: this.ctx.clock.iso(),
        });
        next.status = { ...(next.status ?? {}), conditions };
        this.ctx.api.update(PODS, ns, next, { user: this.name, subresource: 'status' });
      }
      this.ctx.api.delete(PODS, ns, name, { user: this.name, preconditions: { uid: pod.metadata.uid } });
    } catch (e) {
      if (isNotFound(e)) return;
      throw e;
    }
  }

  private cancel(key: string): boolean {
    const e = this.evictions.get(key);
    if (!e) return false;
    this.cancelTimer(e);
    this.evictions.delete(key);
    return true;
  }

  private cancelTimer(e: ScheduledEviction): void {
    if (e.seq >= 0) this.ctx.clock.cancel(e.seq);
  }

  /** cancelWorkWithEvent: only when an eviction was actually pending. */
  private cancelWithEvent(key: string): void {
    if (!this.cancel(key)) return;
    const { namespace, name } = splitKey(key);
    this.recorder.event(eventRef(namespace, name), 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${namespace}/${name}`);
    this.ctx.trace.record({
      component: this.name,
      action: 'cancel-eviction',
      object: { kind: 'Pod', namespace, name },
      message: `The scheduled deletion of pod ${key} is cancelled: the NoExecute taint it was tolerating is gone (or the pod now tolerates it forever).`,
    });
  }

  protected override handleTimer(t: Timer): void {
    if (t.kind !== EVICT_TIMER) return;
    const { key } = t.payload as { key: string };
    const e = this.evictions.get(key);
    // Keep the entry (sync sees at <= now and evicts); just forget the fired timer's seq.
    if (e && e.seq === t.seq) this.evictions.set(key, { ...e, seq: -1 });
    this.enqueue(key);
  }

  protected override saveExtra(): [string, ScheduledEviction][] {
    return [...this.evictions.entries()];
  }

  protected override loadExtra(s: unknown): void {
    this.evictions = new Map((s as [string, ScheduledEviction][] | null) ?? []);
  }
}

function eventRef(namespace: string, name: string): ObjectReference {
  return { apiVersion: 'v1', kind: 'Pod', name, namespace };
}

function podRef(p: Pod) {
  return { kind: 'Pod', namespace: p.metadata.namespace, name: p.metadata.name!, uid: p.metadata.uid };
}

function byKey(a: Pod, b: Pod): number {
  const x = keyOf(a);
  const y = keyOf(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
