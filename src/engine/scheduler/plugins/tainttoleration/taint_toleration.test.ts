import { describe, expect, it } from 'vitest';
import type { Taint, Toleration } from '../../../api/core';
import { CycleState } from '../../framework/cycle_state';
import { nodeInfo, pod } from '../../testing/fixtures';
import { New } from './taint_toleration';

const CP: Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

describe('TaintToleration filter', () => {
  const cases: { name: string; taints: Taint[]; tolerations?: Toleration[]; want: string | null }[] = [
    { name: 'no taints', taints: [], want: null },
    { name: 'control-plane taint, empty value', taints: [CP], want: 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }' },
    { name: 'taint with value', taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }], want: 'node(s) had untolerated taint {dedicated: gpu}' },
    { name: 'NoExecute counts', taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }], want: 'node(s) had untolerated taint {node.kubernetes.io/unreachable: }' },
    { name: 'PreferNoSchedule does not filter', taints: [{ key: 'soft', effect: 'PreferNoSchedule' }], want: null },
    { name: 'Exists toleration', taints: [CP], tolerations: [{ key: CP.key, operator: 'Exists' }], want: null },
    { name: 'Equal toleration, wrong value', taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }], tolerations: [{ key: 'dedicated', value: 'db' }], want: 'node(s) had untolerated taint {dedicated: gpu}' },
    { name: 'Equal toleration, right value', taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }], tolerations: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }], want: null },
    { name: 'toleration for other effect', taints: [CP], tolerations: [{ key: CP.key, operator: 'Exists', effect: 'NoExecute' }], want: 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }' },
    { name: 'empty key Exists tolerates everything', taints: [CP, { key: 'x', value: 'y', effect: 'NoExecute' }], tolerations: [{ operator: 'Exists' }], want: null },
    { name: 'first untolerated taint is reported', taints: [{ key: 'a', value: '1', effect: 'NoSchedule' }, { key: 'b', value: '2', effect: 'NoSchedule' }], tolerations: [{ key: 'a', operator: 'Exists' }], want: 'node(s) had untolerated taint {b: 2}' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = New().filter(new CycleState(), pod({ spec: { containers: [{ name: 'c' }], tolerations: c.tolerations } }), nodeInfo({ name: 'n', taints: c.taints }));
      expect(s?.reasons[0] ?? null).toBe(c.want);
      if (s) expect(s.code).toBe(2);
    });
  }
});

describe('TaintToleration score', () => {
  it('counts intolerable PreferNoSchedule taints and normalises reversed', () => {
    const pl = New();
    const st = new CycleState();
    const p = pod({ spec: { containers: [{ name: 'c' }], tolerations: [{ key: 'ok', operator: 'Exists', effect: 'PreferNoSchedule' }] } });
    pl.preScore(st, p);
    const nodes = [
      nodeInfo({ name: 'clean' }),
      nodeInfo({ name: 'one', taints: [{ key: 'a', effect: 'PreferNoSchedule' }, { key: 'ok', effect: 'PreferNoSchedule' }] }),
      nodeInfo({ name: 'two', taints: [{ key: 'a', effect: 'PreferNoSchedule' }, { key: 'b', effect: 'PreferNoSchedule' }, { key: 'c', effect: 'NoSchedule' }] }),
    ];
    const scores = nodes.map((n) => pl.score(st, p, n));
    expect(scores).toEqual([0, 1, 2]);
    pl.normalizeScore(st, p, scores);
    // Reversed: 100 - 100*count/max ⇒ [100, 50, 0].
    expect(scores).toEqual([100, 50, 0]);
  });
  it('no PreferNoSchedule taints anywhere ⇒ every node 100', () => {
    const scores = [0, 0, 0];
    New().normalizeScore(new CycleState(), pod(), scores);
    expect(scores).toEqual([100, 100, 100]);
  });
});
