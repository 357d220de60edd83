// The UI keeps its own copy of the cluster epoch so the main bundle does not pull in the engine
// (which lives in the Worker chunk); this keeps the two from drifting apart.
import { describe, expect, it } from 'vitest';
import { EPOCH } from '../../../engine/index';
import { CLUSTER_EPOCH_MS } from './podVisual';

describe('cluster epoch', () => {
  it('matches the engine', () => {
    expect(CLUSTER_EPOCH_MS).toBe(EPOCH);
  });
});
