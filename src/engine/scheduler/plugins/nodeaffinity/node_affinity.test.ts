import { describe, expect, it } from 'vitest';
import type { Affinity } from '../../../api/core';
import { CycleState } from '../../framework/cycle_state';
import { SKIP } from '../../framework/types';
import { nodeInfo, pod } from '../../testing/fixtures';
import { ErrReasonPod, New } from './node_affinity';

const REASON = "node(s) didn't match Pod's node affinity/selector";

function required(...terms: NonNullable<Affinity['nodeAffinity']>['requiredDuringSchedulingIgnoredDuringExecution'] extends infer R ? R extends { nodeSelectorTerms: infer T } ? T : never : never): Affinity {
  return { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } };
}

describe('NodeAffinity filter', () => {
  const node = { name: 'n1', labels: { disk: 'ssd', zone: 'a', cores: '8' } };
  const cases: { name: string; nodeSelector?: Record<string, string>; affinity?: Affinity; want: string | null }[] = [
    { name: 'nodeSelector matches', nodeSelector: { disk: 'ssd' }, want: null },
    { name: 'nodeSelector value differs', nodeSelector: { disk: 'hdd' }, want: REASON },
    { name: 'nodeSelector label missing', nodeSelector: { gpu: 'true' }, want: REASON },
    { name: 'In', affinity: required({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'b'] }] }), want: null },
    { name: 'NotIn on missing label matches', affinity: required({ matchExpressions: [{ key: 'gpu', operator: 'NotIn', values: ['x'] }] }), want: null },
    { name: 'DoesNotExist fails', affinity: required({ matchExpressions: [{ key: 'disk', operator: 'DoesNotExist' }] }), want: REASON },
    { name: 'Gt', affinity: required({ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['4'] }] }), want: null },
    { name: 'Lt fails', affinity: required({ matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['4'] }] }), want: REASON },
    { name: 'terms are ORed', affinity: required({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['z'] }] }, { matchExpressions: [{ key: 'disk', operator: 'Exists' }] }), want: null },
    { name: 'expressions in a term are ANDed', affinity: required({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }, { key: 'disk', operator: 'In', values: ['hdd'] }] }), want: REASON },
    { name: 'matchFields metadata.name In', affinity: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }), want: null },
    { name: 'matchFields other node', affinity: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n2'] }] }), want: REASON },
    { name: 'empty term matches nothing', affinity: required({}), want: REASON },
    { name: 'nodeSelector AND affinity', nodeSelector: { disk: 'hdd' }, affinity: required({ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }), want: REASON },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const pl = New();
      const st = new CycleState();
      const p = pod({ spec: { containers: [{ name: 'c' }], nodeSelector: c.nodeSelector, affinity: c.affinity } });
      expect(pl.preFilter(st, p)).toBeNull();
      const s = pl.filter(st, p, nodeInfo(node));
      expect(s?.reasons[0] ?? null).toBe(c.want);
      if (s) expect(s.code).toBe(2);
    });
  }
  it('PreFilter skips pods without selector or required affinity', () => {
    expect(New().preFilter(new CycleState(), pod())?.code).toBe(SKIP);
  });
  it('ErrReasonPod', () => expect(ErrReasonPod).toBe(REASON));
});

describe('NodeAffinity score', () => {
  it('sums matching preferred weights and normalises to the best node', () => {
    const pl = New();
    const st = new CycleState();
    const p = pod({
      spec: {
        containers: [{ name: 'c' }],
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 20, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } },
              { weight: 60, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } },
            ],
          },
        },
      },
    });
    expect(pl.preScore(st, p)).toBeNull();
    const nodes = [nodeInfo({ name: 'none' }), nodeInfo({ name: 'ssd', labels: { disk: 'ssd' } }), nodeInfo({ name: 'both', labels: { disk: 'ssd', zone: 'a' } })];
    const scores = nodes.map((n) => pl.score(st, p, n));
    expect(scores).toEqual([0, 20, 80]);
    pl.normalizeScore(st, p, scores);
    // 100 * 20 / 80 = 25.
    expect(scores).toEqual([0, 25, 100]);
  });
  it('PreScore skips pods without preferred terms', () => {
    expect(New().preScore(new CycleState(), pod())?.code).toBe(SKIP);
  });
});
