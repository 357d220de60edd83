// Mirrors pkg/controller/statefulset/stateful_set.go (informer handlers, syncStatefulSet,
// getPodsForStatefulSet) and the history half of stateful_set_control.go
// (getStatefulSetRevisions, truncateHistory, updateStatefulSetStatus). The ordering logic is in
// stateful_set_control.ts, the writes in stateful_pod_control.ts.
import type { ControllerRevision, StatefulSet, StatefulSetStatus } from '../../api/apps';
import type { Pod } from '../../api/core';
import type { KubeObject, OwnerReference } from '../../api/meta';
import { deepCopy, keyOf, objectKey } from '../../api/meta';
import { fromLabelSelector, matches } from '../../api/labels';
import type { GVR } from '../../apiserver/apiserver';
import { jsonEqual } from '../../apiserver/apiserver';
import { isAlreadyExists, isNotFound } from '../../apiserver/errors';
import type { Informer } from '../../client/informer';
import { BY_CONTROLLER, BY_NAMESPACE } from '../../client/informer';
import type { ComponentContext } from '../../component';
import type { ObjectRef } from '../../sim/trace';
import { Controller } from '../controller';
import { CONTROLLER_REVISIONS, equalRevision, findEqualRevisions, nextRevision, sortControllerRevisions } from '../history/controller_history';
import { adopt, planClaims, release } from '../replicaset/controller_ref_manager';
import { PVCS, RealStatefulPodControl } from './stateful_pod_control';
import { updateStatefulSet } from './stateful_set_control';
import { applyRevision, completeRollingUpdate, getPodRevision, isMemberOf, newRevision } from './stateful_set_utils';
import { ownersToSync, resolveControllerRef } from '../controller_ref';

export const STATEFULSETS: GVR = { group: 'apps', resource: 'statefulsets' };
const PODS: GVR = { group: '', resource: 'pods' };

export class StatefulSetController extends Controller {
  private readonly setInformer: Informer<StatefulSet>;
  private readonly podInformer: Informer<Pod>;
  private readonly historyInformer: Informer<ControllerRevision>;
  private claimInformer?: Informer;
  private podControl?: RealStatefulPodControl;

  constructor(ctx: ComponentContext) {
    super('statefulset-controller', ctx);
    this.setInformer = ctx.informers.for<StatefulSet>(STATEFULSETS);
    this.podInformer = ctx.informers.for<Pod>(PODS);
    this.historyInformer = ctx.informers.for<ControllerRevision>(CONTROLLER_REVISIONS);
  }

  start(): void {
    if (this.ctx.api.served(PVCS.group, PVCS.resource)) this.claimInformer = this.ctx.informers.for(PVCS);
    const claims = this.claimInformer;
    this.podControl = new RealStatefulPodControl(
      this.ctx.api,
      this.ctx.events.for({ component: 'statefulset-controller' }),
      this.ctx.trace,
      this.name,
      claims ? (ns, name) => claims.get(objectKey(ns, name)) : undefined,
    );
    this.setInformer.addHandler({
      add: (s) => this.enqueue(keyOf(s)),
      update: (_o, s) => this.enqueue(keyOf(s)),
      delete: (s) => this.enqueue(keyOf(s)),
    });
    this.podInformer.addHandler({
      add: (p) => this.onPod(p, undefined),
      update: (o, p) => this.onPod(p, o),
      delete: (p) => this.onPod(p, undefined),
    });
  }

  // ---------------------------------------------------------------- handlers (enqueue only)

  private resolveControllerRef(namespace: string | undefined, ref: OwnerReference | undefined): StatefulSet | undefined {
    return resolveControllerRef(this.setInformer, 'StatefulSet', namespace, ref);
  }

  private onPod(p: Pod, old: Pod | undefined): void {
    for (const o of ownersToSync(this.setInformer, 'StatefulSet', p, old)) this.enqueue(keyOf(o));
  }


  // ---------------------------------------------------------------- sync

  private nowMs(): number {
    return this.ctx.clock.epochMs + this.ctx.clock.now();
  }

  private refOf(o: KubeObject): ObjectRef {
    return { kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name ?? '', uid: o.metadata.uid };
  }

  protected sync(key: string): void {
    this.syncStatefulSet(key);
  }

  syncStatefulSet(key: string): void {
    const set = this.setInformer.get(key);
    if (!set) return;
    const sel = fromLabelSelector(set.spec.selector);
    if (!sel || sel.length === 0) return;
    const pods = this.getPodsForStatefulSet(set, sel);
    const revisions = this.listRevisions(set);
    const { current, update, collisionCount } = this.getStatefulSetRevisions(set, revisions);
    const status = updateStatefulSet(
      set,
      { currentSet: applyRevision(set, current), updateSet: applyRevision(set, update), currentRevision: current.metadata.name ?? '', updateRevision: update.metadata.name ?? '', collisionCount },
      pods,
      this.podControl!,
      this.nowMs(),
    );
    this.updateStatefulSetStatus(set, status);
    this.truncateHistory(set, current, update);
    // Ready but not yet available for minReadySeconds: look again when that changes.
    const minReady = set.spec.minReadySeconds ?? 0;
    if (minReady > 0 && (status.availableReplicas ?? 0) !== (status.readyReplicas ?? 0)) this.enqueueAfter(key, minReady * 1000);
  }

  /**
   * getPodsForStatefulSet: pods in the namespace matching the selector *and* named like members
   * (`<set>-<n>`): orphans are adopted, own pods that no longer qualify are released.
   */
  private getPodsForStatefulSet(set: StatefulSet, sel: ReturnType<typeof fromLabelSelector>): Pod[] {
    const all = this.podInformer.byIndex(BY_NAMESPACE, set.metadata.namespace ?? '').sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
    const owner = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: set.metadata };
    const filter = (p: Pod) => isMemberOf(set, p);
    const plan = planClaims(owner, sel, all);
    const claimed: Pod[] = [];
    for (const p of plan.claimed) {
      if (plan.adopt.includes(p)) {
        if (!filter(p)) continue;
        if (adopt(this.ctx.api, PODS, owner, p, this.name)) {
          this.ctx.trace.record({ component: this.name, action: 'adopt', object: this.refOf(p), cause: this.refOf(set), message: `StatefulSet ${set.metadata.name}: pod ${p.metadata.name} matches my selector and name → adopted it` });
        }
      } else if (!filter(p)) {
        release(this.ctx.api, PODS, owner, p, this.name);
        continue;
      }
      claimed.push(this.podInformer.get(keyOf(p)) ?? p);
    }
    for (const p of plan.release) release(this.ctx.api, PODS, owner, p, this.name);
    return claimed;
  }

  private listRevisions(set: StatefulSet): ControllerRevision[] {
    return sortControllerRevisions(this.historyInformer.byIndex(BY_CONTROLLER, set.metadata.uid ?? '').filter((r) => r.metadata.namespace === set.metadata.namespace));
  }

  /**
   * getStatefulSetRevisions: the update revision is the one equal to the current template —
   * the newest revision (nothing changed), an older one (rolled back: renumbered to max+1), or a
   * new one (created). The current revision is status.currentRevision, or the update revision
   * for a brand-new set.
   */
  private getStatefulSetRevisions(set: StatefulSet, revisions: ControllerRevision[]): { current: ControllerRevision; update: ControllerRevision; collisionCount: number } {
    const collisionCount = set.status?.collisionCount ?? 0;
    let update = newRevision(set, nextRevision(revisions), collisionCount);
    const equal = findEqualRevisions(revisions, update);
    const ns = set.metadata.namespace ?? '';
    if (equal.length > 0 && revisions.length && equalRevision(revisions[revisions.length - 1], equal[equal.length - 1])) {
      update = revisions[revisions.length - 1];
    } else if (equal.length > 0) {
      const copy = deepCopy(equal[equal.length - 1]);
      copy.revision = update.revision;
      update = this.ctx.api.update(CONTROLLER_REVISIONS, ns, copy, { user: this.name }) as ControllerRevision;
      this.ctx.trace.record({ component: this.name, action: 'renumber-revision', object: this.refOf(update), cause: this.refOf(set), message: `StatefulSet ${set.metadata.name}: its template is back to that of ${update.metadata.name} → it becomes revision ${update.revision}` });
    } else {
      try {
        update = this.ctx.api.create(CONTROLLER_REVISIONS, ns, update, { user: this.name }) as ControllerRevision;
        this.ctx.trace.record({ component: this.name, action: 'create-revision', object: this.refOf(update), cause: this.refOf(set), message: `StatefulSet ${set.metadata.name}: new template → recorded revision ${update.revision} as ${update.metadata.name}` });
      } catch (e) {
        if (!isAlreadyExists(e)) throw e;
        const existing = this.historyInformer.get(objectKey(ns, update.metadata.name ?? ''));
        if (existing && equalRevision(existing, update)) update = existing;
        else {
          // Hash collision: bump collisionCount and try again with a new hash.
          const copy = deepCopy(set);
          copy.status = { ...(copy.status ?? { replicas: 0, availableReplicas: 0 }), collisionCount: collisionCount + 1 };
          this.ctx.api.update(STATEFULSETS, ns, copy, { user: this.name, subresource: 'status' });
          throw e;
        }
      }
    }
    const current = revisions.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
    return { current, update, collisionCount };
  }

  /** updateStatefulSetStatus (after completeRollingUpdate); only when something changed. */
  private updateStatefulSetStatus(set: StatefulSet, status: StatefulSetStatus): void {
    completeRollingUpdate(set, status);
    const cur = this.setInformer.get(keyOf(set));
    if (!cur || cur.metadata.uid !== set.metadata.uid) return;
    const next: StatefulSetStatus = { ...status };
    if (cur.status?.conditions) next.conditions = cur.status.conditions;
    // readyReplicas, currentReplicas, updatedReplicas are omitempty in apps/v1.
    for (const k of ['readyReplicas', 'currentReplicas', 'updatedReplicas'] as const) if (!next[k]) delete next[k];
    if (jsonEqual(next, cur.status)) return;
    if (cur.status?.currentRevision !== next.currentRevision && cur.status?.currentRevision) {
      this.ctx.trace.record({ component: this.name, action: 'rollout-complete', object: this.refOf(set), message: `StatefulSet ${set.metadata.name}: every pod runs ${next.updateRevision} and is Ready → current revision is now ${next.currentRevision}` });
    }
    const copy = deepCopy(cur);
    copy.status = next;
    this.ctx.api.update(STATEFULSETS, set.metadata.namespace ?? '', copy, { user: this.name, subresource: 'status' });
  }

  /** truncateHistory: keep revisionHistoryLimit revisions no pod, current or update uses. */
  private truncateHistory(set: StatefulSet, current: ControllerRevision, update: ControllerRevision): void {
    const live = new Set<string>([current.metadata.name ?? '', update.metadata.name ?? '']);
    for (const p of this.podInformer.byIndex(BY_CONTROLLER, set.metadata.uid ?? '')) live.add(getPodRevision(p));
    const history = this.listRevisions(set).filter((r) => !live.has(r.metadata.name ?? ''));
    const limit = set.spec.revisionHistoryLimit ?? 10;
    for (const r of history.slice(0, Math.max(0, history.length - limit))) {
      try {
        this.ctx.api.delete(CONTROLLER_REVISIONS, r.metadata.namespace ?? '', r.metadata.name ?? '', { user: this.name });
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    }
  }
}
