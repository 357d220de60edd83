import { describe, expect, it } from 'vitest';
import { node, pod } from './fixtures.test-util';
import { COLUMNS, NODE_HEAD, NODE_W, PAD, placementLayout } from './placementLayout';
import type { Layout } from './layoutTypes';

const NODES = [node('kind-worker2'), node('kind-control-plane', { controlPlane: true }), node('kind-worker')];
const at = (l: Layout, id: string) => {
  const i = l.items.find((x) => x.id === id);
  if (!i) throw new Error(`no item ${id}`);
  return { x: i.x, y: i.y, w: i.width, h: i.height };
};
const inside = (inner: ReturnType<typeof at>, outer: ReturnType<typeof at>) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w && inner.y + inner.h <= outer.y + outer.h;

describe('placementLayout', () => {
  const base = placementLayout({ nodes: NODES, pods: [pod('b', 'kind-worker'), pod('a', 'kind-worker'), pod('p', undefined)], controlPlane: [] });

  it('orders nodes control plane first, then by name, left to right', () => {
    const xs = ['kind-control-plane', 'kind-worker', 'kind-worker2'].map((n) => at(base, `node:${n}`).x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(at(base, 'node:kind-control-plane').x).toBe(0);
  });

  it('puts each pod inside its node box, ordered by name', () => {
    const a = at(base, 'pod:default/a');
    const b = at(base, 'pod:default/b');
    expect(inside(a, at(base, 'node:kind-worker'))).toBe(true);
    expect(inside(b, at(base, 'node:kind-worker'))).toBe(true);
    expect(a.y).toBeLessThan(b.y);
    expect(a.y).toBe(at(base, 'node:kind-worker').y + NODE_HEAD);
    expect(a.x).toBe(at(base, 'node:kind-worker').x + PAD);
  });

  it('puts pods without a node (or with a vanished node) in the Unscheduled area', () => {
    const l = placementLayout({ nodes: NODES, pods: [pod('p', undefined), pod('q', 'gone-node')], controlPlane: [] });
    expect(inside(at(l, 'pod:default/p'), at(l, 'unscheduled:'))).toBe(true);
    expect(inside(at(l, 'pod:default/q'), at(l, 'unscheduled:'))).toBe(true);
  });

  it('does not move anything when a pod lands on another node', () => {
    const after = placementLayout({ nodes: NODES, pods: [pod('b', 'kind-worker'), pod('a', 'kind-worker'), pod('p', undefined), pod('z', 'kind-worker2')], controlPlane: [] });
    for (const id of ['node:kind-worker', 'node:kind-control-plane', 'pod:default/a', 'pod:default/b', 'pod:default/p', 'unscheduled:']) expect(at(after, id)).toEqual(at(base, id));
    expect(at(after, 'node:kind-worker2').h).toBeGreaterThanOrEqual(at(base, 'node:kind-worker2').h);
  });

  it('does not move anything when a pod only changes status', () => {
    const running = placementLayout({ nodes: NODES, pods: [pod('b', 'kind-worker', { phase: 'Failed' }), pod('a', 'kind-worker'), pod('p', undefined)], controlPlane: [] });
    expect(running.items.map((i) => [i.id, i.x, i.y, i.width, i.height])).toEqual(base.items.map((i) => [i.id, i.x, i.y, i.width, i.height]));
  });

  it('wraps nodes after COLUMNS per row, never overlapping', () => {
    const many = Array.from({ length: COLUMNS + 2 }, (_, i) => node(`n${i}`));
    const l = placementLayout({ nodes: many, pods: [], controlPlane: [] });
    const boxes = l.items.filter((i) => i.type === 'kubeNode' || i.type === 'unscheduled' || i.type === 'controlPlane');
    for (const a of boxes)
      for (const b of boxes) {
        if (a === b) continue;
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
      }
    expect(at(l, `node:n${COLUMNS}`).x).toBe(0);
    expect(at(l, 'node:n1').w).toBe(NODE_W);
  });

  it('is deterministic: the input order of nodes and pods does not matter', () => {
    const shuffled = placementLayout({ nodes: [...NODES].reverse(), pods: [pod('p', undefined), pod('a', 'kind-worker'), pod('b', 'kind-worker')], controlPlane: [] });
    expect(JSON.stringify(shuffled.items.map((i) => [i.id, i.x, i.y]).sort())).toBe(JSON.stringify(base.items.map((i) => [i.id, i.x, i.y]).sort()));
  });
});
