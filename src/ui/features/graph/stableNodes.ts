// Keep React Flow's work proportional to what changed. The lens layout is recomputed from the
// whole cluster on every batch, so every node object would be new; React Flow (and each memoised
// node component) then redoes all of them. Here a new node that looks like the previous one with
// the same id is replaced by that previous object, so only the changed ones travel on.
// Worked example: 300 pods, a batch marks 3 of them Terminating → 3 PodNode renders, not 300.
import type { Edge, Node } from '@xyflow/react';

/** Equal enough to draw the same: same values, data compared one level deep (arrays item-wise). */
export function sameNode(a: Node, b: Node): boolean {
  return (
    a.type === b.type &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.width === b.width &&
    a.height === b.height &&
    a.zIndex === b.zIndex &&
    a.selected === b.selected &&
    a.selectable === b.selectable &&
    a.className === b.className &&
    a.ariaLabel === b.ariaLabel &&
    shallowData(a.data, b.data)
  );
}

export function sameEdge(a: Edge, b: Edge): boolean {
  return a.source === b.source && a.target === b.target && a.type === b.type && a.className === b.className && shallowData(a.data ?? {}, b.data ?? {});
}

function shallowData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  if (a === b) return true;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => v === y[i])) continue;
    return false;
  }
  return true;
}

/**
 * Returns `next` with unchanged items swapped for their previous objects (and the previous
 * array itself when nothing changed at all). `prev` is the previous result, by id.
 */
export function reuseUnchanged<T extends { id: string }>(prev: ReadonlyMap<string, T>, prevList: readonly T[], next: T[], same: (a: T, b: T) => boolean): T[] {
  let changed = next.length !== prevList.length;
  const out = next.map((n, i) => {
    const p = prev.get(n.id);
    const keep = p !== undefined && same(p, n);
    if (!keep || prevList[i] !== p) changed = true;
    return keep ? p : n;
  });
  return changed ? out : (prevList as T[]);
}
