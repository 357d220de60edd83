import { describe, expect, it } from 'vitest';
import { CycleState } from '../../framework/cycle_state';
import { nodeInfo, pod } from '../../testing/fixtures';
import { ErrReasonUnschedulable, New } from './node_unschedulable';

describe('NodeUnschedulable', () => {
  const cases = [
    { name: 'schedulable node', unschedulable: false, tolerations: undefined, want: null },
    { name: 'cordoned node', unschedulable: true, tolerations: undefined, want: ErrReasonUnschedulable },
    {
      name: 'cordoned node, pod tolerates the unschedulable taint',
      unschedulable: true,
      tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists' as const, effect: 'NoSchedule' as const }],
      want: null,
    },
    {
      name: 'cordoned node, toleration for another effect does not help',
      unschedulable: true,
      tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists' as const, effect: 'NoExecute' as const }],
      want: ErrReasonUnschedulable,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = New().filter(new CycleState(), pod({ spec: { containers: [{ name: 'c' }], tolerations: c.tolerations } }), nodeInfo({ name: 'n', unschedulable: c.unschedulable }));
      expect(s?.reasons[0] ?? null).toBe(c.want);
      if (s) expect(s.code).toBe(2);
    });
  }
  it('has the upstream reason string', () => {
    expect(ErrReasonUnschedulable).toBe('node(s) were unschedulable');
  });
});
