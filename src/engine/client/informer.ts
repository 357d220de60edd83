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
    if (this.started && h.add) for (const o of this.cache.values()) h.add(o);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    for (const o of this.api.list(this.gvr, undefined).items) this.put(keyOf(o), o as T);
    this.stop = this.api.watch(this.gvr, undefined, (e) => this.onEvent(e));
    for (const o of [...this.cache.values()]) for (const h of this.handlers) h.add?.(o);
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
      for (const h of this.handlers) h.delete?.(old ?? obj);
      return;
    }
    const old = this.cache.get(key);
    this.put(key, obj);
    for (const h of this.handlers) {
      if (old) h.update?.(old, obj);
      else h.add?.(obj);
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
