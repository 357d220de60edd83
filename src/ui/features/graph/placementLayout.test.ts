import { describe, expect, it } from 'vitest';
import { node, pod } from './fixtures.test-util';
import {
  COLUMNS,
  COMPACT_ABOVE_ON_NODE,
  COMPACT_ABOVE_PODS,
  COMPACT_COLUMNS,
  NODE_HEAD,
  NODE_W,
  PAD,
  POD_W,
  TILE_COLUMNS,
  TILE_H,
  TILE_W,
  nodeBoxHeight,
  placementLayout,
  podDrawing,
} from './placementLayout';
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

// kind's default cluster: 6 system pods on the control plane, 3 on each worker (15 in all).
const KIND = [node('kind-control-plane', { controlPlane: true }), node('kind-worker'), node('kind-worker2'), node('kind-worker3')];
const system = () => [
  ...['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kube-proxy-a', 'kindnet-a'].map((n) => pod(n, 'kind-control-plane', { ns: 'kube-system' })),
  ...['kind-worker', 'kind-worker2', 'kind-worker3'].flatMap((w, i) => ['kube-proxy', 'kindnet', 'extra'].map((n) => pod(`${n}-${i}`, w, { ns: 'kube-system' }))),
];
/** `n` replicas spread over the three workers in turn (7, 7, 6 for 20), named web-00, web-01, … */
const web = (n: number) => Array.from({ length: n }, (_, i) => pod(`web-${String(i).padStart(2, '0')}`, ['kind-worker', 'kind-worker2', 'kind-worker3'][i % 3]));
const pods = (l: ReturnType<typeof placementLayout>) => l.items.filter((i) => i.type === 'pod');

describe('the compact drawing (big clusters)', () => {
  it('follows the worked example in the header comment', () => {
    const roomy = placementLayout({ nodes: KIND, pods: [...system(), ...web(20)], controlPlane: [] });
    expect(roomy.podDrawing).toBe('roomy');
    expect(pods(roomy).every((p) => p.width === POD_W && !(p.data as { compact?: boolean }).compact)).toBe(true);

    const big = placementLayout({ nodes: KIND, pods: [...system(), ...web(30)], controlPlane: [], previous: 'roomy' });
    expect(big.podDrawing).toBe('compact');
    const worker = at(big, 'node:kind-worker');
    expect(worker.h).toBe(348);
    expect(nodeBoxHeight(13)).toBe(914);
    // kind-worker's pods by namespace/name: default/web-00, -03, -06, -09, -12 (index 4), -15 (index 5), …
    const sixth = at(big, 'pod:default/web-15');
    expect([sixth.x - worker.x, sixth.y - worker.y]).toEqual([170, 193]);
    expect([sixth.w, sixth.h]).toEqual([TILE_W, TILE_H]);
    expect((big.items.find((i) => i.id === 'pod:default/web-15')!.data as { compact?: boolean }).compact).toBe(true);

    // Scale back: 20 replicas (35 pods) stay tiles after tiles; 15 (30 pods) are roomy again.
    expect(placementLayout({ nodes: KIND, pods: [...system(), ...web(20)], controlPlane: [], previous: 'compact' }).podDrawing).toBe('compact');
    expect(placementLayout({ nodes: KIND, pods: [...system(), ...web(15)], controlPlane: [], previous: 'compact' }).podDrawing).toBe('roomy');
  });

  it.each([
    // pods, on the busiest node, previous → drawing
    [COMPACT_ABOVE_PODS, 5, undefined, 'roomy'],
    [COMPACT_ABOVE_PODS + 1, 5, undefined, 'compact'],
    [10, COMPACT_ABOVE_ON_NODE, undefined, 'roomy'],
    [14, COMPACT_ABOVE_ON_NODE + 1, undefined, 'compact'],
    [33, 5, 'compact', 'compact'],
    [32, 10, 'compact', 'roomy'],
    [20, 11, 'compact', 'compact'],
    [32, 10, 'roomy', 'roomy'],
  ] as const)('%i pods, %i on one node, previously %s → %s', (n, onNode, previous, want) => expect(podDrawing(n, onNode, previous)).toBe(want));

  it('does not count a wave of pods waiting in Unscheduled as a busy node', () => {
    const waiting = Array.from({ length: 13 }, (_, i) => pod(`new-${i}`, undefined));
    expect(placementLayout({ nodes: KIND, pods: [...system(), ...waiting], controlPlane: [] }).podDrawing).toBe('roomy');
  });

  it('puts tiles TILE_COLUMNS to a row inside their box, in name order among pods of the same age, never overlapping', () => {
    const l = placementLayout({ nodes: KIND, pods: [...system(), ...web(60)], controlPlane: [] });
    const box = at(l, 'node:kind-worker2');
    const mine = pods(l).filter((p) => inside(at(l, p.id), box));
    expect(mine.length).toBe(3 + 20);
    expect(mine.map((p) => p.id)).toEqual([...mine.map((p) => p.id)].sort());
    // Row-major: the first TILE_COLUMNS share a y, left to right; the next starts a row below.
    const first = mine.slice(0, TILE_COLUMNS + 1).map((p) => at(l, p.id));
    expect(new Set(first.slice(0, TILE_COLUMNS).map((r) => r.y)).size).toBe(1);
    expect(first[1].x).toBeGreaterThan(first[0].x);
    expect(first[TILE_COLUMNS].x).toBe(first[0].x);
    expect(first[TILE_COLUMNS].y).toBeGreaterThan(first[0].y);
    for (const a of mine)
      for (const b of mine) {
        if (a === b) continue;
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
      }
    // Unscheduled pods are tiles too, inside the Unscheduled box.
    const withPending = placementLayout({ nodes: KIND, pods: [...system(), ...web(60), pod('p', undefined)], controlPlane: [] });
    expect(inside(at(withPending, 'pod:default/p'), at(withPending, 'unscheduled:'))).toBe(true);
    expect(at(withPending, 'pod:default/p').w).toBe(TILE_W);
  });

  it('does not move anything when a pod lands on another node', () => {
    const before = placementLayout({ nodes: KIND, pods: [...system(), ...web(60)], controlPlane: [], previous: 'compact' });
    const after = placementLayout({ nodes: KIND, pods: [...system(), ...web(60), pod('zz-new', 'kind-worker3')], controlPlane: [], previous: 'compact' });
    for (const i of before.items) if (i.id !== 'node:kind-worker3' && !inside(at(before, i.id), at(before, 'node:kind-worker3'))) expect(at(after, i.id), i.id).toEqual(at(before, i.id));
  });

  it('seats tiles in order of arrival: a replacement takes the next seat and no tile moves', () => {
    const aged = (p: ReturnType<typeof pod>, second: number) => ({ ...p, metadata: { ...p.metadata, creationTimestamp: `2025-03-03T09:0${Math.floor(second / 60)}:${String(second % 60).padStart(2, '0')}Z` } });
    const old = [...system(), ...web(60)].map((p) => aged(p, 10));
    const before = placementLayout({ nodes: KIND, pods: old, controlPlane: [], previous: 'compact' });
    // Its name sorts before every other pod's, but it is the newest: it goes last.
    const newcomer = aged(pod('aaa-replacement', 'kind-worker'), 400);
    const after = placementLayout({ nodes: KIND, pods: [...old, newcomer], controlPlane: [], previous: 'compact' });
    for (const i of before.items) if (i.type === 'pod') expect(at(after, i.id), i.id).toEqual(at(before, i.id));
    const box = at(after, 'node:kind-worker');
    const seats = pods(after).filter((p) => inside(at(after, p.id), box)).sort((a, b) => a.y - b.y || a.x - b.x);
    expect(seats.at(-1)?.id).toBe('pod:default/aaa-replacement');
  });

  it('lays nodes out COMPACT_COLUMNS to a row, so a big cluster stays wide', () => {
    const many = Array.from({ length: 11 }, (_, i) => node(`n${String(i).padStart(2, '0')}`));
    const spread = Array.from({ length: 300 }, (_, i) => pod(`big-${i}`, `n${String(i % 11).padStart(2, '0')}`));
    const l = placementLayout({ nodes: many, pods: spread, controlPlane: [] });
    expect(l.podDrawing).toBe('compact');
    expect(at(l, `node:n${String(COMPACT_COLUMNS).padStart(2, '0')}`).x).toBe(0);
    expect(at(l, 'node:n01').y).toBe(at(l, `node:n${String(COMPACT_COLUMNS - 1).padStart(2, '0')}`).y);
    expect(COMPACT_COLUMNS).toBeGreaterThan(COLUMNS);
    // The boxes are far shorter than the roomy drawing's: 28 pods in 10 rows of tiles.
    expect(at(l, 'node:n00').h).toBeLessThan(nodeBoxHeight(28) / 3);
  });
});
