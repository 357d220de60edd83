import type { Node } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { reuseUnchanged, sameNode } from './stableNodes';

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
