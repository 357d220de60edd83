// From a selected id to what verbs act on: the object (as last seen) and its reference.
import type { KubeObject } from '../../../engine';
import type { ActionTarget } from '../../actions/objectAction';
import { idOfObject, parseId } from './ids';

export function targetOf(id: string | null, all: readonly KubeObject[]): ActionTarget | null {
  if (!id) return null;
  const p = parseId(id);
  if (p.kind === 'controlplane') return p.name ? { id, ref: { kind: 'ControlPlane', name: p.name } } : null;
  const obj = all.find((o) => idOfObject(o) === id);
  if (!obj) return null;
  return { id, ref: { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name ?? '' }, obj };
}

/** A short human name: 'Pod default/web-1', 'Node kind-worker', 'scheduler (control plane)'. */
export function titleOf(t: ActionTarget): string {
  if (t.ref.kind === 'ControlPlane') return `${t.ref.name} (control plane)`;
  return `${t.ref.kind} ${t.ref.namespace ? `${t.ref.namespace}/` : ''}${t.ref.name}`;
}
