// Taint/toleration matching for NoExecute eviction: mirrors k8s.io/api/core/v1/toleration.go
// (ToleratesTaint), pkg/apis/core/v1/helper (GetMatchingTolerations) and getMinTolerationTime in
// pkg/controller/tainteviction/taint_eviction.go. Pure functions: no clock, no API.
import type { Taint, Toleration } from '../../api/core';

/**
 * Does one toleration tolerate one taint? An empty effect matches every effect, an empty key with
 * `Exists` matches every key (the "tolerate everything" toleration), `Equal` (the default
 * operator) also compares values.
 */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  const op = t.operator ?? 'Equal';
  if (op === 'Exists') return true;
  return (t.value ?? '') === (taint.value ?? '');
}

/**
 * For each taint, the first toleration that tolerates it. `allTolerated` is false as soon as one
 * taint has no toleration (upstream then returns no tolerations at all).
 */
export function getMatchingTolerations(taints: Taint[], tolerations: Toleration[]): { allTolerated: boolean; used: Toleration[] } {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = tolerations.find((x) => toleratesTaint(x, taint));
    if (!t) return { allTolerated: false, used: [] };
    used.push(t);
  }
  return { allTolerated: true, used };
}

/**
 * The shortest tolerationSeconds among the tolerations used, in seconds; -1 when every one of them
 * tolerates forever (no tolerationSeconds). A value <= 0 means "evict now".
 * Worked example: a pod with the default tolerations (not-ready 300 s, unreachable 300 s) on a node
 * tainted unreachable:NoExecute uses only the unreachable one → 300 s. A DaemonSet pod's
 * tolerations carry no seconds → -1, it is never evicted.
 */
export function getMinTolerationSeconds(used: Toleration[]): number {
  if (used.length === 0) return 0;
  let min = Infinity;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Infinity ? -1 : min;
}

export function noExecuteTaints(taints: Taint[] | undefined): Taint[] {
  return (taints ?? []).filter((t) => t.effect === 'NoExecute');
}

/** What the taint eviction controller should do with one pod, given its node's NoExecute taints. */
export type EvictionDecision =
  | { kind: 'none' } // no NoExecute taints: nothing to do (cancel anything pending)
  | { kind: 'now'; untolerated?: Taint } // a taint not tolerated (or tolerationSeconds <= 0): delete at once
  | { kind: 'forever' } // every taint tolerated without a time limit: keep the pod
  | { kind: 'after'; seconds: number; taints: Taint[] }; // tolerated for `seconds`, then deleted

export function decideEviction(taints: Taint[], tolerations: Toleration[]): EvictionDecision {
  const noExec = noExecuteTaints(taints);
  if (noExec.length === 0) return { kind: 'none' };
  const { allTolerated } = getMatchingTolerations(noExec, tolerations);
  if (!allTolerated) {
    const untolerated = noExec.find((taint) => !tolerations.some((t) => toleratesTaint(t, taint)))!;
    return { kind: 'now', untolerated };
  }
  const { used } = getMatchingTolerations(noExec, tolerations);
  const seconds = getMinTolerationSeconds(used);
  if (seconds < 0) return { kind: 'forever' };
  if (seconds === 0) return { kind: 'now' };
  return { kind: 'after', seconds, taints: noExec };
}

export function taintString(t: { key: string; value?: string; effect: string }): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}
