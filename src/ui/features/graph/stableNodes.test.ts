import type { Node } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { NO_RELATIVES } from './causality';
import { node as kubeNode, pod as kubePod } from './fixtures.test-util';
import { flowNodeOf } from './flowNodes';
import { placementLayout } from './placementLayout';
import { reuseUnchanged, sameNode } from './stableNodes';
import { EMPTY_COUNTERS } from './traffic';

const pod = { metadata: { name: 'a' } };
const node = (id: string, x: number, data: Record<string, unknown>): Node => ({ id, position: { x, y: 0 }, data, type: 'pod' });

describe('reuseUnchanged', () => {
  it('keeps the previous objects for unchanged nodes and the previous array when nothing changed', () => {
    const prev = [node('a', 0, { pod }), node('b', 10, { pods: [pod] })];
    const byId = new Map(prev.map((n) => [n.id, n]));
    const same = reuseUnchanged(byId, prev, [node('a', 0, { pod }), node('b', 10, { pods: [pod] })], sameNode);
    expect(same).toBe(prev);
    const moved = reuseUnchanged(byId, prev, [node('a', 0, { pod }), node('b', 20, { pods: [pod] })], sameNode);
    expect(moved).not.toBe(prev);
    expect(moved[0]).toBe(prev[0]);
    expect(moved[1]).not.toBe(prev[1]);
    const newData = reuseUnchanged(byId, prev, [node('a', 0, { pod: { ...pod } }), node('b', 10, { pods: [pod] })], sameNode);
    expect(newData[0]).not.toBe(prev[0]);
    expect(newData[1]).toBe(prev[1]);
  });
});

describe('React Flow nodes across batches (placementLayout → flowNodeOf → reuseUnchanged)', () => {
  const NODES = [kubeNode('kind-control-plane', { controlPlane: true }), kubeNode('kind-worker'), kubeNode('kind-worker2')];
  // 50 pods, 25 per worker: the compact drawing, tiles three to a row.
  const PODS = Array.from({ length: 50 }, (_, i) => kubePod(`web-${String(i).padStart(2, '0')}`, i % 2 ? 'kind-worker2' : 'kind-worker'));
  const deco = { selected: null, relatives: NO_RELATIVES, traffic: EMPTY_COUNTERS };
  const flow = (pods: typeof PODS, prev: Node[]) => {
    const next = placementLayout({ nodes: NODES, pods, controlPlane: [], previous: 'compact' }).items.map((i) => flowNodeOf(i, deco));
    return reuseUnchanged(new Map(prev.map((n) => [n.id, n])), prev, next, sameNode);
  };

  it('keeps every node object when nothing changed, and the list itself', () => {
    const first = flow(PODS, []);
    expect(flow(PODS, first)).toBe(first);
  });

  it('keeps the other node and all its pods when a pod is added to one node', () => {
    const first = flow(PODS, []);
    const after = flow([...PODS, kubePod('web-99', 'kind-worker2')], first);
    const before = new Map(first.map((n) => [n.id, n]));
    const changed = after.filter((n) => before.get(n.id) !== n).map((n) => n.id);
    // kind-worker2's box (its pod list) and the new pod; nothing on kind-worker, nothing above.
    expect(changed).toEqual(['node:kind-worker2', 'pod:default/web-99']);
  });

  it('renews only the pod whose status changed', () => {
    const first = flow(PODS, []);
    const failed = PODS.map((p) => (p.metadata.name === 'web-10' ? { ...p, status: { ...p.status, phase: 'Failed' as const } } : p));
    const after = flow(failed, first);
    const before = new Map(first.map((n) => [n.id, n]));
    expect(after.filter((n) => before.get(n.id) !== n).map((n) => n.id)).toEqual(['node:kind-worker', 'pod:default/web-10']);
  });
});
