// Mirrors pkg/controller/replicaset/replica_set.go: keeps the number of active pods of each
// ReplicaSet equal to spec.replicas (syncReplicaSet → claimPods → manageReplicas →
// calculateStatus). The same class serves ReplicationControllers (see replication_controller.ts),
// as upstream's ReplicationManager wraps this controller.
//
// No "expectations" machinery: upstream needs it because its informer cache lags behind its own
// writes. Here watch delivery is synchronous, so every create/delete we make is already in the
// pod informer when the next sync runs.
import type { Pod, PodTemplateSpec } from '../../api/core';
import type { KubeObject, OwnerReference } from '../../api/meta';
import { controllerOf, deepCopy, keyOf, objectKey } from '../../api/meta';
import type { Selector } from '../../api/labels';
import { fromLabelSelector, fromSet, matches } from '../../api/labels';
import type { GVR } from '../../apiserver/apiserver';
import { jsonEqual } from '../../apiserver/apiserver';
import { isNotFound } from '../../apiserver/errors';
import type { Informer } from '../../client/informer';
import { BY_CONTROLLER, BY_NAMESPACE, BY_ORPHAN } from '../../client/informer';
import type { Recorder } from '../../client/recorder';
import type { ComponentContext } from '../../component';
import type { ObjectRef } from '../../sim/trace';
import { Controller } from '../controller';
import { BURST_REPLICAS, getPodsToDelete, isPodActive, isPodReady, slowStartBatches } from './controller_utils';
import { newControllerRef, planClaims, adopt, release } from './controller_ref_manager';
import type { ReplicaSetLike } from './replica_set_utils';
import { calculateStatus, nextAvailableCheckMs } from './replica_set_utils';
import { PodFactsCache, type SyncContext } from './pod_facts';

export const PODS: GVR = { group: '', resource: 'pods' };

/** A ReplicaSet or a ReplicationController, seen through the fields this controller uses. */
export type ReplicaSetObject = KubeObject & ReplicaSetLike & { spec: { selector?: unknown; template?: PodTemplateSpec } };

/** What differs between the ReplicaSet and ReplicationController flavours. */
export interface ReplicaSetKind {
  gvr: GVR;
  apiVersion: string;
  kind: string;
  /** Source component on Events (upstream: 'replicaset-controller' / 'replication-controller'). */
  eventComponent: string;
  selector(obj: ReplicaSetObject): Selector | null;
}

export const REPLICASET_KIND: ReplicaSetKind = {
  gvr: { group: 'apps', resource: 'replicasets' },
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  eventComponent: 'replicaset-controller',
  selector: (rs) => {
    const sel = rs.spec.selector as Parameters<typeof fromLabelSelector>[0];
    // Validation rejects an empty selector; treat one as "selects nothing" rather than everything.
    if (!sel || (!Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length)) return null;
    return fromLabelSelector(sel);
  },
};

export class ReplicaSetController extends Controller {
  protected readonly rsInformer: Informer<ReplicaSetObject>;
  protected readonly podInformer: Informer<Pod>;
  protected readonly recorder: Recorder;

  constructor(ctx: ComponentContext, readonly rsKind: ReplicaSetKind = REPLICASET_KIND, name = 'replicaset-controller') {
    super(name, ctx);
    this.rsInformer = ctx.informers.for<ReplicaSetObject>(rsKind.gvr);
    this.podInformer = ctx.informers.for<Pod>(PODS);
    this.recorder = ctx.events.for({ component: rsKind.eventComponent });
  }

  start(): void {
    this.rsInformer.addHandler({
      add: (rs) => this.enqueue(keyOf(rs)),
      update: (_old, cur) => this.enqueue(keyOf(cur)),
      delete: (rs) => this.enqueue(keyOf(rs)),
    });
    this.podInformer.addHandler({
      add: (pod) => this.onPodChange(pod, undefined),
      update: (old, cur) => this.onPodChange(cur, old),
      delete: (pod) => this.onPodDelete(pod),
    });
  }

  // ---------------------------------------------------------------- event handlers (enqueue only)

  /** Resolve a controller ref to our object, by UID (a same-named successor is not the owner). */
  private resolveControllerRef(namespace: string | undefined, ref: OwnerReference): ReplicaSetObject | undefined {
    if (ref.kind !== this.rsKind.kind) return undefined;
    const rs = this.rsInformer.get(objectKey(namespace, ref.name));
    return rs && rs.metadata.uid === ref.uid ? rs : undefined;
  }

  /**
   * The RS's selector, compiled once per stored version: cached objects are frozen, so the object
   * itself is the cache key (a new resourceVersion is a new object).
   */
  private selectors = new WeakMap<ReplicaSetObject, Selector | null>();
  protected selectorOf(rs: ReplicaSetObject): Selector | null {
    let sel = this.selectors.get(rs);
    if (sel === undefined) {
      sel = this.rsKind.selector(rs);
      this.selectors.set(rs, sel);
    }
    return sel;
  }

  /** getPodReplicaSets: every RS in the pod's namespace whose selector matches it. */
  private matchingOwners(pod: Pod): ReplicaSetObject[] {
    return this.rsInformer
      .byIndex(BY_NAMESPACE, pod.metadata.namespace ?? '')
      .filter((rs) => {
        const sel = this.selectorOf(rs);
        return sel !== null && matches(sel, pod.metadata.labels);
      });
  }

  private onPodChange(pod: Pod, old: Pod | undefined): void {
    const oldRef = old ? controllerOf(old) : undefined;
    const ref = controllerOf(pod);
    if (oldRef && oldRef.uid !== ref?.uid) {
      const prev = this.resolveControllerRef(old!.metadata.namespace, oldRef);
      if (prev) this.enqueue(keyOf(prev));
    }
    if (ref) {
      const rs = this.resolveControllerRef(pod.metadata.namespace, ref);
      if (rs) this.enqueue(keyOf(rs));
      return;
    }
    // An orphan: any matching RS may want to adopt it.
    if (!old || !jsonEqual(old.metadata.labels, pod.metadata.labels) || oldRef) {
      for (const rs of this.matchingOwners(pod)) this.enqueue(keyOf(rs));
    }
  }

  private onPodDelete(pod: Pod): void {
    const ref = controllerOf(pod);
    if (!ref) return;
    const rs = this.resolveControllerRef(pod.metadata.namespace, ref);
    if (rs) this.enqueue(keyOf(rs));
  }

  // ---------------------------------------------------------------- sync

  private nowMs(): number {
    return this.ctx.clock.epochMs + this.ctx.clock.now();
  }

  private refOf(obj: KubeObject): ObjectRef {
    return { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name ?? '', uid: obj.metadata.uid };
  }

  /** syncReplicaSet: re-read everything for this key and converge one step. */
  protected sync(key: string): void {
    this.syncReplicaSet(key);
  }

  /** Per-pod answers, remembered per stored pod object (see pod_facts.ts). */
  private readonly podFacts = new PodFactsCache();

  private syncContext(rs: ReplicaSetObject): SyncContext {
    return this.podFacts.context(rs.metadata.uid ?? '', rs.metadata.namespace ?? '', rs.spec, rs.spec.template?.metadata?.labels, () => this.selectorOf(rs));
  }

  syncReplicaSet(key: string): void {
    const rs = this.rsInformer.get(key);
    if (!rs) return;
    const selector = this.selectorOf(rs);
    const context = this.syncContext(rs);
    const cacheVersion = this.podInformer.changeCount();
    const { claimed: filteredPods, owned: ownedBefore } = this.claimPods(rs, selector, context);

    let manageErr: Error | null = null;
    if (!rs.metadata.deletionTimestamp && selector !== null) manageErr = this.manageReplicas(filteredPods, rs);

    // Re-read: manageReplicas' writes are already in the cache (synchronous watch).
    const current = this.rsInformer.get(key);
    if (!current || current.metadata.uid !== rs.metadata.uid) return;
    const nowMs = this.nowMs();
    // The pods we own now. Most syncs write no pod (a pod's status changed, the count is right),
    // and then the list read by claimPods is still current. It is not sorted: the status counts
    // do not depend on order, and this runs after every status change of every pod (sorting
    // 1,000 pods each time made a 1,000-replica ReplicaSet slow).
    const owned = this.podInformer.changeCount() === cacheVersion ? ownedBefore : this.ownedPods(rs, context);
    const currentContext = current === rs ? context : this.syncContext(current);
    const status = calculateStatus(current, owned, manageErr, nowMs, this.ctx.clock.iso(), (p) => this.podFacts.of(p, currentContext));
    if (!jsonEqual(status, current.status)) {
      const copy = deepCopy(current);
      copy.status = status;
      this.ctx.api.update(this.rsKind.gvr, current.metadata.namespace ?? '', copy, { user: this.name, subresource: 'status' });
    }
    // A pod that is Ready but not yet Ready for minReadySeconds becomes available later with no
    // event to tell us: look again when the first one crosses the line.
    const wait = nextAvailableCheckMs(owned, current.spec.minReadySeconds ?? 0, nowMs);
    if (wait !== undefined) this.enqueueAfter(key, wait);
    if (manageErr) throw manageErr;
  }

  /**
   * claimPods: adopt matching orphans, release our pods that stopped matching. Only active pods
   * that we control or that have no controller can be claimed (ClaimObject skips pods another
   * controller owns), so those are all we read: the controller-UID index and the orphan index,
   * not every pod of the namespace. Adoptions and releases happen in name order (deterministic);
   * the claimed pods come back unordered (manageReplicas sorts them when it has to choose).
   */
  private claimPods(rs: ReplicaSetObject, selector: Selector | null, context: SyncContext): { claimed: Pod[]; owned: Pod[] } {
    const ns = rs.metadata.namespace ?? '';
    const uid = rs.metadata.uid ?? '';
    const deleting = !!rs.metadata.deletionTimestamp;
    const owned: Pod[] = [];
    const claimed: Pod[] = [];
    const releasing: Pod[] = [];
    // The pods we control: ClaimObject's first branch (planClaims), inlined with the cached
    // per-pod answers, as this is nearly every pod and runs on every sync.
    for (const p of this.podInformer.byIndex(BY_CONTROLLER, uid)) {
      if (p.metadata.namespace !== ns) continue;
      const f = this.podFacts.of(p, context);
      if (!f.active) continue;
      if (selector === null || f.selected) owned.push(p);
      if (f.controllerUid !== uid) continue; // another controller reference comes first
      if (f.selected) claimed.push(p);
      else if (!deleting) releasing.push(p);
    }
    // The orphans: planClaims decides which to adopt.
    const orphans: Pod[] = [];
    for (const p of this.podInformer.byIndex(BY_ORPHAN, ns)) if (isPodActive(p)) orphans.push(p);
    const plan = orphans.length ? planClaims(rs, selector, orphans) : { adopt: [] as Pod[], release: [] as Pod[] };
    plan.release = releasing;
    const owner = { apiVersion: this.rsKind.apiVersion, kind: this.rsKind.kind, metadata: rs.metadata };
    for (const p of plan.adopt.sort(byName)) {
      if (adopt(this.ctx.api, PODS, owner, p, this.name)) {
        claimed.push(p);
        this.ctx.trace.record({
          component: this.name, action: 'adopt', object: this.refOf(p), cause: this.refOf(rs),
          message: `${rs.kind} ${rs.metadata.name}: pod ${p.metadata.name} matches my selector and has no controller → adopted it`,
        });
      }
    }
    for (const p of plan.release.sort(byName)) {
      if (release(this.ctx.api, PODS, owner, p, this.name)) {
        this.ctx.trace.record({
          component: this.name, action: 'release', object: this.refOf(p), cause: this.refOf(rs),
          message: `${rs.kind} ${rs.metadata.name}: pod ${p.metadata.name} no longer matches my selector → released it`,
        });
      }
    }
    return { claimed, owned };
  }

  /** The active pods in the RS's namespace that carry its controller ref and match its selector. */
  private ownedPods(rs: ReplicaSetObject, context: SyncContext): Pod[] {
    const owned: Pod[] = [];
    for (const p of this.podInformer.byIndex(BY_CONTROLLER, rs.metadata.uid ?? '')) {
      if (p.metadata.namespace !== rs.metadata.namespace) continue;
      const f = this.podFacts.of(p, context);
      if (f.active && (context.selector === null || f.selected)) owned.push(p);
    }
    return owned;
  }

  /**
   * manageReplicas: create or delete pods so that active pods = spec.replicas.
   * 3 wanted, 1 active: diff -2 → create in slow-start batches [1, 1]. 5 active, 3 wanted:
   * delete the 2 best victims by ActivePodsWithRanks. At most BurstReplicas (500) per sync.
   */
  private manageReplicas(pods: Pod[], rs: ReplicaSetObject): Error | null {
    const want = rs.spec.replicas ?? 1;
    const have = pods.length;
    const diff = have - want;
    if (diff < 0) {
      const n = Math.min(-diff, BURST_REPLICAS);
      let created = 0;
      let attempted = 0;
      for (const batch of slowStartBatches(n)) {
        attempted += batch;
        let firstErr: Error | null = null;
        for (let i = 0; i < batch; i++) {
          const err = this.createPod(rs, want, have + created);
          if (err) firstErr ??= err;
          else created++;
        }
        if (firstErr) {
          this.ctx.trace.record({
            component: this.name, action: 'create-failed', object: this.refOf(rs), cause: this.ownerCause(rs),
            message: `${rs.kind} ${rs.metadata.name}: want ${want}, have ${have + created} → creation failed (${firstErr.message}); skipped the other ${n - attempted} creates until the next sync`,
          });
          return firstErr;
        }
      }
      return null;
    }
    if (diff > 0) {
      const n = Math.min(diff, BURST_REPLICAS);
      const related = this.getIndirectlyRelatedPods(rs);
      // Name order first, so that ties in the (stable) ranking are broken the same way every run.
      const victims = getPodsToDelete([...pods].sort(byName), related, n, this.nowMs());
      let firstErr: Error | null = null;
      let remaining = have;
      for (const p of victims) {
        try {
          this.ctx.api.delete(PODS, p.metadata.namespace ?? '', p.metadata.name ?? '', { user: this.name });
          remaining--;
          this.recorder.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${p.metadata.name}`);
          this.ctx.trace.record({
            component: this.name, action: 'delete', object: this.refOf(p), cause: this.refOf(rs),
            message: `${rs.kind} ${rs.metadata.name}: want ${want}, have ${remaining + 1} → deleted pod ${p.metadata.name} (${victimReason(p)})`,
          });
        } catch (e) {
          if (isNotFound(e)) continue;
          const err = e instanceof Error ? e : new Error(String(e));
          this.recorder.event(rs, 'Warning', 'FailedDelete', `Error deleting: ${err.message}`);
          firstErr ??= err;
        }
      }
      return firstErr;
    }
    return null;
  }

  private ownerCause(rs: ReplicaSetObject): ObjectRef | undefined {
    const ref = controllerOf(rs);
    return ref ? { kind: ref.kind, namespace: rs.metadata.namespace, name: ref.name, uid: ref.uid } : undefined;
  }

  /** CreatePods: a pod from the template (GetPodFromTemplate), generateName `<rs-name>-`. */
  private createPod(rs: ReplicaSetObject, want: number, have: number): Error | null {
    const t = rs.spec.template;
    const meta = t?.metadata ?? {};
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: `${rs.metadata.name}-`,
        namespace: rs.metadata.namespace,
        labels: { ...(meta.labels ?? {}) },
        ownerReferences: [newControllerRef({ apiVersion: this.rsKind.apiVersion, kind: this.rsKind.kind, metadata: rs.metadata })],
      },
      spec: deepCopy(t?.spec ?? { containers: [] }),
    };
    if (meta.annotations) pod.metadata.annotations = { ...meta.annotations };
    if (meta.finalizers) pod.metadata.finalizers = [...meta.finalizers];
    try {
      const created = this.ctx.api.create(PODS, rs.metadata.namespace ?? '', pod, { user: this.name });
      this.recorder.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
      this.ctx.trace.record({
        component: this.name, action: 'create', object: this.refOf(created), cause: this.refOf(rs),
        message: `${rs.kind} ${rs.metadata.name}: want ${want}, have ${have} → created pod ${created.metadata.name}`,
      });
      return null;
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      this.recorder.event(rs, 'Warning', 'FailedCreate', `Error creating: ${err.message}`);
      return err;
    }
  }

  /**
   * getIndirectlyRelatedPods: pods selected by any RS with the same controller (the sibling
   * ReplicaSets of one Deployment), used to rank "doubled up" pods. No controller → none.
   */
  private getIndirectlyRelatedPods(rs: ReplicaSetObject): Pod[] {
    const ref = controllerOf(rs);
    if (!ref) return [];
    const seen = new Set<string>();
    const out: Pod[] = [];
    const siblings = this.rsInformer
      .byIndex(BY_CONTROLLER, ref.uid)
      .filter((x) => x.metadata.namespace === rs.metadata.namespace)
      .sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
    const nsPods = this.podInformer.byIndex(BY_NAMESPACE, rs.metadata.namespace ?? '');
    for (const sib of siblings) {
      const sel = this.selectorOf(sib);
      if (!sel) continue;
      for (const p of nsPods) {
        if (!matches(sel, p.metadata.labels) || seen.has(p.metadata.uid ?? '')) continue;
        seen.add(p.metadata.uid ?? '');
        out.push(p);
      }
    }
    return out;
  }
}

function byName(a: KubeObject, b: KubeObject): number {
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
}

/** A plain-words hint of why a pod was picked first (the trace's explanation). */
function victimReason(p: Pod): string {
  if (!p.spec.nodeName) return 'not yet scheduled';
  if (p.status?.phase !== 'Running') return `phase ${p.status?.phase ?? 'Pending'}`;
  if (!isPodReady(p)) return 'not Ready';
  return 'ranked first by ActivePodsWithRanks';
}

/** Selector of a ReplicationController: its map, defaulted from the template labels. */
export function rcSelector(rc: ReplicaSetObject): Selector | null {
  const set = (rc.spec.selector as Record<string, string> | undefined) ?? rc.spec.template?.metadata?.labels;
  if (!set || Object.keys(set).length === 0) return null;
  return fromSet(set);
}
