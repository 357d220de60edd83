// The pods/eviction subresource: mirrors pkg/registry/core/pod/storage/eviction.go (EvictionREST.Create,
// canIgnorePDB, getPodDisruptionBudgets, checkAndDecrement). An eviction is a *polite* delete: it
// goes through only if the pod's PodDisruptionBudget still allows a disruption, and it tells the
// budget at once (disruptionsAllowed - 1, the pod listed in status.disruptedPods) so two evictions
// racing each other cannot both spend the last allowed disruption.
import type { Pod } from '../../../../api/core';
import { matchesLabelSelector } from '../../../../api/labels';
import type { KubeObject } from '../../../../api/meta';
import { deepCopy } from '../../../../api/meta';
import type { PodDisruptionBudget } from '../../../../api/policy';
import { DISRUPTION_ALLOWED_CONDITION, INSUFFICIENT_PODS_REASON } from '../../../../api/policy';
import { StatusError, newForbidden, newInternalError, newTooManyRequests } from '../../../errors';

export const EVICTION_REFUSED_MESSAGE = "Cannot evict pod as it would violate the pod's disruption budget.";

export type EvictionDecision =
  | { kind: 'delete'; reason: string }
  | { kind: 'decrement'; pdb: PodDisruptionBudget }
  | { kind: 'refuse'; error: StatusError };

function isReady(pod: Pod): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** canIgnorePDB: a pod that is not running yet, has finished, or is already going causes no new disruption. */
export function canIgnorePDB(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || !!pod.metadata.deletionTimestamp;
}

/** getPodDisruptionBudgets: the budgets whose selector matches; a nil or empty selector matches nothing here. */
export function budgetsFor(pod: Pod, pdbs: readonly PodDisruptionBudget[]): PodDisruptionBudget[] {
  return pdbs.filter((b) => {
    const sel = b.spec.selector;
    if (!sel || (!Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length)) return false;
    return matchesLabelSelector(sel, pod.metadata.labels);
  });
}

/**
 * The decision, pure. Worked example: Deployment of 3, budget minAvailable 2, all Ready ⇒ status
 * currentHealthy 3, desiredHealthy 2, disruptionsAllowed 1. First eviction: decrement (→ 0) and
 * delete. Second eviction right after: disruptionsAllowed 0 ⇒ 429 TooManyRequests. Once the
 * replacement pod is Ready the controller recomputes 3 - 2 = 1 and the next eviction passes.
 */
export function decideEviction(pod: Pod, pdbs: readonly PodDisruptionBudget[]): EvictionDecision {
  if (canIgnorePDB(pod)) return { kind: 'delete', reason: 'the pod is not running (or already terminating), so evicting it disrupts nothing' };
  const matching = budgetsFor(pod, pdbs);
  if (matching.length === 0) return { kind: 'delete', reason: 'no PodDisruptionBudget covers the pod' };
  if (matching.length > 1) {
    return { kind: 'refuse', error: newInternalError(new Error('This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.')) };
  }
  const pdb = matching[0];
  const st = pdb.status ?? { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 };
  // An unready pod is not counted healthy: evicting it costs nothing while the budget is met.
  if (!isReady(pod)) {
    if (pdb.spec.unhealthyPodEvictionPolicy === 'AlwaysAllow') return { kind: 'delete', reason: `the pod is not Ready and budget ${pdb.metadata.name} says AlwaysAllow` };
    if (st.currentHealthy >= st.desiredHealthy && st.desiredHealthy > 0) return { kind: 'delete', reason: `the pod is not Ready and budget ${pdb.metadata.name} is met (${st.currentHealthy} >= ${st.desiredHealthy})` };
  }
  // checkAndDecrement
  if ((st.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) {
    const err = newTooManyRequests(EVICTION_REFUSED_MESSAGE, 0);
    err.status.details = { ...(err.status.details ?? {}), causes: [{ reason: 'DisruptionBudget', message: `The disruption budget ${pdb.metadata.name} is still being processed by the server.` }] };
    return { kind: 'refuse', error: err };
  }
  if (st.disruptionsAllowed < 0) return { kind: 'refuse', error: newForbidden({ group: 'policy', resource: 'poddisruptionbudget' }, pdb.metadata.name ?? '', 'pdb disruptions allowed is negative') };
  if (st.disruptionsAllowed === 0) {
    const err = newTooManyRequests(EVICTION_REFUSED_MESSAGE, 0);
    err.status.details = { ...(err.status.details ?? {}), causes: [{ reason: 'DisruptionBudget', message: `The disruption budget ${pdb.metadata.name} needs ${st.desiredHealthy} healthy pods and has ${st.currentHealthy} currently` }] };
    return { kind: 'refuse', error: err };
  }
  return { kind: 'decrement', pdb };
}

/** The budget after an allowed eviction of `podName` at `nowIso`. */
export function decrementedBudget(pdb: PodDisruptionBudget, podName: string, nowIso: string): PodDisruptionBudget {
  const next = deepCopy(pdb);
  const st = next.status!;
  st.disruptionsAllowed--;
  if (st.disruptionsAllowed === 0) {
    st.conditions = (st.conditions ?? []).map((c) =>
      c.type === DISRUPTION_ALLOWED_CONDITION ? { ...c, status: 'False' as const, reason: INSUFFICIENT_PODS_REASON, message: '', lastTransitionTime: nowIso } : c,
    );
  }
  st.disruptedPods = { ...(st.disruptedPods ?? {}), [podName]: nowIso };
  return next;
}

/** The DisruptionTarget condition the eviction adds before deleting (PodDisruptionConditions, GA in 1.31). */
export function withDisruptionTarget(pod: Pod, nowIso: string): KubeObject {
  const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
  conditions.push({ type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting', lastProbeTime: null, lastTransitionTime: nowIso });
  return { ...pod, status: { ...(pod.status ?? {}), conditions } } as KubeObject;
}
