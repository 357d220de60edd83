import { describe, expect, it } from 'vitest';
import type { Pod } from '../../api/core';
import { activePodsWithRanksLess, getPodsToDelete, isPodAvailable, logarithmicRankDiff, slowStartBatches } from './controller_utils';
import { calculateStatus, nextAvailableCheckMs } from './replica_set_utils';

const T0 = Date.UTC(2025, 2, 3, 9, 0, 0);
const iso = (ms: number) => new Date(T0 + ms).toISOString().replace('.000Z', 'Z');

interface P {
  name?: string; uid?: string; node?: string; phase?: Pod['status'] extends infer S ? S extends { phase?: infer X } ? X : never : never;
  ready?: number; cost?: string; restarts?: number; created?: number; labels?: Record<string, string>; deleting?: boolean;
}
function pod(p: P): Pod {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name: p.name ?? p.uid ?? 'p', uid: p.uid ?? p.name ?? 'u', namespace: 'default',
      creationTimestamp: p.created === undefined ? iso(0) : iso(p.created),
      labels: p.labels ?? { app: 'web' },
      annotations: p.cost !== undefined ? { 'controller.kubernetes.io/pod-deletion-cost': p.cost } : undefined,
      deletionTimestamp: p.deleting ? iso(0) : undefined,
    },
    spec: { containers: [{ name: 'c' }], nodeName: p.node },
    status: {
      phase: p.phase ?? 'Running',
      conditions: p.ready !== undefined ? [{ type: 'Ready', status: 'True', lastTransitionTime: iso(p.ready) }] : [],
      containerStatuses: [{ name: 'c', state: {}, lastState: {}, ready: p.ready !== undefined, restartCount: p.restarts ?? 0, image: 'x', imageID: '' }],
    },
  };
}

describe('slowStartBatches', () => {
  it.each([
    [0, []],
    [1, [1]],
    [3, [1, 2]],
    [10, [1, 2, 4, 3]],
    [15, [1, 2, 4, 8]],
    [500, [1, 2, 4, 8, 16, 32, 64, 128, 245]],
  ])('%i pods → %j', (n, want) => {
    expect(slowStartBatches(n as number)).toEqual(want);
  });
});

describe('ActivePodsWithRanks: each rule puts the first pod before the second', () => {
  const now = T0 + 3600_000;
  const cases: [string, Pod, Pod, number?, number?][] = [
    ['1 unassigned < assigned', pod({ uid: 'b', node: undefined, phase: 'Pending' }), pod({ uid: 'a', node: 'n1', phase: 'Pending' })],
    ['2 Pending < Running', pod({ uid: 'b', node: 'n1', phase: 'Pending' }), pod({ uid: 'a', node: 'n1', phase: 'Running' })],
    ['2 Unknown < Running', pod({ uid: 'b', node: 'n1', phase: 'Unknown' }), pod({ uid: 'a', node: 'n1', phase: 'Running' })],
    ['3 not Ready < Ready', pod({ uid: 'b', node: 'n1' }), pod({ uid: 'a', node: 'n1', ready: 0 })],
    ['4 lower deletion cost first', pod({ uid: 'b', node: 'n1', ready: 0, cost: '-5' }), pod({ uid: 'a', node: 'n1', ready: 0, cost: '10' })],
    ['4 no annotation (0) before positive cost', pod({ uid: 'b', node: 'n1', ready: 0 }), pod({ uid: 'a', node: 'n1', ready: 0, cost: '1' })],
    ['5 doubled up (rank 2) before rank 1', pod({ uid: 'b', node: 'n1', ready: 0 }), pod({ uid: 'a', node: 'n2', ready: 0 }), 2, 1],
    ['6 ready 1 min ago before ready 1 h ago', pod({ uid: 'b', node: 'n1', ready: 3540_000 }), pod({ uid: 'a', node: 'n1', ready: 0 })],
    ['6 same log bucket → lower UID first', pod({ uid: 'a', node: 'n1', ready: 3600_000 - 7000 }), pod({ uid: 'b', node: 'n1', ready: 3600_000 - 5000 })],
    ['7 more restarts first', pod({ uid: 'b', node: 'n1', ready: 0, restarts: 3 }), pod({ uid: 'a', node: 'n1', ready: 0, restarts: 1 })],
    ['8 newer first', pod({ uid: 'b', node: 'n1', created: 3500_000 }), pod({ uid: 'a', node: 'n1', created: 0 })],
    ['8 same log bucket → lower UID first', pod({ uid: 'a', node: 'n1', created: 3600_000 - 7000 }), pod({ uid: 'b', node: 'n1', created: 3600_000 - 5000 })],
  ];
  it.each(cases)('%s', (_name, first, second, r1 = 0, r2 = 0) => {
    expect(activePodsWithRanksLess({ pod: first, rank: r1 }, { pod: second, rank: r2 }, now)).toBe(true);
    expect(activePodsWithRanksLess({ pod: second, rank: r2 }, { pod: first, rank: r1 }, now)).toBe(false);
  });

  it('log buckets are of nanoseconds: 5 s and 7 s share bucket 32, 3 s is bucket 31', () => {
    expect(logarithmicRankDiff(now - 5000, now - 7000, now)).toBe(0);
    expect(logarithmicRankDiff(now - 3000, now - 5000, now)).toBe(-1);
  });
});

describe('getPodsToDelete', () => {
  const now = T0 + 3600_000;
  it('prefers pods doubled up with related pods on the same node', () => {
    const mine = [pod({ uid: 'x1', node: 'n1', ready: 0 }), pod({ uid: 'x2', node: 'n2', ready: 0 })];
    const sibling = [pod({ uid: 's1', node: 'n2', ready: 0 })];
    expect(getPodsToDelete(mine, [...mine, ...sibling], 1, now).map((p) => p.metadata.uid)).toEqual(['x2']);
  });
  it('takes the pending and unready pods before the running ones', () => {
    const pods = [pod({ uid: 'r', node: 'n1', ready: 0 }), pod({ uid: 'p', phase: 'Pending' }), pod({ uid: 'u', node: 'n1' })];
    expect(getPodsToDelete(pods, pods, 2, now).map((p) => p.metadata.uid)).toEqual(['p', 'u']);
  });
  it('does not sort when every pod goes', () => {
    const pods = [pod({ uid: 'r', node: 'n1', ready: 0 }), pod({ uid: 'p', phase: 'Pending' })];
    expect(getPodsToDelete(pods, pods, 2, now).map((p) => p.metadata.uid)).toEqual(['r', 'p']);
  });
  it('terminating related pods do not count for the rank', () => {
    const mine = [pod({ uid: 'x1', node: 'n1', ready: 0 }), pod({ uid: 'x2', node: 'n2', ready: 0 })];
    const sibling = [pod({ uid: 's1', node: 'n2', ready: 0, deleting: true })];
    // ranks equal (1 each) → falls to UID/time rules: both ready at 0 → creation same → false → stable order
    expect(getPodsToDelete(mine, [...mine, ...sibling], 1, now).map((p) => p.metadata.uid)).toEqual(['x1']);
  });
});

describe('availability and calculateStatus', () => {
  it('minReadySeconds needs strictly more time than the minimum', () => {
    const p = pod({ uid: 'a', node: 'n', ready: 0 });
    expect(isPodAvailable(p, 10, T0 + 10_000)).toBe(false);
    expect(isPodAvailable(p, 10, T0 + 10_001)).toBe(true);
    expect(isPodAvailable(p, 0, T0)).toBe(true);
    expect(nextAvailableCheckMs([p], 10, T0 + 4000)).toBe(6001);
  });
  it('counts replicas, fully labeled, ready and available', () => {
    const rs = { metadata: { generation: 4 }, spec: { replicas: 3, minReadySeconds: 5, template: { metadata: { labels: { app: 'web', tier: 'fe' } }, spec: { containers: [] } } } };
    const pods = [
      pod({ uid: 'a', node: 'n', ready: 0, labels: { app: 'web', tier: 'fe' } }),
      pod({ uid: 'b', node: 'n', ready: 9000, labels: { app: 'web', tier: 'fe' } }),
      pod({ uid: 'c', node: 'n', labels: { app: 'web' } }),
    ];
    const s = calculateStatus(rs, pods, null, T0 + 10_000, iso(10_000));
    expect(s).toEqual({ replicas: 3, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 1, observedGeneration: 4 });
  });
  it('a failed create adds ReplicaFailure/FailedCreate; a clean sync removes it', () => {
    const rs = { metadata: { generation: 1 }, spec: { replicas: 3 } };
    const s = calculateStatus(rs, [], new Error('pods "x" is forbidden: exceeded quota'), T0, iso(0));
    expect(s.conditions).toEqual([{ type: 'ReplicaFailure', status: 'True', lastTransitionTime: iso(0), reason: 'FailedCreate', message: 'pods "x" is forbidden: exceeded quota' }]);
    const s2 = calculateStatus({ ...rs, status: s }, [], null, T0, iso(0));
    expect(s2.conditions).toBeUndefined();
  });
});
