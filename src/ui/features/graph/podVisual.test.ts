import { describe, expect, it } from 'vitest';
import type { PodCategory } from '../../model/podStatus';
import { CATEGORY_ICON, CATEGORY_WORDS, ageOf, humanAge, CLUSTER_EPOCH_MS } from './podVisual';

describe('pod visuals', () => {
  it('gives every status group its own icon and words (status never by colour alone)', () => {
    const cats: PodCategory[] = ['pending', 'creating', 'notready', 'running', 'terminating', 'crashloop', 'imagepull', 'completed', 'error'];
    expect(new Set(cats.map((c) => CATEGORY_ICON[c])).size).toBe(cats.length);
    expect(new Set(cats.map((c) => CATEGORY_WORDS[c])).size).toBe(cats.length);
  });
  it.each([
    [5_000, '5s'],
    [119_000, '119s'],
    [310_000, '5m10s'],
    [3_600_000, '60m'],
    [4 * 3_600_000, '4h'],
    [3 * 86_400_000, '3d'],
  ])('prints %d ms as %s (kubectl AGE)', (ms, s) => expect(humanAge(ms)).toBe(s));
  it('computes age from creationTimestamp and simulated now', () => {
    expect(ageOf(new Date(CLUSTER_EPOCH_MS + 10_000).toISOString(), 70_000)).toBe('60s');
    expect(ageOf(undefined, 1)).toBe('');
  });
});
