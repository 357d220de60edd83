import { describe, expect, it } from 'vitest';
import type { Container } from '../../../api/core';
import { CycleState } from '../../framework/cycle_state';
import { SKIP } from '../../framework/types';
import { nodeInfo, pod } from '../../testing/fixtures';
import { ErrReason, New } from './node_ports';

const REASON = "node(s) didn't have free ports for the requested pod ports";
const withPort = (hostPort: number, protocol: 'TCP' | 'UDP' = 'TCP', hostIP?: string): Container[] => [
  { name: 'c', ports: [{ containerPort: 80, hostPort, protocol, hostIP }] },
];

describe('NodePorts', () => {
  const cases = [
    { name: 'free port', existing: withPort(8080), wanted: withPort(8081), want: null },
    { name: 'same port taken', existing: withPort(8080), wanted: withPort(8080), want: REASON },
    { name: 'same port, other protocol', existing: withPort(8080, 'UDP'), wanted: withPort(8080, 'TCP'), want: null },
    { name: 'specific IPs differ', existing: withPort(8080, 'TCP', '10.0.0.1'), wanted: withPort(8080, 'TCP', '10.0.0.2'), want: null },
    { name: '0.0.0.0 clashes with a specific IP', existing: withPort(8080, 'TCP', '10.0.0.1'), wanted: withPort(8080), want: REASON },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const pl = New();
      const st = new CycleState();
      const p = pod({ containers: c.wanted });
      expect(pl.preFilter(st, p)).toBeNull();
      const s = pl.filter(st, p, nodeInfo({ name: 'n' }, [{ name: 'old', containers: c.existing }]));
      expect(s?.reasons[0] ?? null).toBe(c.want);
      if (s) expect(s.code).toBe(1);
    });
  }
  it('pods without host ports skip the filter', () => {
    expect(New().preFilter(new CycleState(), pod())?.code).toBe(SKIP);
  });
  it('ErrReason', () => expect(ErrReason).toBe(REASON));
});
