// Pod garbage collector: mirrors pkg/controller/podgc/gc_controller.go (gcOrphaned,
// gcUnscheduledTerminating, markFailedAndDeletePodWithCondition). Upstream scans every 20 s; here
// work is event-driven: a pod bound to a missing node, or a node deletion, starts that node's
// 40 s quarantine with one timer, after which the API server is asked once more and the pods are
// force-deleted (grace period 0).
import type { Node, Pod } from '../../api/core';
import type { Condition } from '../../api/meta';
import { deepCopy, keyOf } from '../../api/meta';
import { isNotFound } from '../../apiserver/errors';
import { BY_NODE, type Informer } from '../../client/informer';
import type { ComponentContext } from '../../component';
import type { Timer } from '../../sim/clock';
import { Controller } from '../controller';
import { indexPodsByNode } from '../nodelifecycle/node_lifecycle_controller';

const NODES = { group: '', resource: 'nodes' };
const PODS = { group: '', resource: 'pods' };
const QUARANTINE_TIMER = 'orphanQuarantine';

/** How long a node must stay missing before its pods are treated as orphans (quarantineTime). */
export const QUARANTINE_MS = 40_000;
/**
 * --terminated-pod-gc-threshold: above this many Succeeded/Failed pods the oldest are deleted.
 * Kept as a constant only: a teaching cluster never gets near 12 500 finished pods.
 */
export const TERMINATED_POD_GC_THRESHOLD = 12_500;

interface Quarantine {
  at: number;
  seq: number;
}

export class PodGCController extends Controller {
  private readonly nodes: Informer<Node>;
  private readonly pods: Informer<Pod>;
  private quarantine = new Map<string, Quarantine>();

  constructor(ctx: ComponentContext) {
    super('pod-garbage-collector', ctx);
    this.nodes = ctx.informers.for<Node>(NODES);
    this.pods = ctx.informers.for<Pod>(PODS);
  }

  start(): void {
    indexPodsByNode(this.pods);
    const onPod = (p: Pod) => {
      const nodeName = p.spec?.nodeName;
      if (nodeName && !this.nodes.get(nodeName)) this.enqueue(`node:${nodeName}`);
      if (!nodeName && p.metadata.deletionTimestamp) this.enqueue(`pod:${keyOf(p)}`);
    };
    this.pods.addHandler({ add: onPod, update: (_o, p) => onPod(p) });
    this.nodes.addHandler({
      add: (n) => this.enqueue(`node:${n.metadata.name}`),
      delete: (n) => this.enqueue(`node:${n.metadata.name}`),
    });
  }

  protected override sync(key: string): void {
    if (key.startsWith('node:')) this.gcOrphaned(key.slice(5));
    else if (key.startsWith('pod:')) this.gcUnscheduledTerminating(key.slice(4));
  }

  /**
   * Worked example: kind-worker2 is deleted at t=600 s with 3 pods bound to it. The quarantine
   * ends at t=640 s; the API server confirms the node is still gone; each pod is marked Failed
   * with DisruptionTarget/DeletionByPodGC and force-deleted.
   */
  private gcOrphaned(nodeName: string): void {
    const now = this.ctx.clock.now();
    if (this.nodes.get(nodeName)) return this.endQuarantine(nodeName);
    const pods = this.pods.byIndex(BY_NODE, nodeName).sort(byKey);
    if (pods.length === 0) return this.endQuarantine(nodeName);
    const q = this.quarantine.get(nodeName);
    if (!q) {
      const at = now + QUARANTINE_MS;
      const seq = this.ctx.clock.schedule(at, this.name, QUARANTINE_TIMER, { node: nodeName });
      this.quarantine.set(nodeName, { at, seq });
      this.ctx.trace.record({
        component: this.name,
        action: 'quarantine',
        object: { kind: 'Node', name: nodeName },
        message: `${pods.length} pod(s) are bound to node ${nodeName}, which does not exist; if it is still missing at ${this.ctx.clock.iso(at)} (after ${QUARANTINE_MS / 1000} s), they will be force-deleted.`,
      });
      return;
    }
    if (now < q.at) return;
    // checkIfNodeExists: a live read, so a node that was only briefly missing from the cache survives.
    if (this.ctx.api.tryGet(NODES, '', nodeName)) return this.endQuarantine(nodeName);
    this.endQuarantine(nodeName);
    for (const pod of pods) {
      this.ctx.trace.record({
        component: this.name,
        action: 'force-delete',
        object: podRef(pod),
        cause: { kind: 'Node', name: nodeName },
        message: `Found orphaned Pod ${keyOf(pod)} assigned to the Node ${nodeName}, deleting: the node no longer exists, so no kubelet will ever finish this pod. Marking it Failed and force-deleting it (grace period 0).`,
      });
      this.markFailedAndDeletePod(pod, {
        type: 'DisruptionTarget',
        status: 'True',
        reason: 'DeletionByPodGC',
        message: 'PodGC: node no longer exists',
      });
    }
  }

  /** A pod that is being deleted but was never scheduled has no kubelet to finish it. */
  private gcUnscheduledTerminating(key: string): void {
    const pod = this.pods.get(key);
    if (!pod || !pod.metadata.deletionTimestamp || pod.spec?.nodeName) return;
    this.ctx.trace.record({
      component: this.name,
      action: 'force-delete',
      object: podRef(pod),
      message: `Found unscheduled terminating Pod ${key} not assigned to any Node, deleting: no kubelet will ever confirm its termination.`,
    });
    this.markFailedAndDeletePod(pod);
  }

  /** markFailedAndDeletePodWithCondition: phase Failed (unless terminal already), then grace 0. */
  private markFailedAndDeletePod(pod: Pod, condition?: Condition): void {
    const ns = pod.metadata.namespace ?? '';
    const name = pod.metadata.name!;
    try {
      const phase = pod.status?.phase;
      if (phase !== 'Succeeded' && phase !== 'Failed') {
        const next = deepCopy(pod) as Pod;
        const status = { ...(next.status ?? {}), phase: 'Failed' as const };
        if (condition) {
          const now = this.ctx.clock.iso();
          const conditions = (status.conditions ?? []).filter((c) => c.type !== condition.type);
          conditions.push({ ...condition, lastProbeTime: null, lastTransitionTime: now });
          status.conditions = conditions;
        }
        next.status = status;
        this.ctx.api.update(PODS, ns, next, { user: this.name, subresource: 'status' });
      }
      this.ctx.api.delete(PODS, ns, name, { user: this.name, gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
    } catch (e) {
      if (isNotFound(e)) return;
      throw e;
    }
  }

  private endQuarantine(nodeName: string): void {
    const q = this.quarantine.get(nodeName);
    if (!q) return;
    if (q.seq >= 0) this.ctx.clock.cancel(q.seq);
    this.quarantine.delete(nodeName);
  }

  protected override handleTimer(t: Timer): void {
    if (t.kind !== QUARANTINE_TIMER) return;
    const { node } = t.payload as { node: string };
    const q = this.quarantine.get(node);
    if (q && q.seq === t.seq) this.quarantine.set(node, { ...q, seq: -1 });
    this.enqueue(`node:${node}`);
  }

  protected override saveExtra(): [string, Quarantine][] {
    return [...this.quarantine.entries()];
  }

  protected override loadExtra(s: unknown): void {
    this.quarantine = new Map((s as [string, Quarantine][] | null) ?? []);
  }
}

function podRef(p: Pod) {
  return { kind: 'Pod', namespace: p.metadata.namespace, name: p.metadata.name!, uid: p.metadata.uid };
}

function byKey(a: Pod, b: Pod): number {
  const x = keyOf(a);
  const y = keyOf(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
