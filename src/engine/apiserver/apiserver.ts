// kube-apiserver: the only writer to the store. A request goes through the same stages as on a
// real API server: resolve the resource, decode, default, mutating admission, validation,
// validating admission, then persist with a new resourceVersion. The interface is shaped like
// the REST API (verb + group/version/resource + namespace + name) so it can later be served over
// HTTP without redesign.
import type { KubeObject, ObjectMeta } from '../api/meta';
import { deepCopy, objectKey } from '../api/meta';
import type { ResourceCatalogue, ResourceInfo } from '../api/resources';
import { apiVersionOf } from '../api/resources';
import { matches, parseSelector } from '../api/labels';
import type { SimClock } from '../sim/clock';
import type { Rng } from '../sim/rng';
import type { Store, WatchEvent } from '../store/store';
import { grKey } from '../store/store';
import {
  StatusError,
  newAlreadyExists,
  newBadRequest,
  newConflict,
  newInternalError,
  newInvalid,
  newNotFound,
  newServiceUnavailable,
} from './errors';
import type { AdmissionAttributes, AdmissionPlugin, RequestContext, Strategy } from './types';
import type { FieldError } from './validation/field';
import { validateObjectMeta } from './validation/objectmeta';
import { applyJsonPatch, applyMergePatch, applyStrategicMergePatch } from './patch';
import type { Pod } from '../api/core';
import type { PodDisruptionBudget } from '../api/policy';
import { decideEviction, decrementedBudget, withDisruptionTarget } from './registry/core/pod/eviction';

export interface GVR {
  group: string;
  version?: string;
  resource: string;
}

export interface WriteOptions {
  dryRun?: boolean;
  /** Who is writing, for traces ('kubectl', 'deployment-controller', …). */
  user?: string;
  subresource?: 'status' | 'scale' | 'finalize';
}

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
}

export interface DeleteOptions extends WriteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  preconditions?: { uid?: string; resourceVersion?: string };
}

export type PatchType = 'merge' | 'strategic' | 'json';

export interface ObjectList {
  apiVersion: string;
  kind: string;
  metadata: { resourceVersion: string };
  items: KubeObject[];
}

export type FieldGetter = (obj: KubeObject) => string | undefined;

export class APIServer {
  private strategies = new Map<string, Strategy>();
  private admission: AdmissionPlugin[] = [];
  private fieldGetters = new Map<string, Record<string, FieldGetter>>();
  /** False while the API server is stopped (control-plane failure lessons). */
  available = true;
  /**
   * What every request gets while unavailable: sim/controlplane.ts sets a refused connection
   * (the API server process is down) or etcd's timeout (the API server runs, its store does not).
   */
  unavailableError: () => StatusError = () => newServiceUnavailable('the API server is not running');

  constructor(
    readonly catalogue: ResourceCatalogue,
    readonly store: Store,
    private readonly clock: SimClock,
    private readonly rng: Rng,
  ) {}

  register(group: string, resource: string, strategy: Strategy, fieldGetters: Record<string, FieldGetter> = {}): void {
    this.strategies.set(grKey(group, resource), strategy);
    this.fieldGetters.set(grKey(group, resource), fieldGetters);
  }

  addAdmission(p: AdmissionPlugin): void {
    this.admission.push(p);
  }

  served(group: string, resource: string): boolean {
    return this.strategies.has(grKey(group, resource));
  }

  // ---------------------------------------------------------------- reads
  // Reads fail like writes while the API server (or etcd) is down: clients (kubectl, a
  // controller's direct GET) get the outage error; informers keep their last cache.

  get(gvr: GVR, namespace: string, name: string): KubeObject {
    this.ensureAvailable();
    const info = this.resolve(gvr);
    const obj = this.store.get(grKey(info.group, info.resource), this.key(info, namespace, name));
    if (!obj) throw newNotFound(info, name);
    return obj;
  }

  tryGet(gvr: GVR, namespace: string, name: string): KubeObject | undefined {
    this.ensureAvailable();
    const info = this.resolve(gvr);
    return this.store.get(grKey(info.group, info.resource), this.key(info, namespace, name));
  }

  list(gvr: GVR, namespace: string | undefined, opts: ListOptions = {}): ObjectList {
    this.ensureAvailable();
    const info = this.resolve(gvr);
    const items = this.store.list(grKey(info.group, info.resource), info.namespaced ? namespace || undefined : undefined);
    const filtered = this.filter(info, items, opts);
    return { apiVersion: apiVersionOf(info), kind: `${info.kind}List`, metadata: { resourceVersion: String(this.store.revision()) }, items: filtered };
  }

  /** Watch a resource (optionally one namespace). The handler sees every change after this call. */
  watch(gvr: GVR, namespace: string | undefined, handler: (e: WatchEvent) => void, opts: ListOptions = {}): () => void {
    const info = this.resolve(gvr);
    const sel = opts.labelSelector ? parseSelector(opts.labelSelector) : null;
    return this.store.watch(grKey(info.group, info.resource), (e) => {
      if (namespace && e.object.metadata.namespace !== namespace) return;
      if (sel && !matches(sel, e.object.metadata.labels)) return;
      handler(e);
    });
  }

  // ---------------------------------------------------------------- writes

  create(gvr: GVR, namespace: string, body: KubeObject, opts: WriteOptions = {}): KubeObject {
    this.ensureAvailable();
    const info = this.resolve(gvr);
    const strategy = this.strategyFor(info);
    const ctx = this.ctx(opts);
    const obj = deepCopy(body);
    obj.apiVersion = apiVersionOf(info);
    obj.kind = info.kind;
    obj.metadata = obj.metadata ?? {};
    const ns = this.requestNamespace(info, namespace, obj.metadata);
    if (info.namespaced) obj.metadata.namespace = ns;
    else delete obj.metadata.namespace;

    strategy.defaults?.(obj, ctx);
    // System-set metadata: a client cannot choose these.
    const meta = obj.metadata;
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    meta.uid = this.rng.uuid();
    meta.creationTimestamp = this.clock.iso();
    if (strategy.tracksGeneration) meta.generation = 1;
    else delete meta.generation;
    strategy.prepareForCreate?.(obj, ctx);

    const generated = !meta.name && !!meta.generateName;
    for (let attempt = 0; ; attempt++) {
      if (generated) meta.name = `${meta.generateName!.slice(0, 58)}${this.rng.string(5)}`;
      this.runAdmit({ operation: 'CREATE', info, namespace: ns, name: meta.name ?? '', object: obj, ctx });
      const errs: FieldError[] = [...validateObjectMeta(meta, info.namespaced, info.kind), ...(strategy.validate?.(obj, ctx) ?? [])];
      if (errs.length) throw newInvalid(info.kind, info.group, meta.name ?? meta.generateName ?? '', errs);
      this.runValidate({ operation: 'CREATE', info, namespace: ns, name: meta.name!, object: obj, ctx });
      const key = this.key(info, ns, meta.name!);
      if (this.store.get(grKey(info.group, info.resource), key)) {
        // generateName collisions are retried (as the API server has done since 1.30).
        if (generated && attempt < 8) continue;
        throw newAlreadyExists(info, meta.name!);
      }
      if (ctx.dryRun) return obj;
      return this.store.put(grKey(info.group, info.resource), key, obj);
    }
  }

  /** PUT: replace the object (or its status with subresource 'status'). */
  update(gvr: GVR, namespace: string, body: KubeObject, opts: WriteOptions = {}): KubeObject {
    this.ensureAvailable();
    const info = this.resolve(gvr);
    const strategy = this.strategyFor(info);
    const ctx = this.ctx(opts);
    const name = body.metadata?.name ?? '';
    const ns = this.requestNamespace(info, namespace, body.metadata ?? {});
    const key = this.key(info, ns, name);
    const gr = grKey(info.group, info.resource);
    const old = this.store.get(gr, key);
    if (!old) throw newNotFound(info, name);
    if (body.metadata.resourceVersion && body.metadata.resourceVersion !== old.metadata.resourceVersion) {
      throw newConflict(info, name, 'the object has been modified; please apply your changes to the latest version and try again');
    }
    let obj = deepCopy(body);
    obj.apiVersion = apiVersionOf(info);
    obj.kind = info.kind;
    if (opts.subresource === 'status') {
      // A status write changes only status (and nothing a status writer may not touch).
      obj = { ...deepCopy(old), status: obj.status } as KubeObject;
    } else if (opts.subresource && strategy.prepareForSubresource) {
      // Other write subresources (namespaces/finalize) change only their part of the object.
      obj = strategy.prepareForSubresource(opts.subresource, obj, deepCopy(old));
    } else {
      strategy.defaults?.(obj, ctx);
      if (strategy.hasStatus) obj.status = deepCopy(old.status);
    }
    // Immutable metadata: carried over from the stored object.
    const meta = obj.metadata;
    meta.uid = old.metadata.uid;
    meta.creationTimestamp = old.metadata.creationTimestamp;
    meta.namespace = old.metadata.namespace;
    meta.deletionTimestamp = old.metadata.deletionTimestamp;
    meta.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    if (!meta.deletionTimestamp) delete meta.deletionTimestamp;
    if (meta.deletionGracePeriodSeconds === undefined) delete meta.deletionGracePeriodSeconds;
    if (!meta.namespace) delete meta.namespace;
    meta.generation = old.metadata.generation;
    if (meta.generation === undefined) delete meta.generation;
    if (!opts.subresource) {
      strategy.prepareForUpdate?.(obj, old, ctx);
      if (strategy.tracksGeneration && !jsonEqual(obj.spec, old.spec)) meta.generation = (old.metadata.generation ?? 0) + 1;
    }
    if (!opts.subresource) {
      this.runAdmit({ operation: 'UPDATE', info, namespace: ns, name, object: obj, oldObject: old, ctx });
    }
    const errs = [
      ...validateObjectMeta(meta, info.namespaced, info.kind),
      ...(opts.subresource ? [] : strategy.validateUpdate?.(obj, old, ctx) ?? strategy.validate?.(obj, ctx) ?? []),
    ];
    if (errs.length) throw newInvalid(info.kind, info.group, name, errs);
    this.runValidate({ operation: 'UPDATE', info, namespace: ns, name, object: obj, oldObject: old, subresource: opts.subresource, ctx });
    if (ctx.dryRun) return obj;
    // Unchanged parts keep the stored (frozen) subtrees: the store then freezes only what changed,
    // readers can tell an unchanged spec by identity, and the no-op check below skips them at once.
    obj = shareUnchanged(obj, old);
    // A write that changes nothing is not persisted (no new resourceVersion, no watch event).
    if (obj === old || jsonEqual(stripRV(obj), stripRV(old))) return old;
    // An object being deleted goes away once its last finalizer is removed, unless it is still in
    // its grace period (a pod the kubelet is stopping): upstream's generic ShouldDeleteDuringUpdate.
    if (
      meta.deletionTimestamp &&
      !(meta.finalizers?.length) &&
      meta.deletionGracePeriodSeconds === 0 &&
      (strategy.shouldDeleteDuringUpdate?.(obj) ?? true)
    ) {
      return this.store.remove(gr, key) ?? old;
    }
    return this.store.put(gr, key, obj);
  }

  patch(gvr: GVR, namespace: string, name: string, type: PatchType, patch: unknown, opts: WriteOptions = {}): KubeObject {
    this.ensureAvailable();
    const current = this.get(gvr, namespace, name);
    const info = this.resolve(gvr);
    let next: unknown;
    try {
      if (type === 'json') next = applyJsonPatch(deepCopy(current), patch);
      else if (type === 'merge') next = applyMergePatch(deepCopy(current), patch);
      else next = applyStrategicMergePatch(deepCopy(current), patch);
    } catch (e) {
      if (e instanceof StatusError) throw e;
      throw newBadRequest(e instanceof Error ? e.message : String(e));
    }
    const obj = next as KubeObject;
    if (!obj || typeof obj !== 'object' || !obj.metadata) throw newBadRequest('the patch produced an object without metadata');
    obj.metadata = { ...obj.metadata, name, resourceVersion: current.metadata.resourceVersion };
    if (info.namespaced) obj.metadata.namespace = current.metadata.namespace;
    return this.update(gvr, namespace, obj, opts);
  }

  /**
   * DELETE. Pods are deleted gracefully (deletionTimestamp set, the kubelet removes the object
   * when its containers have stopped); objects with finalizers wait for them; everything else
   * is removed at once, and the garbage collector takes care of dependents.
   */
  delete(gvr: GVR, namespace: string, name: string, opts: DeleteOptions = {}): KubeObject {
    this.ensureAvailable();
    const info = this.resolve(gvr);
    const strategy = this.strategyFor(info);
    const ctx = this.ctx(opts);
    const gr = grKey(info.group, info.resource);
    const key = this.key(info, namespace, name);
    const obj = this.store.get(gr, key);
    if (!obj) throw newNotFound(info, name);
    if (opts.preconditions?.uid && opts.preconditions.uid !== obj.metadata.uid) {
      throw newConflict(info, name, `Precondition failed: UID in precondition: ${opts.preconditions.uid}, UID in object meta: ${obj.metadata.uid}`);
    }
    this.runValidate({ operation: 'DELETE', info, namespace, name, object: obj, ctx });
    if (ctx.dryRun) return obj;
    // Kinds with their own first-delete step (namespaces start terminating instead of going away).
    const kept = strategy.beforeDelete?.(obj, ctx);
    if (kept) return kept === obj ? obj : this.store.put(gr, key, kept);

    const propagation = opts.propagationPolicy ?? strategy.defaultPropagation ?? 'Background';
    const finalizers = [...(obj.metadata.finalizers ?? [])];
    if (propagation === 'Foreground' && !finalizers.includes('foregroundDeletion')) finalizers.push('foregroundDeletion');
    if (propagation === 'Orphan' && !finalizers.includes('orphan')) finalizers.push('orphan');

    const grace = strategy.gracePeriod ? strategy.gracePeriod(obj, opts.gracePeriodSeconds, ctx) : 0;
    if (grace > 0 || finalizers.length > 0) {
      const existingDeadline = obj.metadata.deletionTimestamp ? this.clock.parse(obj.metadata.deletionTimestamp) : Infinity;
      const deadline = this.clock.now() + grace * 1000;
      const meta: ObjectMeta = { ...obj.metadata, finalizers: finalizers.length ? finalizers : undefined };
      if (!meta.finalizers) delete meta.finalizers;
      // A second delete may only shorten the grace period.
      if (deadline < existingDeadline || !obj.metadata.deletionTimestamp) {
        meta.deletionTimestamp = this.clock.iso(deadline);
        meta.deletionGracePeriodSeconds = grace;
      }
      if (grace === 0 && finalizers.length === 0) return this.store.remove(gr, key)!;
      return this.store.put(gr, key, { ...obj, metadata: meta });
    }
    return this.store.remove(gr, key)!;
  }

  /**
   * POST pods/<name>/binding: what the scheduler calls to place a pod. Sets spec.nodeName and the
   * PodScheduled condition; a pod already bound is a Conflict, as on a real API server.
   */
  bind(namespace: string, podName: string, nodeName: string, opts: WriteOptions = {}): KubeObject {
    this.ensureAvailable();
    const gvr = { group: '', resource: 'pods' };
    const info = this.resolve(gvr);
    const pod = this.get(gvr, namespace, podName) as KubeObject & { spec: { nodeName?: string }; status?: { conditions?: { type: string }[] } };
    if (pod.metadata.deletionTimestamp) throw newConflict(info, podName, 'pod is being deleted');
    if (pod.spec.nodeName) {
      throw newConflict(info, podName, `pod ${podName} is already assigned to node "${pod.spec.nodeName}"`);
    }
    const now = this.clock.iso();
    const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now } as never);
    const next = { ...pod, spec: { ...pod.spec, nodeName }, status: { ...(pod.status ?? {}), conditions } } as KubeObject;
    if (opts.dryRun) return next;
    return this.store.put(grKey(info.group, info.resource), this.key(info, namespace, podName), next);
  }

  /**
   * POST pods/<name>/eviction: a delete that respects the pod's PodDisruptionBudget (see
   * registry/core/pod/eviction.ts). Refused with 429 TooManyRequests when the budget allows no
   * disruption; otherwise the budget is decremented, the pod gets DisruptionTarget and is deleted
   * gracefully.
   */
  evict(namespace: string, podName: string, opts: DeleteOptions = {}): KubeObject {
    this.ensureAvailable();
    const PODS = { group: '', resource: 'pods' };
    const PDBS = { group: 'policy', resource: 'poddisruptionbudgets' };
    const pod = this.get(PODS, namespace, podName) as Pod;
    const pdbs = this.served('policy', 'poddisruptionbudgets') ? (this.list(PDBS, namespace).items as PodDisruptionBudget[]) : [];
    const d = decideEviction(pod, pdbs);
    if (d.kind === 'refuse') throw d.error;
    if (opts.dryRun) return pod;
    if (d.kind === 'decrement') this.update(PDBS, namespace, decrementedBudget(d.pdb, podName, this.clock.iso()), { ...opts, subresource: 'status' });
    if (!pod.metadata.deletionTimestamp && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed') {
      this.update(PODS, namespace, withDisruptionTarget(pod, this.clock.iso()), { ...opts, subresource: 'status' });
    }
    return this.delete(PODS, namespace, podName, { ...opts, preconditions: { uid: pod.metadata.uid } });
  }

  // ---------------------------------------------------------------- helpers

  resolve(gvr: GVR): ResourceInfo {
    const info = this.catalogue.get(gvr.group, gvr.resource);
    if (!info || !this.served(info.group, info.resource)) {
      throw new StatusError({
        kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404,
        message: 'the server could not find the requested resource',
      });
    }
    return info;
  }

  private strategyFor(info: ResourceInfo): Strategy {
    return this.strategies.get(grKey(info.group, info.resource)) ?? {};
  }

  private key(info: ResourceInfo, namespace: string, name: string): string {
    return info.namespaced ? objectKey(namespace, name) : name;
  }

  private requestNamespace(info: ResourceInfo, namespace: string, meta: ObjectMeta): string {
    if (!info.namespaced) return '';
    const ns = namespace || meta.namespace || 'default';
    if (meta.namespace && namespace && meta.namespace !== namespace) {
      throw newBadRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    return ns;
  }

  private ctx(opts: WriteOptions): RequestContext {
    return { clock: this.clock, rng: this.rng, store: this.store, user: opts.user ?? 'kubectl', dryRun: !!opts.dryRun };
  }

  private runAdmit(a: AdmissionAttributes): void {
    for (const p of this.admission) p.admit?.(a);
  }

  private runValidate(a: AdmissionAttributes): void {
    for (const p of this.admission) p.validate?.(a);
  }

  private ensureAvailable(): void {
    if (!this.available) throw this.unavailableError();
  }

  private filter(info: ResourceInfo, items: KubeObject[], opts: ListOptions): KubeObject[] {
    let out = items;
    if (opts.labelSelector) {
      let sel;
      try {
        sel = parseSelector(opts.labelSelector);
      } catch (e) {
        throw newBadRequest(e instanceof Error ? e.message : String(e));
      }
      out = out.filter((o) => matches(sel, o.metadata.labels));
    }
    if (opts.fieldSelector) {
      const getters = this.fieldGetters.get(grKey(info.group, info.resource)) ?? {};
      for (const term of opts.fieldSelector.split(',').map((t) => t.trim()).filter(Boolean)) {
        const m = /^([^!=]+?)(==|!=|=)(.*)$/.exec(term);
        if (!m) throw newBadRequest(`invalid selector: '${opts.fieldSelector}'; can't understand '${term}'`);
        const [, field, op, value] = m;
        const getter = FIELD_DEFAULTS[field] ?? getters[field];
        if (!getter) throw newBadRequest(`"${field}" is not a known field selector: only "metadata.name", "metadata.namespace"`);
        out = out.filter((o) => ((getter(o) ?? '') === value) === (op !== '!='));
      }
    }
    return out;
  }
}

const FIELD_DEFAULTS: Record<string, FieldGetter> = {
  'metadata.name': (o) => o.metadata.name,
  'metadata.namespace': (o) => o.metadata.namespace,
};

function stripRV(o: KubeObject): unknown {
  return { ...o, metadata: { ...o.metadata, resourceVersion: undefined } };
}

/**
 * Structural sharing for a write: each subtree of `next` that is identical to the subtree at the
 * same place in `prev` (same values, same key order, so the stored JSON is byte for byte what it
 * would have been) is replaced by prev's, which is frozen already. Returns `prev` itself when
 * everything is identical. `next` is edited in place, so it must be the API server's own copy
 * (its frozen parts are left alone).
 * Example: a kubelet status write of a pod whose spec did not change stores the old spec object.
 */
export function shareUnchanged<T>(next: T, prev: unknown): T {
  if (next === prev || next === null || prev === null || typeof next !== 'object' || typeof prev !== 'object') return next;
  if (Object.isFrozen(next)) return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return next;
    let same = next.length === prev.length;
    for (let i = 0; i < next.length; i++) {
      if (i >= prev.length) continue;
      const v = shareUnchanged(next[i], prev[i]);
      if (v !== next[i]) next[i] = v;
      if (v !== prev[i]) same = false;
    }
    return same ? (prev as T) : next;
  }
  if (Array.isArray(prev)) return next;
  const n = next as Record<string, unknown>;
  const p = prev as Record<string, unknown>;
  const prevKeys = Object.keys(p);
  let same = true;
  let j = 0;
  for (const k of Object.keys(n)) {
    const v = n[k];
    if (v === undefined) continue;
    while (j < prevKeys.length && p[prevKeys[j]] === undefined) j++;
    if (prevKeys[j] !== k) same = false;
    j++;
    if (!Object.prototype.hasOwnProperty.call(p, k)) continue;
    const s = shareUnchanged(v, p[k]);
    if (s !== v) n[k] = s;
    if (s !== p[k]) same = false;
  }
  while (j < prevKeys.length && p[prevKeys[j]] === undefined) j++;
  if (j < prevKeys.length) same = false;
  return same ? (prev as T) : next;
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], bb[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  if (ak.length !== bk.length) return false;
  for (const k of ak) if (!jsonEqual(ao[k], bo[k])) return false;
  return true;
}

export { newInternalError };
