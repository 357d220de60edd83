// PodTopologySpread scoring: mirrors pkg/scheduler/framework/plugins/podtopologyspread/scoring.go and
// plugin.go (systemDefaultConstraints). Score only: the Filter for DoNotSchedule constraints is not
// simulated.
import type { Pod } from '../../../api/core';
import { fromLabelSelector, matches, selectorString, type Selector } from '../../../api/labels';
import type { CycleState } from '../../framework/cycle_state';
import type { Handle } from '../../framework/handle';
import type { NodeInfo } from '../../framework/node_info';
import { MAX_NODE_SCORE, SKIP_STATUS, type PreScorePlugin, type ScorePlugin, type Status } from '../../framework/types';
import { getRequiredNodeAffinity, requiredMatches, type RequiredNodeAffinity } from '../nodeaffinity/node_selector';
import { defaultSelector } from './default_selector';

export const Name = 'PodTopologySpread';
const PRE_SCORE_KEY = `PreScore${Name}`;
export const LABEL_HOSTNAME = 'kubernetes.io/hostname';
export const LABEL_ZONE = 'topology.kubernetes.io/zone';

/** systemDefaultConstraints: spread by node (maxSkew 3) and by zone (maxSkew 5), as a preference. */
export const SYSTEM_DEFAULT_CONSTRAINTS = [
  { topologyKey: LABEL_HOSTNAME, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
  { topologyKey: LABEL_ZONE, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5 },
] as const;

export interface Constraint {
  maxSkew: number;
  topologyKey: string;
  selector: Selector;
  /** Stable text of the selector, for per-node memo keys. */
  selectorKey: string;
}

export interface PreScoreState {
  constraints: Constraint[];
  /** Nodes lacking a topology label of the pod's own constraints: scored 0. */
  ignoredNodes: Set<string>;
  /** Per constraint (non-hostname): topology value -> matching pods in that domain. */
  topologyValueToPodCounts: Map<string, number>[];
  topologyNormalizingWeight: number[];
}

/** topologyNormalizingWeight: ln(size + 2), so constraints over more domains weigh more. */
export function topologyNormalizingWeight(size: number): number {
  return Math.log(size + 2);
}

/** scoreForCount: cnt * weight + (maxSkew - 1). */
export function scoreForCount(cnt: number, maxSkew: number, tpWeight: number): number {
  return cnt * tpWeight + (maxSkew - 1);
}

/**
 * countPodsMatchSelector, memoised per node until the node's pod set changes: in a burst of pods
 * from one ReplicaSet only the node that got the last pod is recounted.
 * Terminating pods and pods of other namespaces are not counted.
 */
export function countPodsMatchSelector(nodeInfo: NodeInfo, selector: Selector, selectorKey: string, namespace: string): number {
  if (selector.length === 0) return 0;
  const key = `${Name}|${namespace}|${selectorKey}`;
  const m = nodeInfo.memo.get(key);
  if (m && m.generation === nodeInfo.generation) return m.value;
  let count = 0;
  for (const pi of nodeInfo.pods.values()) {
    const p = pi.pod;
    if (p.metadata.deletionTimestamp || p.metadata.namespace !== namespace) continue;
    if (matches(selector, p.metadata.labels)) count++;
  }
  if (nodeInfo.memo.size > 256) nodeInfo.memo.clear();
  nodeInfo.memo.set(key, { generation: nodeInfo.generation, value: count });
  return count;
}

/** The constraints to score with: the pod's own ScheduleAnyway ones, else the system defaults. */
export function buildConstraints(pod: Pod, handle: Handle): { constraints: Constraint[]; own: boolean } {
  const own = pod.spec.topologySpreadConstraints ?? [];
  if (own.length > 0) {
    const constraints: Constraint[] = [];
    for (const c of own) {
      if (c.whenUnsatisfiable !== 'ScheduleAnyway') continue;
      let selector: Selector;
      try {
        selector = fromLabelSelector(c.labelSelector) ?? [];
      } catch {
        selector = [];
      }
      constraints.push({ maxSkew: c.maxSkew, topologyKey: c.topologyKey, selector, selectorKey: selectorString(selector) });
    }
    return { constraints, own: true };
  }
  const selector = defaultSelector(pod, handle);
  if (selector.length === 0) return { constraints: [], own: false };
  const selectorKey = selectorString(selector);
  return { constraints: SYSTEM_DEFAULT_CONSTRAINTS.map((c) => ({ maxSkew: c.maxSkew, topologyKey: c.topologyKey, selector, selectorKey })), own: false };
}

function hasAllTopologyKeys(labels: Record<string, string> | undefined, constraints: readonly Constraint[]): boolean {
  for (const c of constraints) if (!labels || !Object.prototype.hasOwnProperty.call(labels, c.topologyKey)) return false;
  return true;
}

export class PodTopologySpread implements PreScorePlugin, ScorePlugin {
  readonly name = Name;
  constructor(private readonly handle: Handle) {}

  preScore(state: CycleState, pod: Pod, feasible: readonly NodeInfo[]): Status | null {
    const all = this.handle.nodeInfos();
    if (feasible.length === 0 || all.length === 0) return SKIP_STATUS;
    const { constraints, own } = buildConstraints(pod, this.handle);
    if (constraints.length === 0) return SKIP_STATUS;
    // System-default constraints tolerate nodes without a zone label; the pod's own require every key.
    const requireAll = own;
    const s: PreScoreState = {
      constraints,
      ignoredNodes: new Set(),
      topologyValueToPodCounts: constraints.map(() => new Map()),
      topologyNormalizingWeight: [],
    };
    const topoSize = constraints.map(() => 0);
    for (const ni of feasible) {
      const labels = ni.node?.metadata.labels;
      if (requireAll && !hasAllTopologyKeys(labels, constraints)) {
        s.ignoredNodes.add(ni.name);
        continue;
      }
      constraints.forEach((c, i) => {
        if (c.topologyKey === LABEL_HOSTNAME) return; // counted per node in Score
        const value = labels?.[c.topologyKey] ?? '';
        if (!s.topologyValueToPodCounts[i].has(value)) {
          s.topologyValueToPodCounts[i].set(value, 0);
          topoSize[i]++;
        }
      });
    }
    s.topologyNormalizingWeight = constraints.map((c, i) =>
      topologyNormalizingWeight(c.topologyKey === LABEL_HOSTNAME ? feasible.length - s.ignoredNodes.size : topoSize[i]),
    );
    // Count matching pods per domain over ALL nodes the pod could run on (its required node
    // affinity is honoured: nodeAffinityPolicy Honor), not only the feasible ones.
    const req: RequiredNodeAffinity = getRequiredNodeAffinity(pod);
    const ns = pod.metadata.namespace ?? '';
    const needsDomains = constraints.some((c) => c.topologyKey !== LABEL_HOSTNAME);
    if (needsDomains) {
      for (const ni of all) {
        const node = ni.node;
        if (!node || !requiredMatches(req, node)) continue;
        if (requireAll && !hasAllTopologyKeys(node.metadata.labels, constraints)) continue;
        constraints.forEach((c, i) => {
          const value = node.metadata.labels?.[c.topologyKey] ?? '';
          const counts = s.topologyValueToPodCounts[i];
          const cur = counts.get(value);
          if (cur === undefined) return;
          counts.set(value, cur + countPodsMatchSelector(ni, c.selector, c.selectorKey, ns));
        });
      }
    }
    state.write(PRE_SCORE_KEY, s);
    return null;
  }

  /**
   * Sum over constraints of cnt * ln(domains + 2) + (maxSkew - 1), rounded. Example (3 nodes, no
   * zone labels, hostname maxSkew 3, weight ln 5 ≈ 1.609): a node with 2 matching pods scores
   * 2 * 1.609 + 2 = 5.2 ⇒ 5; a node with none scores 2.
   */
  score(state: CycleState, pod: Pod, nodeInfo: NodeInfo): number {
    const s = state.read<PreScoreState>(PRE_SCORE_KEY);
    if (!s || s.ignoredNodes.has(nodeInfo.name)) return 0;
    const labels = nodeInfo.node?.metadata.labels ?? {};
    const ns = pod.metadata.namespace ?? '';
    let score = 0;
    s.constraints.forEach((c, i) => {
      if (!Object.prototype.hasOwnProperty.call(labels, c.topologyKey)) return;
      const cnt =
        c.topologyKey === LABEL_HOSTNAME
          ? countPodsMatchSelector(nodeInfo, c.selector, c.selectorKey, ns)
          : s.topologyValueToPodCounts[i].get(labels[c.topologyKey]) ?? 0;
      score += scoreForCount(cnt, c.maxSkew, s.topologyNormalizingWeight[i]);
    });
    return Math.round(score);
  }

  /**
   * Fewer matching pods is better: score = 100 * (max + min - s) / max.
   * Example: raw [5, 2, 4] (min 2, max 5) ⇒ [40, 100, 60]. Ignored nodes get 0.
   */
  normalizeScore(state: CycleState, _pod: Pod, scores: number[], nodes: readonly NodeInfo[]): void {
    const s = state.read<PreScoreState>(PRE_SCORE_KEY);
    if (!s) return;
    let min = Number.MAX_SAFE_INTEGER;
    let max = 0;
    for (let i = 0; i < scores.length; i++) {
      if (s.ignoredNodes.has(nodes[i].name)) continue;
      if (scores[i] < min) min = scores[i];
      if (scores[i] > max) max = scores[i];
    }
    for (let i = 0; i < scores.length; i++) {
      if (s.ignoredNodes.has(nodes[i].name)) {
        scores[i] = 0;
      } else if (max === 0) {
        scores[i] = MAX_NODE_SCORE;
      } else {
        scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i])) / max);
      }
    }
  }
}

export function New(handle: Handle): PodTopologySpread {
  return new PodTopologySpread(handle);
}
