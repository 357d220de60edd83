// TaintToleration: mirrors pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go.
import type { Pod, Taint, Toleration } from '../../../api/core';
import type { CycleState } from '../../framework/cycle_state';
import type { NodeInfo } from '../../framework/node_info';
import {
  MAX_NODE_SCORE,
  unresolvable,
  type ClusterEvent,
  type FilterPlugin,
  type PreScorePlugin,
  type ScorePlugin,
  type Status,
} from '../../framework/types';
import { defaultNormalizeScore } from '../helper/normalize_score';
import { doNotScheduleTaint, findMatchingUntoleratedTaint, tolerationsTolerateTaint } from '../helper/taints';

export const Name = 'TaintToleration';
const PRE_SCORE_KEY = `PreScore${Name}`;

/** The real message names the first untolerated taint: `node(s) had untolerated taint {key: value}`. */
export function errReason(t: Taint): string {
  return `node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`;
}

/** Filter: the first NoSchedule/NoExecute taint the pod does not tolerate, if any. */
export function untoleratedTaint(pod: Pod, nodeInfo: NodeInfo): Taint | undefined {
  return findMatchingUntoleratedTaint(nodeInfo.node?.spec?.taints, pod.spec.tolerations, doNotScheduleTaint);
}

/** Tolerations that can cancel a PreferNoSchedule taint: effect PreferNoSchedule or empty. */
export function preferNoScheduleTolerations(tolerations: readonly Toleration[] | undefined): Toleration[] {
  return (tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
}

/** Score (raw): how many PreferNoSchedule taints on the node the pod does not tolerate. */
export function countIntolerableTaintsPreferNoSchedule(taints: readonly Taint[] | undefined, tolerations: readonly Toleration[]): number {
  let n = 0;
  for (const t of taints ?? []) {
    if (t.effect !== 'PreferNoSchedule') continue;
    if (!tolerationsTolerateTaint(tolerations, t)) n++;
  }
  return n;
}

export class TaintToleration implements FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = Name;
  readonly events: readonly ClusterEvent[] = ['NodeAdd', 'NodeTaintChange', 'UnscheduledPodUpdate'];

  filter(_state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | null {
    const t = untoleratedTaint(pod, nodeInfo);
    return t ? unresolvable(errReason(t)) : null;
  }

  preScore(state: CycleState, pod: Pod): Status | null {
    state.write(PRE_SCORE_KEY, preferNoScheduleTolerations(pod.spec.tolerations));
    return null;
  }

  score(state: CycleState, _pod: Pod, nodeInfo: NodeInfo): number {
    const tolerations = state.read<Toleration[]>(PRE_SCORE_KEY) ?? [];
    return countIntolerableTaintsPreferNoSchedule(nodeInfo.node?.spec?.taints, tolerations);
  }

  /**
   * Fewer intolerable taints is better, so the scale is reversed: counts [0, 1, 2] become
   * [100, 50, 0]; with no such taints anywhere every node gets 100.
   */
  normalizeScore(_state: CycleState, _pod: Pod, scores: number[]): void {
    defaultNormalizeScore(MAX_NODE_SCORE, true, scores);
  }
}

export function New(): TaintToleration {
  return new TaintToleration();
}
