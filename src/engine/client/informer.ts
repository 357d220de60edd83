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
  private indices = new Map<string, Map<string, Set<string>>>();
  private started = false;
  private stop?: () => void;

  constructor(private readonly api: APIServer, readonly gvr: GVR) {}

  addIndex(name: string, fn: IndexFunc<T>): void {
    if (this.indexers.has(name)) return;
    this.indexers.set(name, fn);
    const idx = new Map<string, Set<string>>();
    this.indices.set(name, idx);
    for (const [k, o] of this.cache) for (const v of fn(o)) addTo(idx, v, k);
  }

  addHandler(h: Handlers<T>): void {
    this.handlers.push(h);
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
    for (const idx of this.indices.values()) idx.clear();
    this.started = false;
    this.start();
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

  byIndex(name: string, value: string): T[] {
    const keys = this.indices.get(name)?.get(value);
    if (!keys) return [];
    const out: T[] = [];
    for (const k of keys) {
      const o = this.cache.get(k);
      if (o) out.push(o);
    }
    return out;
  }

  private onEvent(e: WatchEvent): void {
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
      for (const v of fn(obj)) addTo(idx, v, key);
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

function addTo(idx: Map<string, Set<string>>, v: string, key: string): void {
  let s = idx.get(v);
  if (!s) {
    s = new Set();
    idx.set(v, s);
  }
  s.add(key);
}

/** Common index names shared by every component. */
export const BY_NAMESPACE = 'namespace';
export const BY_NODE = 'spec.nodeName';
export const BY_OWNER = 'ownerUID';
export const BY_CONTROLLER = 'controllerUID';

/** One informer per resource, shared by every component (SharedInformerFactory). */
export class InformerFactory {
  private informers = new Map<string, Informer>();
  constructor(private readonly api: APIServer) {}

  for<T extends KubeObject>(gvr: GVR): Informer<T> {
    const k = `${gvr.group}/${gvr.resource}`;
    let inf = this.informers.get(k);
    if (!inf) {
      inf = new Informer(this.api, gvr);
      inf.addIndex(BY_NAMESPACE, (o) => [o.metadata.namespace ?? '']);
      inf.addIndex(BY_OWNER, (o) => (o.metadata.ownerReferences ?? []).map((r) => r.uid));
      inf.addIndex(BY_CONTROLLER, (o) => (o.metadata.ownerReferences ?? []).filter((r) => r.controller).map((r) => r.uid));
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
