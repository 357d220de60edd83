import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../../api/core';
import type { PodDisruptionBudget } from '../../../../api/policy';
import { decideEviction, EVICTION_REFUSED_MESSAGE } from './eviction';

const pod = (ready: boolean, phase = 'Running', deleting = false): Pod => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'p', namespace: 'default', labels: { app: 'web' }, ...(deleting ? { deletionTimestamp: '2025-01-01T00:00:00Z' } : {}) },
  spec: { containers: [] },
  status: { phase: phase as 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});
const budget = (allowed: number, healthy = 3, desired = 2, extra: Partial<PodDisruptionBudget['spec']> = {}, name = 'b'): PodDisruptionBudget => ({
  apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name, generation: 1 },
  spec: { selector: { matchLabels: { app: 'web' } }, ...extra },
  status: { observedGeneration: 1, disruptionsAllowed: allowed, currentHealthy: healthy, desiredHealthy: desired, expectedPods: 3 },
});

describe('decideEviction', () => {
  const cases: { name: string; pod: Pod; pdbs: PodDisruptionBudget[]; want: string; code?: number; message?: string }[] = [
    { name: 'no budget: delete', pod: pod(true), pdbs: [], want: 'delete' },
    { name: 'budget allows: decrement', pod: pod(true), pdbs: [budget(1)], want: 'decrement' },
    { name: 'budget exhausted: 429', pod: pod(true), pdbs: [budget(0, 2, 2)], want: 'refuse', code: 429, message: EVICTION_REFUSED_MESSAGE },
    { name: 'pending pod ignores budgets', pod: pod(false, 'Pending'), pdbs: [budget(0)], want: 'delete' },
    { name: 'terminating pod ignores budgets', pod: pod(true, 'Running', true), pdbs: [budget(0)], want: 'delete' },
    { name: 'unready pod while budget met: delete', pod: pod(false), pdbs: [budget(0, 2, 2)], want: 'delete' },
    { name: 'unready pod, AlwaysAllow', pod: pod(false), pdbs: [budget(0, 1, 2, { unhealthyPodEvictionPolicy: 'AlwaysAllow' })], want: 'delete' },
    { name: 'two budgets: 500', pod: pod(true), pdbs: [budget(1), budget(1, 3, 2, {}, 'c')], want: 'refuse', code: 500 },
    { name: 'empty selector matches nothing', pod: pod(true), pdbs: [budget(0, 3, 2, { selector: {} })], want: 'delete' },
    { name: 'budget not yet observed: 429', pod: pod(true), pdbs: [{ ...budget(1), metadata: { name: 'b', generation: 2 } }], want: 'refuse', code: 429 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const d = decideEviction(c.pod, c.pdbs);
      expect(d.kind).toBe(c.want);
      if (d.kind === 'refuse') {
        expect(d.error.code).toBe(c.code);
        if (c.message) expect(d.error.message).toBe(c.message);
      }
    });
  }
});
