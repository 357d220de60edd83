// Mirrors pkg/controller/daemon/daemon_controller.go (syncDaemonSet, manage, syncNodes,
// updateDaemonSetStatus) and the history half of update.go (constructHistory, cleanupHistory).
// The decisions are pure (manage.ts, update.ts, status.ts); this class reads the informers,
// applies the decisions through the API server, and records events and traces.
//
// Like the ReplicaSet controller here, there is no expectations cache: watch delivery is
// synchronous, so the pods this sync creates are in the informer before the next sync.
import type { ControllerRevision, DaemonSet } from '../../api/apps';
import type { Node, Pod } from '../../api/core';
import type { KubeObject, OwnerReference } from '../../api/meta';
import { controllerOf, deepCopy, keyOf } from '../../api/meta';
import { fromLabelSelector, matches } from '../../api/labels';
import type { GVR } from '../../apiserver/apiserver';
import { jsonEqual } from '../../apiserver/apiserver';
import { isAlreadyExists, isNotFound } from '../../apiserver/errors';
import type { Informer } from '../../client/informer';
import { BY_CONTROLLER, BY_NAMESPACE } from '../../client/informer';
import type { Recorder } from '../../client/recorder';
import type { ComponentContext } from '../../component';
import type { ObjectRef } from '../../sim/trace';
import { Controller } from '../controller';
import { computeHash } from '../deployment/util';
import {
  CONTROLLER_REVISIONS,
  controllerRevisionName,
  newControllerRevision,
  sortControllerRevisions,
  templatePatch,
} from '../history/controller_history';
import { adopt, newControllerRef, planClaims, release } from '../replicaset/controller_ref_manager';
import { isPodAvailable, isPodReady, slowStartBatches } from '../replicaset/controller_utils';
import { planManage, type PodToDelete } from './manage';
import { calculateDaemonSetStatus } from './status';
import { planRollingUpdate } from './update';
import { CONTROLLER_REVISION_HASH_LABEL, createPodTemplate, getTargetNodeName, replaceDaemonSetPodNodeNameNodeAffinity } from './util';
import { ownersToSync, resolveControllerRef } from '../controller_ref';

export const DAEMONSETS: GVR = { group: 'apps', resource: 'daemonsets' };
const PODS: GVR = { group: '', resource: 'pods' };
const NODES: GVR = { group: '', resource: 'nodes' };
/** BurstReplicas: at most this many pod creations per sync. */
const BURST_REPLICAS = 250;
/** failedPodsBackoff: 1 s doubling to 15 min per (DaemonSet, node). */
const FAILED_POD_BACKOFF_INITIAL_MS = 1000;
const FAILED_POD_BACKOFF_MAX_MS = 15 * 60_000;

export class DaemonSetsController extends Controller {
  private readonly dsInformer: Informer<DaemonSet>;
  private readonly podInformer: Informer<Pod>;
  private readonly nodeInformer: Informer<Node>;
  private readonly historyInformer: Informer<ControllerRevision>;
  private readonly recorder: Recorder;
  /** `<ds uid>/<node>` → back-off after deleting a Failed daemon pod there. */
  private failedPodsBackoff = new Map<string, { delayMs: number; lastUpdate: number }>();

  constructor(ctx: ComponentContext) {
    super('daemonset-controller', ctx);
    this.dsInformer = ctx.informers.for<DaemonSet>(DAEMONSETS);
    this.podInformer = ctx.informers.for<Pod>(PODS);
    this.nodeInformer = ctx.informers.for<Node>(NODES);
    this.historyInformer = ctx.informers.for<ControllerRevision>(CONTROLLER_REVISIONS);
    this.recorder = ctx.events.for({ component: 'daemonset-controller' });
  }

  start(): void {
    this.dsInformer.addHandler({
      add: (ds) => this.enqueue(keyOf(ds)),
      update: (_o, ds) => this.enqueue(keyOf(ds)),
      delete: (ds) => this.enqueue(keyOf(ds)),
    });
    this.podInformer.addHandler({
      add: (p) => this.onPod(p, undefined),
      update: (o, p) => this.onPod(p, o),
      delete: (p) => this.onPod(p, undefined),
    });
    // A node added, removed, relabelled or (un)tainted may change where daemons should run.
    this.nodeInformer.addHandler({
      add: () => this.enqueueAll(),
      update: (o, n) => {
        if (!jsonEqual(o.metadata.labels, n.metadata.labels) || !jsonEqual(o.spec?.taints, n.spec?.taints)) this.enqueueAll();
      },
      delete: () => this.enqueueAll(),
    });
    this.historyInformer.addHandler({
      delete: (cr) => {
        const ds = this.resolveControllerRef(cr.metadata.namespace, controllerOf(cr));
        if (ds) this.enqueue(keyOf(ds));
      },
    });
  }

  // ---------------------------------------------------------------- handlers (enqueue only)

  private enqueueAll(): void {
    for (const ds of this.dsInformer.list().sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1))) this.enqueue(keyOf(ds));
  }

  private resolveControllerRef(namespace: string | undefined, ref: OwnerReference | undefined): DaemonSet | undefined {
    return resolveControllerRef(this.dsInformer, 'DaemonSet', namespace, ref);
  }

  private onPod(p: Pod, old: Pod | undefined): void {
    for (const o of ownersToSync(this.dsInformer, 'DaemonSet', p, old)) this.enqueue(keyOf(o));
  }


  // ---------------------------------------------------------------- helpers

  private nowMs(): number {
    return this.ctx.clock.epochMs + this.ctx.clock.now();
  }

  private refOf(o: KubeObject): ObjectRef {
    return { kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name ?? '', uid: o.metadata.uid };
  }

  private trace(ds: DaemonSet, action: string, object: KubeObject | undefined, message: string): void {
    this.ctx.trace.record({ component: this.name, action, object: this.refOf(object ?? ds), cause: this.refOf(ds), message });
  }

  private nodes(): Node[] {
    return this.nodeInformer.list().sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
  }

  // ---------------------------------------------------------------- sync

  protected sync(key: string): void {
    this.syncDaemonSet(key);
  }

  syncDaemonSet(key: string): void {
    const ds = this.dsInformer.get(key);
    if (!ds) {
      // Deleted: the garbage collector removes its pods and revisions.
      for (const k of [...this.failedPodsBackoff.keys()]) if (!this.dsInformer.list().some((d) => k.startsWith(`${d.metadata.uid}/`))) this.failedPodsBackoff.delete(k);
      return;
    }
    const sel = ds.spec.selector;
    if (!sel || (!Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length)) {
      this.recorder.event(ds, 'Warning', 'SelectingAll', 'This daemon set is selecting all pods. A non-empty selector is required.');
      return;
    }
    if (ds.metadata.deletionTimestamp) return;
    const nodes = this.nodes();
    const { cur, old } = this.constructHistory(ds);
    const hash = cur.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '';

    // manage: one pod per eligible node.
    let nodeToPods = this.getNodesToDaemonPods(ds);
    const plan = planManage(ds, nodes, nodeToPods, hash, this.nowMs(), (node) => this.backoffRemaining(ds, node));
    for (const d of plan.podsToDelete) if (d.failed) this.recordFailedPod(ds, d);
    this.syncNodes(ds, plan.podsToDelete, plan.nodesNeedingDaemonPods, hash, 'manage');
    if (plan.retryAfterMs !== undefined) this.enqueueAfter(key, plan.retryAfterMs);

    // rollingUpdate: replace old pods, maxUnavailable (or maxSurge) nodes at a time.
    if ((ds.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate') {
      nodeToPods = this.getNodesToDaemonPods(ds);
      const r = planRollingUpdate(ds, nodes, nodeToPods, hash, this.nowMs());
      if (r.oldPodsToDelete.length || r.nodesToCreate.length) {
        this.trace(ds, 'rolling-update', undefined, `DaemonSet ${ds.metadata.name}: rolling update to revision hash ${hash}: maxUnavailable ${r.maxUnavailable}, maxSurge ${r.maxSurge}, ${r.numUnavailable} node(s) already unavailable → replacing ${r.oldPodsToDelete.map((d) => d.pod.metadata.name).join(', ') || 'nothing'}${r.nodesToCreate.length ? `, surging onto ${r.nodesToCreate.join(', ')}` : ''}`);
      }
      this.syncNodes(ds, r.oldPodsToDelete, r.nodesToCreate, hash, 'rolling update');
    }
    this.cleanupHistory(ds, old);
    this.updateDaemonSetStatus(key, hash);
  }

  /**
   * getNodesToDaemonPods: the DaemonSet's pods (claimed: matching orphans adopted, non-matching
   * own pods released), grouped by target node; terminal pods already being deleted are skipped.
   */
  private getNodesToDaemonPods(ds: DaemonSet): Map<string, Pod[]> {
    const sel = fromLabelSelector(ds.spec.selector);
    const all = this.podInformer.byIndex(BY_NAMESPACE, ds.metadata.namespace ?? '').sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
    const plan = planClaims({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: ds.metadata }, sel, all);
    const owner = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: ds.metadata };
    for (const p of plan.adopt) {
      if (adopt(this.ctx.api, PODS, owner, p, this.name)) this.trace(ds, 'adopt', p, `DaemonSet ${ds.metadata.name}: pod ${p.metadata.name} matches my selector and has no controller → adopted it`);
    }
    for (const p of plan.release) {
      if (release(this.ctx.api, PODS, owner, p, this.name)) this.trace(ds, 'release', p, `DaemonSet ${ds.metadata.name}: pod ${p.metadata.name} no longer matches my selector → released it`);
    }
    const map = new Map<string, Pod[]>();
    for (const p of plan.claimed) {
      const cur = this.podInformer.get(keyOf(p)) ?? p;
      const terminal = cur.status?.phase === 'Failed' || cur.status?.phase === 'Succeeded';
      if (terminal && cur.metadata.deletionTimestamp) continue;
      const node = getTargetNodeName(cur);
      if (node === undefined) continue;
      const list = map.get(node) ?? [];
      list.push(cur);
      map.set(node, list);
    }
    return map;
  }

  /**
   * syncNodes: delete the given pods, then create one pod per node in slow-start batches (1, 2,
   * 4, …), each pinned to its node by node affinity and bound by the default scheduler.
   */
  private syncNodes(ds: DaemonSet, podsToDelete: readonly PodToDelete[], nodesNeeding: readonly string[], hash: string, phase: string): void {
    for (const d of podsToDelete) {
      try {
        this.ctx.api.delete(PODS, d.pod.metadata.namespace ?? '', d.pod.metadata.name ?? '', { user: this.name });
        this.recorder.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${d.pod.metadata.name}`);
        this.trace(ds, 'delete', d.pod, `DaemonSet ${ds.metadata.name} (${phase}): deleted pod ${d.pod.metadata.name} because ${d.why}`);
      } catch (e) {
        if (isNotFound(e)) continue;
        this.recorder.event(ds, 'Warning', 'FailedDelete', `Error deleting: ${e instanceof Error ? e.message : String(e)}`);
        throw e;
      }
    }
    const n = Math.min(nodesNeeding.length, BURST_REPLICAS);
    if (n === 0) return;
    const template = createPodTemplate(ds, hash);
    let i = 0;
    for (const batch of slowStartBatches(n)) {
      let failed: unknown = null;
      for (let j = 0; j < batch; j++, i++) {
        const nodeName = nodesNeeding[i];
        const spec = deepCopy(template.spec!);
        spec.affinity = replaceDaemonSetPodNodeNameNodeAffinity(spec.affinity, nodeName);
        const pod: Pod = {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: {
            generateName: `${ds.metadata.name}-`,
            namespace: ds.metadata.namespace,
            labels: { ...(template.metadata?.labels ?? {}) },
            ownerReferences: [newControllerRef({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: ds.metadata })],
          },
          spec,
        };
        if (template.metadata?.annotations) pod.metadata.annotations = { ...template.metadata.annotations };
        try {
          const created = this.ctx.api.create(PODS, ds.metadata.namespace ?? '', pod, { user: this.name });
          this.recorder.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
          this.trace(ds, 'create', created, `DaemonSet ${ds.metadata.name} (${phase}): node ${nodeName} should run a daemon pod and has none → created ${created.metadata.name}, pinned to it by node affinity (metadata.name In [${nodeName}])`);
        } catch (e) {
          failed ??= e;
          this.recorder.event(ds, 'Warning', 'FailedCreate', `Error creating: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
      if (failed) throw failed;
    }
  }

  private recordFailedPod(ds: DaemonSet, d: PodToDelete): void {
    const node = getTargetNodeName(d.pod) ?? '';
    const k = `${ds.metadata.uid}/${node}`;
    const prev = this.failedPodsBackoff.get(k);
    const delayMs = prev ? Math.min(prev.delayMs * 2, FAILED_POD_BACKOFF_MAX_MS) : FAILED_POD_BACKOFF_INITIAL_MS;
    this.failedPodsBackoff.set(k, { delayMs, lastUpdate: this.ctx.clock.now() });
    this.recorder.event(ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${d.pod.metadata.namespace}/${d.pod.metadata.name} on node ${node}, will try to kill it`);
  }

  /** Milliseconds left in the failed-pod back-off of (ds, node); 0 when not backing off. */
  private backoffRemaining(ds: DaemonSet, node: string): number {
    const b = this.failedPodsBackoff.get(`${ds.metadata.uid}/${node}`);
    if (!b) return 0;
    const left = b.lastUpdate + b.delayMs - this.ctx.clock.now();
    return left > 0 ? left : 0;
  }

  private updateDaemonSetStatus(key: string, hash: string): void {
    const ds = this.dsInformer.get(key);
    if (!ds) return;
    const nodeToPods = this.getNodesToDaemonPods(ds);
    const status = calculateDaemonSetStatus(ds, this.nodes(), nodeToPods, hash, this.nowMs());
    if (!jsonEqual(status, ds.status)) {
      const copy = deepCopy(ds);
      copy.status = status;
      this.ctx.api.update(DAEMONSETS, ds.metadata.namespace ?? '', copy, { user: this.name, subresource: 'status' });
    }
    // Ready but not yet available (minReadySeconds): look again when the first one crosses the line.
    const minReady = ds.spec.minReadySeconds ?? 0;
    if (minReady > 0 && status.numberReady !== (status.numberAvailable ?? 0)) {
      let wait = Infinity;
      for (const pods of nodeToPods.values()) {
        for (const p of pods) {
          if (!isPodReady(p) || isPodAvailable(p, minReady, this.nowMs())) continue;
          const c = p.status?.conditions?.find((x) => x.type === 'Ready');
          const t = c?.lastTransitionTime ? Date.parse(c.lastTransitionTime) : this.nowMs();
          wait = Math.min(wait, t + minReady * 1000 + 1 - this.nowMs());
        }
      }
      if (Number.isFinite(wait)) this.enqueueAfter(key, Math.max(1, wait));
    }
  }

  // ---------------------------------------------------------------- history (update.go)

  private listRevisions(ds: DaemonSet): ControllerRevision[] {
    return sortControllerRevisions(this.historyInformer.byIndex(BY_CONTROLLER, ds.metadata.uid ?? '').filter((r) => r.metadata.namespace === ds.metadata.namespace));
  }

  /**
   * constructHistory: the revision equal to the current template is `cur` (created as
   * `<ds>-<hash>` with revision max+1 if none; renumbered to max+1 if it is an older one, as after
   * a rollback); every other revision is `old`.
   */
  private constructHistory(ds: DaemonSet): { cur: ControllerRevision; old: ControllerRevision[] } {
    const histories = this.listRevisions(ds);
    const hash = computeHash(ds.spec.template, ds.status?.collisionCount);
    const data = templatePatch(ds.spec.template);
    const probe = newControllerRevision({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: ds.metadata }, ds.spec.template?.metadata?.labels, data, 0, controllerRevisionName(ds.metadata.name ?? '', hash), {
      [CONTROLLER_REVISION_HASH_LABEL]: hash,
    });
    // snapshot(): `Annotations: ds.Annotations`. The DaemonSet's kubernetes.io/change-cause at the
    // time the revision is made is what `kubectl rollout history` shows as its CHANGE-CAUSE.
    if (ds.metadata.annotations && Object.keys(ds.metadata.annotations).length) probe.metadata.annotations = { ...ds.metadata.annotations };
    const max = histories.length ? histories[histories.length - 1].revision : 0;
    const equal = histories.filter((h) => jsonEqual(h.data, data));
    const old = histories.filter((h) => !equal.includes(h));
    let cur: ControllerRevision;
    if (equal.length === 0) {
      probe.revision = max + 1;
      try {
        cur = this.ctx.api.create(CONTROLLER_REVISIONS, ds.metadata.namespace ?? '', probe, { user: this.name }) as ControllerRevision;
        this.trace(ds, 'create-revision', cur, `DaemonSet ${ds.metadata.name}: its template matches no ControllerRevision → recorded revision ${cur.revision} as ${cur.metadata.name}`);
      } catch (e) {
        if (!isAlreadyExists(e)) throw e;
        // A revision of that name with different data: a hash collision. Bump collisionCount
        // (a new hash next time) and retry.
        const copy = deepCopy(ds);
        copy.status = { ...(copy.status ?? { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 }), collisionCount: (ds.status?.collisionCount ?? 0) + 1 };
        this.ctx.api.update(DAEMONSETS, ds.metadata.namespace ?? '', copy, { user: this.name, subresource: 'status' });
        throw e;
      }
    } else {
      // Keep the newest equal one; duplicates (possible after collisions) are removed.
      cur = equal[equal.length - 1];
      for (const dup of equal.slice(0, -1)) this.deleteRevision(ds, dup, 'duplicate of the current revision');
      if (cur.revision < max) {
        const copy = deepCopy(cur);
        copy.revision = max + 1;
        cur = this.ctx.api.update(CONTROLLER_REVISIONS, ds.metadata.namespace ?? '', copy, { user: this.name }) as ControllerRevision;
        this.trace(ds, 'renumber-revision', cur, `DaemonSet ${ds.metadata.name}: its template is back to that of ${cur.metadata.name} → it becomes revision ${cur.revision}`);
      }
    }
    return { cur, old };
  }

  /** cleanupHistory: keep revisionHistoryLimit old revisions that no live pod uses; delete the oldest. */
  private cleanupHistory(ds: DaemonSet, old: ControllerRevision[]): void {
    const limit = ds.spec.revisionHistoryLimit ?? 10;
    const live = new Set<string>();
    for (const p of this.podInformer.byIndex(BY_CONTROLLER, ds.metadata.uid ?? '')) {
      const h = p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL];
      if (h) live.add(h);
    }
    const removable = sortControllerRevisions(old).filter((r) => !live.has(r.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? ''));
    const toKill = removable.length - limit;
    for (const r of removable.slice(0, Math.max(0, toKill))) this.deleteRevision(ds, r, `more than revisionHistoryLimit ${limit} old revisions`);
  }

  private deleteRevision(ds: DaemonSet, r: ControllerRevision, why: string): void {
    try {
      this.ctx.api.delete(CONTROLLER_REVISIONS, r.metadata.namespace ?? '', r.metadata.name ?? '', { user: this.name });
      this.trace(ds, 'delete-revision', r, `DaemonSet ${ds.metadata.name}: deleted ControllerRevision ${r.metadata.name} (${why})`);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  // ---------------------------------------------------------------- snapshot state

  protected override saveExtra(): unknown {
    return [...this.failedPodsBackoff.entries()];
  }

  protected override loadExtra(s: unknown): void {
    this.failedPodsBackoff = new Map((s as [string, { delayMs: number; lastUpdate: number }][] | null) ?? []);
  }
}
