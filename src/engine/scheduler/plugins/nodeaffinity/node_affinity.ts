// NodeAffinity: mirrors pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go.
import type { NodeSelectorTerm, Pod } from '../../../api/core';
import type { CycleState } from '../../framework/cycle_state';
import type { NodeInfo } from '../../framework/node_info';
import {
  MAX_NODE_SCORE,
  SKIP_STATUS,
  unresolvable,
  type ClusterEvent,
  type FilterPlugin,
  type PreFilterPlugin,
  type PreScorePlugin,
  type ScorePlugin,
  type Status,
} from '../../framework/types';
import { defaultNormalizeScore } from '../helper/normalize_score';
import { getRequiredNodeAffinity, isEmptyRequired, requiredMatches, termMatches, type RequiredNodeAffinity } from './node_selector';

export const Name = 'NodeAffinity';
export const ErrReasonPod = "node(s) didn't match Pod's node affinity/selector";
const PRE_FILTER_KEY = `PreFilter${Name}`;
const PRE_SCORE_KEY = `PreScore${Name}`;
const STATUS = unresolvable(ErrReasonPod);

interface WeightedTerm {
  weight: number;
  term: NodeSelectorTerm;
}

/** preferredDuringScheduling terms with a non-zero weight (weight 0 terms are ignored). */
export function preferredTerms(pod: Pod): WeightedTerm[] {
  const out: WeightedTerm[] = [];
  for (const p of pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
    if (p.weight !== 0) out.push({ weight: p.weight, term: p.preference });
  }
  return out;
}

/** Score (raw): the sum of the weights of the preferred terms the node matches. */
export function preferredScore(terms: readonly WeightedTerm[], nodeInfo: NodeInfo): number {
  const node = nodeInfo.node;
  if (!node) return 0;
  let sum = 0;
  for (const t of terms) if (termMatches(t.term, node)) sum += t.weight;
  return sum;
}

export class NodeAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
  readonly name = Name;
  readonly events: readonly ClusterEvent[] = ['NodeAdd', 'NodeLabelChange', 'UnscheduledPodUpdate'];

  /** A pod with neither nodeSelector nor required affinity fits every node: skip Filter. */
  preFilter(state: CycleState, pod: Pod): Status | null {
    const req = getRequiredNodeAffinity(pod);
    if (isEmptyRequired(req)) return SKIP_STATUS;
    state.write(PRE_FILTER_KEY, req);
    return null;
  }

  filter(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | null {
    const req = state.read<RequiredNodeAffinity>(PRE_FILTER_KEY) ?? getRequiredNodeAffinity(pod);
    if (!nodeInfo.node) return STATUS;
    return requiredMatches(req, nodeInfo.node) ? null : STATUS;
  }

  /** No preferred terms: nothing to score. */
  preScore(state: CycleState, pod: Pod): Status | null {
    const terms = preferredTerms(pod);
    if (terms.length === 0) return SKIP_STATUS;
    state.write(PRE_SCORE_KEY, terms);
    return null;
  }

  score(state: CycleState, pod: Pod, nodeInfo: NodeInfo): number {
    return preferredScore(state.read<WeightedTerm[]>(PRE_SCORE_KEY) ?? preferredTerms(pod), nodeInfo);
  }

  /** Weight sums [0, 20, 80] become [0, 25, 100]. */
  normalizeScore(_state: CycleState, _pod: Pod, scores: number[]): void {
    defaultNormalizeScore(MAX_NODE_SCORE, false, scores);
  }
}

export function New(): NodeAffinity {
  return new NodeAffinity();
}
