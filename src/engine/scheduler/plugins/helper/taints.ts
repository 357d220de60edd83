// Toleration matching: mirrors k8s.io/api/core/v1/toleration.go (ToleratesTaint) and
// k8s.io/component-helpers/scheduling/corev1 (FindMatchingUntoleratedTaint).
import type { Taint, Toleration } from '../../../api/core';

/**
 * A toleration matches a taint when the effects agree (an empty effect matches every effect), the
 * keys agree (an empty key with Exists matches every key), and for Equal (the default) the values
 * are equal.
 */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? 'Equal') {
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

export function tolerationsTolerateTaint(tolerations: readonly Toleration[] | undefined, taint: Taint): boolean {
  if (!tolerations) return false;
  for (const t of tolerations) if (toleratesTaint(t, taint)) return true;
  return false;
}

/** The first taint (in node order) that passes `inScope` and that no toleration tolerates. */
export function findMatchingUntoleratedTaint(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
  inScope: (t: Taint) => boolean,
): Taint | undefined {
  if (!taints) return undefined;
  for (const taint of taints) {
    if (!inScope(taint)) continue;
    if (!tolerationsTolerateTaint(tolerations, taint)) return taint;
  }
  return undefined;
}

/** DoNotScheduleTaintsFilterFunc: only NoSchedule and NoExecute taints keep pods away. */
export function doNotScheduleTaint(t: Taint): boolean {
  return t.effect === 'NoSchedule' || t.effect === 'NoExecute';
}
