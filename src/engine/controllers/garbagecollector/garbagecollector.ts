// Garbage collector: mirrors pkg/controller/garbagecollector (garbagecollector.go:
// attemptToDeleteItem, processDeletingDependentsItem, orphanDependents; graph_builder.go).
// Upstream keeps its own graph of uid → node; here the graph *is* the shared informers: each
// watched resource is indexed by uid and by owner uid, so "who owns X" and "whom does X own" are
// index lookups, and every decision re-reads the current state (level-triggered).
import type { KubeObject, OwnerReference } from '../../api/meta';
import { deepCopy, keyOf, objectKey } from '../../api/meta';
import type { ResourceInfo } from '../../api/resources';
import { splitApiVersion } from '../../api/resources';
import { isNotFound, isStatusError } from '../../apiserver/errors';
import { BY_OWNER, type Informer } from '../../client/informer';
import type { ComponentContext } from '../../component';
import type { ObjectRef } from '../../sim/trace';
import { grKey } from '../../store/store';
import { Controller } from '../controller';
import {
  FINALIZER_DELETE_DEPENDENTS,
  FINALIZER_ORPHAN,
  blocksOwner,
  decideAttemptToDelete,
  type ClassifiedRef,
  type OwnerState,
} from './graph';

export interface GCResource {
  group: string;
  resource: string;
}

/**
 * Resources whose objects can own or be owned. Nodes own mirror pods. Later issues add their kinds
 * here (DaemonSets, StatefulSets, Jobs, CronJobs, EndpointSlices, …); resources the API server
 * does not serve are skipped.
 */
export const GC_RESOURCES: GCResource[] = [
  { group: 'apps', resource: 'deployments' },
  { group: 'apps', resource: 'replicasets' },
  { group: '', resource: 'replicationcontrollers' },
  { group: 'batch', resource: 'cronjobs' },
  { group: 'batch', resource: 'jobs' },
  { group: 'apps', resource: 'daemonsets' },
  { group: 'apps', resource: 'statefulsets' },
  { group: 'apps', resource: 'controllerrevisions' },
  { group: '', resource: 'pods' },
  { group: '', resource: 'nodes' },
];

const BY_UID = 'uid';

interface Watched {
  gr: string;
  info: ResourceInfo;
  informer: Informer;
}

export class GarbageCollector extends Controller {
  private watched = new Map<string, Watched>();

  constructor(ctx: ComponentContext, private readonly resources: GCResource[] = GC_RESOURCES) {
    super('garbagecollector', ctx);
  }

  start(): void {
    for (const r of this.resources) {
      if (!this.ctx.api.served(r.group, r.resource)) continue;
      const info = this.ctx.api.catalogue.get(r.group, r.resource);
      if (!info) continue;
      const gr = grKey(r.group, r.resource);
      const informer = this.ctx.informers.for(r);
      informer.addIndex(BY_UID, (o) => (o.metadata.uid ? [o.metadata.uid] : []));
      this.watched.set(gr, { gr, info, informer });
      informer.addHandler({
        add: (o) => this.onChange(gr, undefined, o),
        update: (old, o) => this.onChange(gr, old, o),
        delete: (o) => this.onDelete(o),
      });
    }
  }

  // ---------------------------------------------------------------- graph builder (handlers)

  private onChange(gr: string, old: KubeObject | undefined, obj: KubeObject): void {
    const m = obj.metadata;
    // Most updates (status writes, a bind) keep the stored lists themselves: same object, unchanged.
    const refsChanged = !old || (old.metadata.ownerReferences !== m.ownerReferences && JSON.stringify(old.metadata.ownerReferences ?? []) !== JSON.stringify(m.ownerReferences ?? []));
    const deletionChanged =
      !old ||
      old.metadata.deletionTimestamp !== m.deletionTimestamp ||
      (old.metadata.finalizers !== m.finalizers && JSON.stringify(old.metadata.finalizers ?? []) !== JSON.stringify(m.finalizers ?? []));
    // The object itself: check its owners, or run its orphan / foreground finalizer.
    if ((m.ownerReferences?.length && refsChanged) || (m.deletionTimestamp && hasGCFinalizer(obj) && deletionChanged)) {
      this.enqueue(itemKey(gr, obj));
    }
    // Owners waiting for their dependents re-check when a dependent starts or stops blocking.
    if (old && (refsChanged || deletionChanged)) {
      for (const r of [...(old.metadata.ownerReferences ?? []), ...(m.ownerReferences ?? [])]) this.enqueueOwnerIfDeleting(r, obj);
    }
  }

  private onDelete(obj: KubeObject): void {
    // Its dependents may now be dangling; its owners may have been waiting for it.
    for (const d of this.dependentsOf(obj)) this.enqueue(d.key);
    for (const r of obj.metadata.ownerReferences ?? []) this.enqueueOwnerIfDeleting(r, obj);
  }

  private enqueueOwnerIfDeleting(ref: OwnerReference, dependent: KubeObject): void {
    const target = this.ownerLocation(ref, dependent);
    if (!target) return;
    const owner = target.watched?.informer.get(target.key);
    if (owner && owner.metadata.uid === ref.uid && owner.metadata.deletionTimestamp) this.enqueue(`${target.gr}|${target.key}`);
  }

  // ---------------------------------------------------------------- workers

  protected override sync(key: string): void {
    const bar = key.indexOf('|');
    const gr = key.slice(0, bar);
    const w = this.watched.get(gr);
    const obj = w?.informer.get(key.slice(bar + 1));
    if (!w || !obj) return;
    const finalizers = obj.metadata.finalizers ?? [];
    if (obj.metadata.deletionTimestamp) {
      if (finalizers.includes(FINALIZER_ORPHAN)) this.orphanDependents(w, obj);
      else if (finalizers.includes(FINALIZER_DELETE_DEPENDENTS)) this.processDeletingDependents(w, obj);
      return;
    }
    if (obj.metadata.ownerReferences?.length) this.attemptToDeleteItem(w, obj);
  }

  /** attemptToDeleteItem: classify the owners and delete, unlink or keep the object. */
  private attemptToDeleteItem(w: Watched, obj: KubeObject): void {
    const refs: ClassifiedRef[] = (obj.metadata.ownerReferences ?? []).map((ref) => ({ ref, state: this.classify(ref, obj) }));
    const decision = decideAttemptToDelete(refs, this.dependentsOf(obj).length > 0, obj.metadata.finalizers ?? []);
    const name = describe(w.info, obj);
    if (decision.kind === 'keep') return;
    if (decision.kind === 'removeRefs') {
      const gone = refs.filter((r) => decision.uids.includes(r.ref.uid)).map((r) => `${r.ref.kind} ${r.ref.name}`);
      this.removeOwnerRefs(w, obj, decision.uids);
      this.trace('unlink', w.info, obj, `${name} keeps its other owners; removed the reference(s) to ${gone.join(', ')}, which ${gone.length > 1 ? 'are' : 'is'} gone or being deleted.`);
      return;
    }
    const why = refs
      .map((r) => (r.state === 'waiting' ? `its owner ${r.ref.kind} ${r.ref.name} is being deleted in the foreground` : `its owner ${r.ref.kind} ${r.ref.name} (uid ${r.ref.uid}) no longer exists`))
      .join('; ');
    this.trace('delete', w.info, obj, `Deleting ${name} (propagationPolicy=${decision.policy}): ${why}.`, refs[0]?.ref);
    this.deleteObject(w, obj, decision.policy);
  }

  /**
   * processDeletingDependentsItem: the owner has deletionTimestamp + foregroundDeletion. Delete
   * every dependent not yet being deleted; remove the finalizer once no dependent with
   * blockOwnerDeletion remains. Terminating pods still count: a Deployment deleted in the
   * foreground disappears only after its last pod is really gone.
   */
  private processDeletingDependents(w: Watched, owner: KubeObject): void {
    const deps = this.dependentsOf(owner);
    for (const d of deps) if (!d.obj.metadata.deletionTimestamp) this.enqueue(d.key);
    const blocking = deps.filter((d) => blocksOwner(d.obj.metadata.ownerReferences, owner.metadata.uid!));
    if (blocking.length > 0) return;
    this.removeFinalizer(w, owner, FINALIZER_DELETE_DEPENDENTS);
    this.trace('finalize', w.info, owner, `${describe(w.info, owner)} has no dependents left that block its deletion: removed the foregroundDeletion finalizer, so the API server deletes it now.`);
  }

  /** orphanDependents: drop the owner's uid from every dependent, then the orphan finalizer. */
  private orphanDependents(w: Watched, owner: KubeObject): void {
    const deps = this.dependentsOf(owner);
    for (const d of deps) this.removeOwnerRefs(d.watched, d.obj, [owner.metadata.uid!]);
    this.removeFinalizer(w, owner, FINALIZER_ORPHAN);
    const names = deps.map((d) => describe(d.watched.info, d.obj));
    this.trace(
      'orphan',
      w.info,
      owner,
      deps.length
        ? `Orphaned ${deps.length} dependent(s) of ${describe(w.info, owner)} (${names.join(', ')}): removed their ownerReferences, then the orphan finalizer. They keep running without an owner.`
        : `${describe(w.info, owner)} has no dependents to orphan: removed the orphan finalizer.`,
    );
  }

  // ---------------------------------------------------------------- graph queries

  /** Objects whose ownerReferences name this uid (same namespace, or any for a cluster-scoped owner). */
  private dependentsOf(owner: KubeObject): { key: string; obj: KubeObject; watched: Watched }[] {
    const uid = owner.metadata.uid;
    if (!uid) return [];
    const out: { key: string; obj: KubeObject; watched: Watched }[] = [];
    for (const w of this.watched.values()) {
      for (const o of w.informer.byIndex(BY_OWNER, uid)) {
        if (owner.metadata.namespace && o.metadata.namespace !== owner.metadata.namespace) continue;
        out.push({ key: itemKey(w.gr, o), obj: o, watched: w });
      }
    }
    return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  private ownerLocation(ref: OwnerReference, dependent: KubeObject): { gr: string; key: string; info: ResourceInfo; watched?: Watched } | undefined {
    const { group } = splitApiVersion(ref.apiVersion);
    const info = this.ctx.api.catalogue.kindsNamed(ref.kind).find((i) => i.group === group);
    if (!info) return undefined;
    const gr = grKey(info.group, info.resource);
    const key = info.namespaced ? objectKey(dependent.metadata.namespace, ref.name) : ref.name;
    return { gr, key, info, watched: this.watched.get(gr) };
  }

  private classify(ref: OwnerReference, dependent: KubeObject): OwnerState {
    const loc = this.ownerLocation(ref, dependent);
    if (!loc || !this.ctx.api.served(loc.info.group, loc.info.resource)) return 'unknown';
    // Before calling an owner absent, ask the API server (upstream's isDangling does a live GET):
    // the cache of a resource not watched here, or one still filling, is not proof of absence.
    let owner = loc.watched?.informer.get(loc.key);
    if (!owner || owner.metadata.uid !== ref.uid) {
      owner = this.ctx.api.tryGet({ group: loc.info.group, resource: loc.info.resource }, loc.info.namespaced ? dependent.metadata.namespace ?? '' : '', ref.name);
    }
    if (!owner || owner.metadata.uid !== ref.uid) return 'dangling';
    if (owner.metadata.deletionTimestamp && (owner.metadata.finalizers ?? []).includes(FINALIZER_DELETE_DEPENDENTS)) return 'waiting';
    return 'solid';
  }

  // ---------------------------------------------------------------- writes

  private deleteObject(w: Watched, obj: KubeObject, policy: 'Background' | 'Foreground' | 'Orphan'): void {
    try {
      this.ctx.api.delete({ group: w.info.group, resource: w.info.resource }, obj.metadata.namespace ?? '', obj.metadata.name!, {
        user: this.name,
        propagationPolicy: policy,
        preconditions: { uid: obj.metadata.uid },
      });
    } catch (e) {
      // Gone already, or replaced by a new object of the same name: nothing to collect.
      if (isNotFound(e) || (isStatusError(e) && e.reason === 'Conflict')) return;
      throw e;
    }
  }

  private removeOwnerRefs(w: Watched, obj: KubeObject, uids: string[]): void {
    const next = deepCopy(obj);
    const refs = (next.metadata.ownerReferences ?? []).filter((r) => !uids.includes(r.uid));
    if (refs.length) next.metadata.ownerReferences = refs;
    else delete next.metadata.ownerReferences;
    this.update(w, next);
  }

  private removeFinalizer(w: Watched, obj: KubeObject, finalizer: string): void {
    const next = deepCopy(obj);
    const f = (next.metadata.finalizers ?? []).filter((x) => x !== finalizer);
    if (f.length) next.metadata.finalizers = f;
    else delete next.metadata.finalizers;
    this.update(w, next);
  }

  private update(w: Watched, obj: KubeObject): void {
    try {
      this.ctx.api.update({ group: w.info.group, resource: w.info.resource }, obj.metadata.namespace ?? '', obj, { user: this.name });
    } catch (e) {
      if (isNotFound(e)) return;
      throw e;
    }
  }

  private trace(action: string, info: ResourceInfo, obj: KubeObject, message: string, cause?: OwnerReference): void {
    const object: ObjectRef = { kind: info.kind, namespace: obj.metadata.namespace, name: obj.metadata.name!, uid: obj.metadata.uid };
    const c: ObjectRef | undefined = cause ? { kind: cause.kind, namespace: obj.metadata.namespace, name: cause.name, uid: cause.uid } : undefined;
    this.ctx.trace.record({ component: this.name, action, object, ...(c ? { cause: c } : {}), message });
  }
}

function itemKey(gr: string, obj: KubeObject): string {
  return `${gr}|${keyOf(obj)}`;
}

function hasGCFinalizer(obj: KubeObject): boolean {
  const f = obj.metadata.finalizers ?? [];
  return f.includes(FINALIZER_ORPHAN) || f.includes(FINALIZER_DELETE_DEPENDENTS);
}

function describe(info: ResourceInfo, obj: KubeObject): string {
  return `${info.kind} ${keyOf(obj)}`;
}
