import { describe, expect, it } from 'vitest';
import type { PodDisruptionBudget } from '../../api/policy';
import { disruptionsAllowed, expectedPodCount } from './budget';

const pdb = (spec: PodDisruptionBudget['spec']): PodDisruptionBudget => ({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'b' }, spec });

describe('PDB arithmetic', () => {
  const cases: { spec: PodDisruptionBudget['spec']; pods: number; scale: number; healthy: number; expected: number; desired: number; allowed: number }[] = [
    { spec: { minAvailable: 2 }, pods: 3, scale: 3, healthy: 3, expected: 3, desired: 2, allowed: 1 },
    { spec: { minAvailable: 2 }, pods: 3, scale: 3, healthy: 2, expected: 3, desired: 2, allowed: 0 },
    { spec: { minAvailable: '50%' }, pods: 3, scale: 3, healthy: 3, expected: 3, desired: 2, allowed: 1 },
    { spec: { maxUnavailable: 1 }, pods: 3, scale: 3, healthy: 3, expected: 3, desired: 2, allowed: 1 },
    { spec: { maxUnavailable: '50%' }, pods: 3, scale: 3, healthy: 3, expected: 3, desired: 1, allowed: 2 },
    { spec: { maxUnavailable: 0 }, pods: 3, scale: 3, healthy: 3, expected: 3, desired: 3, allowed: 0 },
    { spec: { minAvailable: 1 }, pods: 0, scale: 0, healthy: 0, expected: 0, desired: 1, allowed: 0 },
    { spec: { maxUnavailable: 5 }, pods: 3, scale: 3, healthy: 3, expected: 3, desired: 0, allowed: 3 },
  ];
  for (const c of cases) {
    it(`${JSON.stringify(c.spec)} with ${c.healthy}/${c.pods} healthy`, () => {
      const r = expectedPodCount(pdb(c.spec), c.pods, c.scale);
      expect(r).toEqual({ expectedCount: c.expected, desiredHealthy: c.desired });
      expect(disruptionsAllowed(c.healthy, r.desiredHealthy, r.expectedCount)).toBe(c.allowed);
    });
  }
});
