// Shared informers: a watch-fed cache per resource with indexes (client-go tools/cache). Handlers
// must only enqueue keys; controllers then re-read the cache in sync<Kind>(key), level-triggered.
import type { KubeObject } from '../api/meta';
import { keyOf } from '../api/meta';
import type { APIServer, GVR } from '../apiserver/apiserver';
import type { WatchEvent } from '../store/store';

export interface Handlers<T extends KubeObject> {
  add?(obj: T): void;
  update?(oldObj: T, newObj: T): void;
  delete?(obj: T): void;
}

export type IndexFunc<T> = (obj: T) => string[];

export class Informer<T extends KubeObject = KubeObject> {
  private cache = new Map<string, T>();
  private handlers: Handlers<T>[] = [];
  /**
   * The same handlers split by event type (registration order kept), so an event calls only the
   * handlers that want it: 100 kubelets' delete-only handlers cost nothing on an add or update.
   */
  private addFns: ((obj: T) => void)[] = [];
  private updateFns: ((oldObj: T, newObj: T) => void)[] = [];
  private deleteFns: ((obj: T) => void)[] = [];
  /** Selected handlers (addSelectedHandler): index name -> index value -> handlers, with owners. */
  private selected = new Map<string, Map<string, { h: Handlers<T>; owner?: string }[]>>();
  private indexers = new Map<string, IndexFunc<T>>();
  /** index name -> index value -> (key -> object). Holding the objects makes byIndex one pass. */
  private indices = new Map<string, Map<string, Map<string, T>>>();
  private started = false;
  private stop?: () => void;
  private changes = 0;

  /** Which component registered each handler (same order as `handlers`), for replay(). */
  private owners: (string | undefined)[] = [];

  constructor(private readonly api: APIServer, readonly gvr: GVR, private readonly currentOwner: () => string | undefined = () => undefined) {}

  addIndex(name: string, fn: IndexFunc<T>): void {
    if (this.indexers.has(name)) return;
    this.indexers.set(name, fn);
    const idx = new Map<string, Map<string, T>>();
    this.indices.set(name, idx);
    for (const [k, o] of this.cache) for (const v of fn(o)) addTo(idx, v, k, o);
  }

  addHandler(h: Handlers<T>): void {
    this.handlers.push(h);
    this.owners.push(this.currentOwner());
    if (h.add) this.addFns.push(h.add.bind(h));
    if (h.update) this.updateFns.push(h.update.bind(h));
    if (h.delete) this.deleteFns.push(h.delete.bind(h));
    if (this.started && h.add) for (const o of this.cache.values()) h.add(o);
  }

  /**
   * A handler for the objects that one index maps to `value` only: what a watch with a field
   * selector delivers. Each kubelet watches `spec.nodeName=<its node>` (as upstream's kubelet
   * lists and watches pods with that field selector), so a pod event is routed to the kubelet of
   * the pod's node through one map lookup instead of being offered to every kubelet in turn.
   * Adds and deletes go to the handlers of the object's values; an update to those of the old
   * and of the new object's values (a pod being bound, '' → node, reaches its node's handler).
   * The index must be registered first.
   */
  addSelectedHandler(index: string, value: string, h: Handlers<T>): void {
    const fn = this.indexers.get(index);
    if (!fn) throw new Error(`informer ${this.gvr.group}/${this.gvr.resource}: no index ${index}`);
    let byValue = this.selected.get(index);
    if (!byValue) {
      byValue = new Map();
      this.selected.set(index, byValue);
    }
    let list = byValue.get(value);
    if (!list) {
      list = [];
      byValue.set(value, list);
    }
    list.push({ h, owner: this.currentOwner() });
    if (this.started && h.add) for (const o of this.cache.values()) if (fn(o).includes(value)) h.add(o);
  }

  /** The selected handlers an object reaches (by each selecting index's values), in order. */
  private selectedFor(obj: T, also?: T): Handlers<T>[] {
    let out: Handlers<T>[] | undefined;
    for (const [index, byValue] of this.selected) {
      const fn = this.indexers.get(index)!;
      const values = fn(obj);
      const more = also ? fn(also) : NO_VALUES;
      for (const vs of [values, more]) {
        for (const v of vs) {
          if (vs === more && values.includes(v)) continue;
          const list = byValue.get(v);
          if (!list) continue;
          for (const e of list) {
            out ??= [];
            if (!out.includes(e.h)) out.push(e.h);
          }
        }
      }
    }
    return out ?? (NO_HANDLERS as Handlers<T>[]);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    for (const o of this.api.list(this.gvr, undefined).items) this.put(keyOf(o), o as T);
    this.stop = this.api.watch(this.gvr, undefined, (e) => this.onEvent(e));
    for (const o of [...this.cache.values()]) {
      for (const h of this.handlers) h.add?.(o);
      if (this.selected.size) for (const h of this.selectedFor(o)) h.add?.(o);
    }
  }

  /** Drop the cache and list again (used after a snapshot restore). */
  resync(): void {
    this.stop?.();
    this.cache.clear();
    this.changes++;
    for (const idx of this.indices.values()) idx.clear();
    this.started = false;
    this.start();
  }

  /**
   * Hand every cached object to `owner`'s handlers as an add, as a restarted process's fresh
   * informer does after its initial list: the component re-enqueues every key it cares about.
   */
  replay(owner: string): void {
    // In key order: the cache's own order depends on its history, and a restored cluster (whose
    // cache was filled from one list) must replay exactly as the original does.
    let objs: T[] | undefined;
    for (let i = 0; i < this.handlers.length; i++) {
      if (this.owners[i] !== owner) continue;
      const add = this.handlers[i].add;
      if (!add) continue;
      objs ??= [...this.cache.keys()].sort().map((k) => this.cache.get(k)!);
      for (const o of objs) add(o);
    }
    // Selected handlers (a kubelet's own pods) replay the objects they select, in key order too.
    for (const [index, byValue] of this.selected) {
      const fn = this.indexers.get(index)!;
      for (const [value, list] of byValue) {
        for (const e of list) {
          if (e.owner !== owner || !e.h.add) continue;
          objs ??= [...this.cache.keys()].sort().map((k) => this.cache.get(k)!);
          for (const o of objs) if (fn(o).includes(value)) e.h.add(o);
        }
      }
    }
  }

  get(key: string): T | undefined {
    return this.cache.get(key);
  }

  list(): T[] {
    return [...this.cache.values()];
  }

  size(): number {
    return this.cache.size;
  }

  /** Grows with every add, update or delete the cache sees: equal counts mean an unchanged cache. */
  changeCount(): number {
    return this.changes;
  }

  /**
   * The objects with this index value, most recently written last (a write moves an object to the
   * end of every index it is in). A fresh array: callers may sort or filter it.
   */
  byIndex(name: string, value: string): T[] {
    const objs = this.indices.get(name)?.get(value);
    return objs ? [...objs.values()] : [];
  }

  /** How many objects have this index value (no array is built). */
  countByIndex(name: string, value: string): number {
    return this.indices.get(name)?.get(value)?.size ?? 0;
  }

  private onEvent(e: WatchEvent): void {
    this.changes++;
    const obj = e.object as T;
    const key = keyOf(obj);
    if (e.type === 'DELETED') {
      const old = this.cache.get(key);
      this.remove(key);
      const gone = old ?? obj;
      for (const fn of this.deleteFns) fn(gone);
      if (this.selected.size) for (const h of this.selectedFor(gone)) h.delete?.(gone);
      return;
    }
    const old = this.cache.get(key);
    this.put(key, obj);
    if (old) {
      for (const fn of this.updateFns) fn(old, obj);
      if (this.selected.size) for (const h of this.selectedFor(old, obj)) h.update?.(old, obj);
    } else {
      for (const fn of this.addFns) fn(obj);
      if (this.selected.size) for (const h of this.selectedFor(obj)) h.add?.(obj);
    }
  }

  private put(key: string, obj: T): void {
    const old = this.cache.get(key);
    if (old) this.unindex(key, old);
    this.cache.set(key, obj);
    for (const [name, fn] of this.indexers) {
      const idx = this.indices.get(name)!;
      for (const v of fn(obj)) addTo(idx, v, key, obj);
    }
  }

  private remove(key: string): void {
    const old = this.cache.get(key);
    if (!old) return;
    this.unindex(key, old);
    this.cache.delete(key);
  }

  private unindex(key: string, obj: T): void {
    for (const [name, fn] of this.indexers) {
      const idx = this.indices.get(name)!;
      for (const v of fn(obj)) {
        const s = idx.get(v);
        if (s) {
          s.delete(key);
          if (s.size === 0) idx.delete(v);
        }
      }
    }
  }
}

function addTo<T>(idx: Map<string, Map<string, T>>, v: string, key: string, obj: T): void {
  let m = idx.get(v);
  if (!m) {
    m = new Map();
    idx.set(v, m);
  }
  m.set(key, obj);
}

/** Common index names shared by every component. */
export const BY_NAMESPACE = 'namespace';
export const BY_NODE = 'spec.nodeName';
export const BY_OWNER = 'ownerUID';
export const BY_CONTROLLER = 'controllerUID';
/**
 * Objects with no controller, by namespace: the only ones a controller may adopt. With it a
 * ReplicaSet reads its own pods plus the orphans, never every pod of the namespace.
 */
export const BY_ORPHAN = 'orphanNamespace';

const NO_VALUES: string[] = [];
const NO_HANDLERS: Handlers<never>[] = [];

/**
 * A pod's node, for BY_NODE: bound pods only (an unbound pod is on no node). One definition, so
 * every component that reads the index (kubelet, node lifecycle, pod GC, taint eviction) agrees.
 */
export function podNodeName(p: KubeObject): string[] {
  const node = (p as { spec?: { nodeName?: string } }).spec?.nodeName;
  return node ? [node] : NO_VALUES;
}

function ownerUIDs(o: KubeObject): string[] {
  const refs = o.metadata.ownerReferences;
  if (!refs || refs.length === 0) return NO_VALUES;
  return refs.map((r) => r.uid);
}

function controllerUIDs(o: KubeObject): string[] {
  const refs = o.metadata.ownerReferences;
  if (!refs) return NO_VALUES;
  let out = NO_VALUES;
  for (const r of refs) if (r.controller) out = out === NO_VALUES ? [r.uid] : [...out, r.uid];
  return out;
}

function orphanNamespace(o: KubeObject): string[] {
  const refs = o.metadata.ownerReferences;
  if (refs) for (const r of refs) if (r.controller === true) return NO_VALUES;
  return [o.metadata.namespace ?? ''];
}

/** One informer per resource, shared by every component (SharedInformerFactory). */
export class InformerFactory {
  private informers = new Map<string, Informer>();
  /** The component whose start() is registering handlers now (see withOwner). */
  private owner?: string;
  constructor(private readonly api: APIServer) {}

  /** Run `fn` (a component's start) so that the handlers it adds are known to be `owner`'s. */
  withOwner(owner: string, fn: () => void): void {
    const prev = this.owner;
    this.owner = owner;
    try {
      fn();
    } finally {
      this.owner = prev;
    }
  }

  /** Re-deliver every cached object to one component's handlers (its restart; Informer.replay). */
  replay(owner: string): void {
    for (const k of [...this.informers.keys()].sort()) this.informers.get(k)!.replay(owner);
  }

  for<T extends KubeObject>(gvr: GVR): Informer<T> {
    const k = `${gvr.group}/${gvr.resource}`;
    let inf = this.informers.get(k);
    if (!inf) {
      inf = new Informer(this.api, gvr, () => this.owner);
      inf.addIndex(BY_NAMESPACE, (o) => [o.metadata.namespace ?? '']);
      inf.addIndex(BY_OWNER, ownerUIDs);
      inf.addIndex(BY_CONTROLLER, controllerUIDs);
      inf.addIndex(BY_ORPHAN, orphanNamespace);
      if (gvr.group === '' && gvr.resource === 'pods') inf.addIndex(BY_NODE, podNodeName);
      this.informers.set(k, inf);
    }
    return inf as unknown as Informer<T>;
  }

  startAll(): void {
    for (const i of this.informers.values()) i.start();
  }

  resyncAll(): void {
    for (const i of this.informers.values()) i.resync();
  }
}
