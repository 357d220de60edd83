// One scheduling attempt for one pod: mirrors schedulePod / findNodesThatFitPod / prioritizeNodes /
// selectHost in pkg/scheduler/schedule_one.go. Pure apart from the seeded tie-break draw.
import type { Pod } from '../api/core';
import type { Rng } from '../sim/rng';
import { CycleState } from './framework/cycle_state';
import type { DecisionRecord } from './framework/decisions';
import { fitErrorMessage, NO_NODES_AVAILABLE, NO_PREEMPTION_VICTIMS, PREEMPTION_NOT_HELPFUL, preemptionMessage } from './framework/fit_error';
import type { NodeInfo } from './framework/node_info';
import type { Framework } from './framework/runtime';
import { SKIP, UNSCHEDULABLE_AND_UNRESOLVABLE, type Status } from './framework/types';

/** minFeasibleNodesToFind: below 100 nodes every node is checked. */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
/** minFeasibleNodesPercentageToFind: the adaptive percentage never drops below 5 %. */
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/**
 * numFeasibleNodesToFind: how many feasible nodes are enough. With percentageOfNodesToScore unset
 * (0) the share shrinks with cluster size: 50 % - 1 % per 125 nodes, at least 5 %, at least 100 nodes.
 * Example: 100 nodes ⇒ all; 1000 nodes ⇒ 50 - 8 = 42 % ⇒ 420; 5000 nodes ⇒ 10 % ⇒ 500.
 */
export function numFeasibleNodesToFind(numAllNodes: number, percentageOfNodesToScore = 0): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND || percentageOfNodesToScore >= 100) return numAllNodes;
  let pct = percentageOfNodesToScore;
  if (pct === 0) pct = Math.max(50 - Math.trunc(numAllNodes / 125), MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND);
  const n = Math.trunc((numAllNodes * pct) / 100);
  return Math.max(n, MIN_FEASIBLE_NODES_TO_FIND);
}

/**
 * selectHost: the highest total wins; ties are broken by reservoir sampling, so each of k tied nodes
 * is chosen with probability 1/k: the i-th tied node seen replaces the choice with probability 1/i.
 */
export function selectHost(totals: readonly number[], rng: Rng): number {
  let best = 0;
  let cntOfMaxScore = 1;
  for (let i = 1; i < totals.length; i++) {
    if (totals[i] > totals[best]) {
      best = i;
      cntOfMaxScore = 1;
    } else if (totals[i] === totals[best]) {
      cntOfMaxScore++;
      if (rng.intn(cntOfMaxScore) === 0) best = i;
    }
  }
  return best;
}

/** Shared empty arrays for records that stop before filtering or scoring (never written to). */
const NO_CODES = new Uint8Array(0);
const NO_ROWS = new Int8Array(0);
const NO_SCORES = new Int32Array(0);

export interface ScheduleResult {
  /** The chosen node, or undefined when the pod fits nowhere. */
  selected?: string;
  /** FailedScheduling message when unschedulable. */
  message: string;
  /** Plugins that rejected at least one node (for queueing hints). */
  unschedulablePlugins: string[];
  feasibleNodes: number;
  evaluatedNodes: number;
  nextStartNodeIndex: number;
  decision: DecisionRecord;
}

export function schedulePod(
  fw: Framework,
  nodes: readonly NodeInfo[],
  pod: Pod,
  rng: Rng,
  startIndex: number,
  now: number,
  percentageOfNodesToScore = 0,
): ScheduleResult {
  const F = fw.filterPlugins.length;
  const S = fw.scorePlugins.length;
  const n = nodes.length;
  const decision: DecisionRecord = {
    uid: pod.metadata.uid ?? '',
    namespace: pod.metadata.namespace ?? '',
    name: pod.metadata.name ?? '',
    time: now,
    filterPlugins: fw.filterNames,
    scorePlugins: fw.scoreNames,
    weights: fw.scoreWeights,
    nodes: [],
    filterCodes: NO_CODES,
    failCells: [],
    failReasons: [],
    firstFail: NO_ROWS,
    scoredRows: [],
    scoreSkipped: fw.arena.uint8(S),
    raw: NO_SCORES,
    normalized: NO_SCORES,
    totals: [],
    selected: null,
    message: '',
  };
  const result: ScheduleResult = {
    message: '', unschedulablePlugins: [], feasibleNodes: 0, evaluatedNodes: 0, nextStartNodeIndex: startIndex, decision,
  };
  if (n === 0) {
    result.message = decision.message = NO_NODES_AVAILABLE;
    return result;
  }

  // PreFilter: per-pod work once per cycle; a Skip means the plugin's Filter passes every node.
  const state = new CycleState();
  for (const p of fw.preFilterPlugins) {
    const s = p.preFilter(state, pod);
    if (s && s.code === SKIP) state.skipFilterPlugins.add(p.name);
    else if (s && s.isRejected()) {
      // A PreFilter rejection holds for every node: its message replaces the per-node histogram,
      // and every node counts as rejected for preemption (e.g. a missing PVC: nothing to preempt).
      const pm = s.code === UNSCHEDULABLE_AND_UNRESOLVABLE ? PREEMPTION_NOT_HELPFUL : NO_PREEMPTION_VICTIMS;
      result.unschedulablePlugins = [p.name];
      result.message = decision.message = fitErrorMessage(n, new Map(), s.message(), preemptionMessage(n, new Map([[pm, n]])));
      return result;
    }
  }
  const skip = fw.filterPlugins.map((p) => state.skipFilterPlugins.has(p.name));

  // Filter, starting where the previous cycle stopped (round robin), until enough nodes fit.
  const toFind = numFeasibleNodesToFind(n, percentageOfNodesToScore);
  // The record's arrays come from the framework's arena (see RecordArena): no buffer per pod.
  const codes = fw.arena.uint8(n * F);
  const firstFail = fw.arena.int8(n).fill(-1);
  const feasible: NodeInfo[] = [];
  const feasibleRows: number[] = [];
  const reasons = new Map<string, number>();
  const preemption = new Map<string, number>();
  const rejectors = new Set<string>();
  let processed = 0;
  for (let k = 0; k < n && feasible.length < toFind; k++) {
    const ni = nodes[(startIndex + k) % n];
    const row = processed++;
    decision.nodes.push(ni.name);
    let first: Status | null = null;
    for (let j = 0; j < F; j++) {
      const cell = row * F + j;
      if (skip[j]) {
        codes[cell] = SKIP;
        continue;
      }
      // Every filter runs, so the record explains the node completely; the message (like
      // upstream, which stops at the first failure) counts only the first rejection.
      const s = fw.filterPlugins[j].filter(state, pod, ni);
      if (s === null) continue;
      codes[cell] = s.code;
      decision.failCells.push(cell);
      decision.failReasons.push(s.reasons);
      if (!first) {
        first = s;
        firstFail[row] = j;
      }
    }
    if (!first) {
      feasible.push(ni);
      feasibleRows.push(row);
      continue;
    }
    rejectors.add(fw.filterNames[firstFail[row]]);
    for (const r of first.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);
    // DefaultPreemption: removing pods cannot fix an unresolvable rejection; for the rest we look
    // for lower-priority victims, and this simulator never finds any (no preemption).
    const pm = first.code === UNSCHEDULABLE_AND_UNRESOLVABLE ? PREEMPTION_NOT_HELPFUL : NO_PREEMPTION_VICTIMS;
    preemption.set(pm, (preemption.get(pm) ?? 0) + 1);
  }
  decision.filterCodes = processed === n ? codes : codes.subarray(0, processed * F);
  decision.firstFail = processed === n ? firstFail : firstFail.subarray(0, processed);
  result.evaluatedNodes = processed;
  result.feasibleNodes = feasible.length;
  result.nextStartNodeIndex = (startIndex + processed) % n;
  result.unschedulablePlugins = [...rejectors].sort();

  if (feasible.length === 0) {
    result.message = decision.message = fitErrorMessage(n, reasons, '', preemptionMessage(processed, preemption));
    return result;
  }
  if (feasible.length === 1) {
    // When only one node passes filtering, scoring is skipped and that node is used.
    decision.selected = result.selected = feasible[0].name;
    decision.message = `Successfully assigned ${decision.namespace}/${decision.name} to ${feasible[0].name}`;
    return result;
  }

  // PreScore, Score, NormalizeScore, weights.
  for (const p of fw.preScorePlugins) {
    const s = p.preScore(state, pod, feasible);
    if (s && s.code === SKIP) state.skipScorePlugins.add(p.name);
  }
  const m = feasible.length;
  const raw = fw.arena.int32(m * S);
  const normalized = fw.arena.int32(m * S);
  const totals = new Array<number>(m).fill(0);
  const tmp = new Array<number>(m);
  for (let j = 0; j < S; j++) {
    const p = fw.scorePlugins[j];
    if (state.skipScorePlugins.has(p.name)) {
      decision.scoreSkipped[j] = 1;
      continue;
    }
    for (let i = 0; i < m; i++) {
      tmp[i] = p.score(state, pod, feasible[i]);
      raw[i * S + j] = tmp[i];
    }
    p.normalizeScore?.(state, pod, tmp, feasible);
    const w = fw.scoreWeights[j];
    for (let i = 0; i < m; i++) {
      normalized[i * S + j] = tmp[i];
      totals[i] += tmp[i] * w;
    }
  }
  const best = selectHost(totals, rng);
  decision.scoredRows = feasibleRows;
  decision.raw = raw;
  decision.normalized = normalized;
  decision.totals = totals;
  decision.selected = result.selected = feasible[best].name;
  decision.message = `Successfully assigned ${decision.namespace}/${decision.name} to ${feasible[best].name}`;
  return result;
}
