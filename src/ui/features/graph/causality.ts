// Causality for the selected object: what led to it and what it led to, from the two sources
// the engine records — ownerReferences (a ReplicaSet exists because its Deployment does) and
// trace links (each trace names the `object` a component acted on and the `cause` that made it
// act). Plus "related" objects that explain where it is: the node a pod runs on, the pods on a
// node, the Services that select a pod. The UI never re-derives decisions: it only follows links.
import type { KubeObject, TraceEntry } from '../../../engine';
import { idOf, idOfObject, idOfRef, type ObjectId } from './ids';
import { selectorMatches, serviceSelector } from './objects';

export interface Relatives {
  causes: ReadonlySet<ObjectId>;
  effects: ReadonlySet<ObjectId>;
  related: ReadonlySet<ObjectId>;
}

export const NO_RELATIVES: Relatives = { causes: new Set(), effects: new Set(), related: new Set() };

export function relativesOf(selected: ObjectId | null, all: readonly KubeObject[], traces: readonly TraceEntry[]): Relatives {
  if (!selected) return NO_RELATIVES;
  const byId = new Map<ObjectId, KubeObject>();
  const byUid = new Map<string, KubeObject>();
  const kids = new Map<string, KubeObject[]>();
  for (const o of all) {
    byId.set(idOfObject(o), o);
    if (o.metadata.uid) byUid.set(o.metadata.uid, o);
  }
  for (const o of all) for (const r of o.metadata.ownerReferences ?? []) (kids.get(r.uid) ?? kids.set(r.uid, []).get(r.uid)!).push(o);

  const causes = new Set<ObjectId>();
  const effects = new Set<ObjectId>();
  const related = new Set<ObjectId>();
  const self = byId.get(selected);

  // Up the ownership chain, then down it (transitively: Deployment → ReplicaSets → Pods).
  const up = (o: KubeObject) => {
    for (const r of o.metadata.ownerReferences ?? []) {
      const w = byUid.get(r.uid);
      const id = w ? idOfObject(w) : idOf(r.kind, o.metadata.namespace, r.name);
      if (causes.has(id)) continue;
      causes.add(id);
      if (w) up(w);
    }
  };
  const down = (o: KubeObject) => {
    for (const k of kids.get(o.metadata.uid ?? '') ?? []) {
      const id = idOfObject(k);
      if (effects.has(id)) continue;
      effects.add(id);
      down(k);
    }
  };
  if (self) {
    up(self);
    down(self);
  }

  // One step along trace links, both ways.
  for (const t of traces) {
    if (!t.object || !t.cause) continue;
    const o = idOfRef(t.object);
    const c = idOfRef(t.cause);
    if (o === selected && c !== selected) causes.add(c);
    if (c === selected && o !== selected) effects.add(o);
  }

  // Where it is.
  if (self?.kind === 'Pod') {
    const node = (self as { spec?: { nodeName?: string } }).spec?.nodeName;
    if (node) related.add(idOf('Node', undefined, node));
    for (const s of all) if (s.kind === 'Service' && s.metadata.namespace === self.metadata.namespace && selectorMatches(serviceSelector(s), self.metadata.labels)) related.add(idOfObject(s));
  } else if (self?.kind === 'Node') {
    for (const p of all) if (p.kind === 'Pod' && (p as { spec?: { nodeName?: string } }).spec?.nodeName === self.metadata.name) related.add(idOfObject(p));
  } else if (self?.kind === 'Service') {
    for (const p of all) if (p.kind === 'Pod' && p.metadata.namespace === self.metadata.namespace && selectorMatches(serviceSelector(self), p.metadata.labels)) related.add(idOfObject(p));
  }
  causes.delete(selected);
  effects.delete(selected);
  for (const id of [...causes, ...effects]) related.delete(id);
  return { causes, effects, related };
}

/** The class an item on the graph gets while something is selected. */
export function relationOf(id: ObjectId, selected: ObjectId | null, r: Relatives): 'selected' | 'cause' | 'effect' | 'related' | 'other' | 'none' {
  if (!selected) return 'none';
  if (id === selected) return 'selected';
  if (r.causes.has(id)) return 'cause';
  if (r.effects.has(id)) return 'effect';
  if (r.related.has(id)) return 'related';
  return 'other';
}
