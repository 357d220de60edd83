// Stable identities for objects on the graph: `<kind>:<namespace>/<name>` for namespaced objects,
// `<kind>:<name>` for cluster-scoped ones, kind in lower case — the same strings the page uses as
// data-testid ("pod:default/web-1", "node:kind-worker", "deployment:default/web").
import type { KubeObject, ObjectRef } from '../../../engine';

export type ObjectId = string;

export interface Ref {
  kind: string;
  namespace?: string;
  name: string;
}

export function idOf(kind: string, namespace: string | undefined, name: string): ObjectId {
  return `${kind.toLowerCase()}:${namespace ? `${namespace}/` : ''}${name}`;
}

export function idOfObject(o: KubeObject): ObjectId {
  return idOf(o.kind, o.metadata.namespace, o.metadata.name ?? '');
}

export function idOfRef(r: Ref | ObjectRef): ObjectId {
  return idOf(r.kind, r.namespace, r.name);
}

export function refOf(o: KubeObject): Ref {
  return { kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name ?? '' };
}

/** 'pod:default/web-1' → { kind: 'pod', namespace: 'default', name: 'web-1' } (kind stays lower case). */
export function parseId(id: ObjectId): Ref {
  const i = id.indexOf(':');
  const kind = id.slice(0, i);
  const rest = id.slice(i + 1);
  const j = rest.indexOf('/');
  return j < 0 ? { kind, name: rest } : { kind, namespace: rest.slice(0, j), name: rest.slice(j + 1) };
}

/** kubectl's resource word for a kind: 'Deployment' → 'deployment'. */
export function kubectlKind(kind: string): string {
  return kind.toLowerCase();
}

/** ` -n <ns>` for namespaced objects (always explicit: students see where the object lives). */
export function nsFlag(r: Ref): string {
  return r.namespace ? ` -n ${r.namespace}` : '';
}
