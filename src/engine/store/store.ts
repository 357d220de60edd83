// The etcd stand-in: versioned objects and watch streams. Only the API server writes here.
// Every write gets the next resourceVersion (etcd's revision); watchers are told synchronously,
// which is safe because informer handlers only enqueue keys (see client/informer.ts).
import type { KubeObject } from '../api/meta';
import { deepFreeze } from '../api/meta';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  type: WatchEventType;
  /** `group/resource`, e.g. 'apps/deployments' or '/pods'. */
  gr: string;
  object: KubeObject;
  oldObject?: KubeObject;
}

export type WatchHandler = (e: WatchEvent) => void;

export function grKey(group: string, resource: string): string {
  return `${group}/${resource}`;
}

export class Store {
  private rev = 0;
  private data = new Map<string, Map<string, KubeObject>>();
  private watchers = new Map<string, Set<WatchHandler>>();
  private allWatchers = new Set<WatchHandler>();

  revision(): number {
    return this.rev;
  }

  private bucket(gr: string): Map<string, KubeObject> {
    let b = this.data.get(gr);
    if (!b) {
      b = new Map();
      this.data.set(gr, b);
    }
    return b;
  }

  get(gr: string, key: string): KubeObject | undefined {
    return this.data.get(gr)?.get(key);
  }

  /** All objects of a resource, optionally in one namespace, in key order (etcd range order). */
  list(gr: string, namespace?: string): KubeObject[] {
    const b = this.data.get(gr);
    if (!b) return [];
    const out: KubeObject[] = [];
    for (const o of b.values()) if (!namespace || o.metadata.namespace === namespace) out.push(o);
    return out.sort((x, y) => cmpKey(x, y));
  }

  count(gr: string): number {
    return this.data.get(gr)?.size ?? 0;
  }

  /**
   * Write (create or replace) an object. It is frozen and gets the next resourceVersion. An object
   * that is not frozen yet is the writer's own fresh copy (the API server builds one per request):
   * it is stamped and frozen in place rather than copied once more, which every write would pay.
   */
  put(gr: string, key: string, obj: KubeObject): KubeObject {
    const b = this.bucket(gr);
    const old = b.get(key);
    this.rev++;
    const rv = String(this.rev);
    let stored: KubeObject;
    if (Object.isFrozen(obj)) {
      stored = deepFreeze({ ...obj, metadata: { ...obj.metadata, resourceVersion: rv } });
    } else {
      // Same key order as the copy: an existing resourceVersion keeps its place, a new one goes last.
      if (Object.isFrozen(obj.metadata)) obj.metadata = { ...obj.metadata, resourceVersion: rv };
      else obj.metadata.resourceVersion = rv;
      stored = deepFreeze(obj);
    }
    b.set(key, stored);
    this.notify({ type: old ? 'MODIFIED' : 'ADDED', gr, object: stored, oldObject: old });
    return stored;
  }

  remove(gr: string, key: string): KubeObject | undefined {
    const b = this.data.get(gr);
    const old = b?.get(key);
    if (!b || !old) return undefined;
    b.delete(key);
    this.rev++;
    const gone = deepFreeze({ ...old, metadata: { ...old.metadata, resourceVersion: String(this.rev) } }) as KubeObject;
    this.notify({ type: 'DELETED', gr, object: gone, oldObject: old });
    return gone;
  }

  watch(gr: string, h: WatchHandler): () => void {
    let s = this.watchers.get(gr);
    if (!s) {
      s = new Set();
      this.watchers.set(gr, s);
    }
    s.add(h);
    return () => s!.delete(h);
  }

  watchAll(h: WatchHandler): () => void {
    this.allWatchers.add(h);
    return () => this.allWatchers.delete(h);
  }

  private notify(e: WatchEvent): void {
    const s = this.watchers.get(e.gr);
    if (s) for (const h of s) h(e);
    for (const h of this.allWatchers) h(e);
  }

  /** Plain data for snapshots: every object in a stable order, and the revision. */
  save(): { revision: number; objects: { gr: string; key: string; object: KubeObject }[] } {
    const objects: { gr: string; key: string; object: KubeObject }[] = [];
    for (const gr of [...this.data.keys()].sort()) {
      const b = this.data.get(gr)!;
      for (const key of [...b.keys()].sort()) objects.push({ gr, key, object: b.get(key)! });
    }
    return { revision: this.rev, objects };
  }

  /** Restore without notifying watchers (components rebuild their caches with a fresh list). */
  load(s: { revision: number; objects: { gr: string; key: string; object: KubeObject }[] }): void {
    this.data.clear();
    for (const { gr, key, object } of s.objects) this.bucket(gr).set(key, deepFreeze(structuredClone(object)));
    this.rev = s.revision;
  }
}

function cmpKey(a: KubeObject, b: KubeObject): number {
  const an = a.metadata.namespace ?? '';
  const bn = b.metadata.namespace ?? '';
  if (an !== bn) return an < bn ? -1 : 1;
  const x = a.metadata.name ?? '';
  const y = b.metadata.name ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}
