import { describe, expect, it } from 'vitest';
import { CycleState } from '../../framework/cycle_state';
import { nodeInfo, pod } from '../../testing/fixtures';
import { ErrReason, New } from './node_name';

describe('NodeName', () => {
  const cases = [
    { name: 'no nodeName', nodeName: undefined, want: null },
    { name: 'matching nodeName', nodeName: 'n1', want: null },
    { name: 'other nodeName', nodeName: 'n2', want: "node(s) didn't match the requested node name" },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const s = New().filter(new CycleState(), pod({ spec: { containers: [{ name: 'c' }], nodeName: c.nodeName } }), nodeInfo({ name: 'n1' }));
      expect(s?.reasons[0] ?? null).toBe(c.want);
    });
  }
  it('ErrReason', () => expect(ErrReason).toBe("node(s) didn't match the requested node name"));
});
