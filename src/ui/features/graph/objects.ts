// Reading the UI's object maps generically: every kind the engine stores, whatever it is, so new
// kinds (Services, StatefulSets, Jobs…) show up on the graph without UI changes.
import type { KubeObject } from '../../../engine';

export type ObjectMaps = Readonly<Record<string, Readonly<Record<string, KubeObject>>>>;

/** Every object of every resource, in a stable order (resource, then namespace/name). */
export function allObjects(maps: ObjectMaps): KubeObject[] {
  const out: KubeObject[] = [];
  for (const r of Object.keys(maps).sort()) {
    const m = maps[r];
    for (const k of Object.keys(m).sort()) out.push(m[k]);
  }
  return out;
}

export function ofKind<T extends KubeObject>(maps: ObjectMaps, kind: string): T[] {
  return allObjects(maps).filter((o) => o.kind === kind) as T[];
}

export function inNamespace(o: KubeObject, ns: string): boolean {
  return ns === '' || !o.metadata.namespace || o.metadata.namespace === ns;
}

/** Does a label selector (matchLabels map, or { matchLabels, matchExpressions }) select these labels? */
export function selectorMatches(selector: unknown, labels: Readonly<Record<string, string>> | undefined): boolean {
  if (!selector || typeof selector !== 'object') return false;
  const sel = selector as { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
  const isStructured = 'matchLabels' in sel || 'matchExpressions' in sel;
  const match: Record<string, string> = isStructured ? (sel.matchLabels ?? {}) : (selector as Record<string, string>);
  const exprs = isStructured ? (sel.matchExpressions ?? []) : [];
  if (Object.keys(match).length === 0 && exprs.length === 0) return false; // a Service without a selector selects nothing
  const l = labels ?? {};
  for (const [k, v] of Object.entries(match)) if (l[k] !== v) return false;
  for (const e of exprs) {
    const has = e.key in l;
    const inValues = has && (e.values ?? []).includes(l[e.key]);
    if (e.operator === 'In' && !inValues) return false;
    if (e.operator === 'NotIn' && inValues) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** A Service's pod selector (spec.selector is a plain map for Services). */
export function serviceSelector(svc: KubeObject): Record<string, string> | undefined {
  const spec = (svc as { spec?: { selector?: Record<string, string> } }).spec;
  return spec?.selector;
}
