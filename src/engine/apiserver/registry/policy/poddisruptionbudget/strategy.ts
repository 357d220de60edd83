// PodDisruptionBudget strategy: mirrors pkg/registry/policy/poddisruptionbudget/strategy.go.
// Status starts empty (the disruption controller fills it); spec changes bump generation, so the
// eviction subresource can tell a budget the controller has not processed yet.
import type { PodDisruptionBudget } from '../../../../api/policy';
import type { Strategy } from '../../../types';
import { validatePodDisruptionBudget } from '../../../validation/policy';

export const podDisruptionBudgetStrategy: Strategy = {
  hasStatus: true,
  tracksGeneration: true,
  defaults(obj) {
    (obj as PodDisruptionBudget).spec ??= {};
  },
  prepareForCreate(obj) {
    (obj as PodDisruptionBudget).status = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };
  },
  validate: (obj) => validatePodDisruptionBudget(obj as PodDisruptionBudget),
};
