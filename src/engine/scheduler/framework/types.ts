// Plugin interfaces and Status: mirrors pkg/scheduler/framework/interface.go (k8s.io/kube-scheduler/framework).
import type { Pod } from '../../api/core';
import type { CycleState } from './cycle_state';
import type { NodeInfo } from './node_info';

/** Status codes, numbered as upstream orders them (Success first). */
export const SUCCESS = 0;
export const UNSCHEDULABLE = 1;
/** The node can never fit the pod, even if other pods were removed: preemption will not help. */
export const UNSCHEDULABLE_AND_UNRESOLVABLE = 2;
/** A PreFilter/PreScore plugin says "nothing for me to do for this pod": its Filter/Score are not run. */
export const SKIP = 3;
export const ERROR = 4;
export type Code = typeof SUCCESS | typeof UNSCHEDULABLE | typeof UNSCHEDULABLE_AND_UNRESOLVABLE | typeof SKIP | typeof ERROR;
export const CODE_NAMES = ['Success', 'Unschedulable', 'UnschedulableAndUnresolvable', 'Skip', 'Error'] as const;
export type CodeName = (typeof CODE_NAMES)[number];

/**
 * A plugin's verdict. Success is represented by `null` (upstream's nil *Status), so the hot path
 * allocates nothing for a node that fits; failing statuses carry the reason strings that end up
 * in the FailedScheduling message.
 */
export class Status {
  constructor(readonly code: Code, readonly reasons: readonly string[] = []) {}
  message(): string {
    return this.reasons.join(', ');
  }
  isRejected(): boolean {
    return this.code === UNSCHEDULABLE || this.code === UNSCHEDULABLE_AND_UNRESOLVABLE;
  }
}

export const SKIP_STATUS = new Status(SKIP);

export function unschedulable(...reasons: string[]): Status {
  return new Status(UNSCHEDULABLE, reasons);
}

export function unresolvable(...reasons: string[]): Status {
  return new Status(UNSCHEDULABLE_AND_UNRESOLVABLE, reasons);
}

/** framework.MaxNodeScore: every plugin's (normalised) score lies in 0..100. */
export const MAX_NODE_SCORE = 100;

/**
 * Cluster events that can make an unschedulable pod schedulable (framework/events.go). Each plugin
 * says which ones matter to it (EventsToRegister), so a pod rejected only for "Insufficient cpu" is
 * retried when a pod is deleted, but not when a node's labels change.
 */
export type ClusterEvent =
  | 'NodeAdd'
  | 'NodeTaintChange' // taints or spec.unschedulable (NodeSpecUnschedulableChange is an UpdateNodeTaint event upstream)
  | 'NodeLabelChange'
  | 'NodeAllocatableChange'
  | 'NodeImageChange'
  | 'AssignedPodAdd'
  | 'AssignedPodDelete'
  | 'UnscheduledPodUpdate'
  | 'UnschedulableTimeout'
  | 'PvcChange' // a PersistentVolumeClaim was added or changed (VolumeBinding)
  | 'PvChange'
  | 'StorageClassChange';

export interface Plugin {
  readonly name: string;
  /** EventsToRegister: the events that may make a pod this plugin rejected schedulable. */
  readonly events?: readonly ClusterEvent[];
}

export interface PreFilterPlugin extends Plugin {
  /** Compute per-pod data once per cycle into `state`. Return SKIP_STATUS to skip this plugin's Filter. */
  preFilter(state: CycleState, pod: Pod): Status | null;
}

export interface FilterPlugin extends Plugin {
  /** Pure: does the pod fit on this node? `null` is Success. */
  filter(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | null;
}

export interface PreScorePlugin extends Plugin {
  /** Prepare scoring for the feasible nodes. Return SKIP_STATUS to skip this plugin's Score. */
  preScore(state: CycleState, pod: Pod, feasible: readonly NodeInfo[]): Status | null;
}

export interface ScorePlugin extends Plugin {
  /** Pure: the raw score of one feasible node. */
  score(state: CycleState, pod: Pod, nodeInfo: NodeInfo): number;
  /** Rescale the raw scores of all feasible nodes (same order as `nodes`) into 0..100, in place. */
  normalizeScore?(state: CycleState, pod: Pod, scores: number[], nodes: readonly NodeInfo[]): void;
}

export function isPreFilter(p: Plugin): p is PreFilterPlugin {
  return typeof (p as Partial<PreFilterPlugin>).preFilter === 'function';
}
export function isFilter(p: Plugin): p is FilterPlugin {
  return typeof (p as Partial<FilterPlugin>).filter === 'function';
}
export function isPreScore(p: Plugin): p is PreScorePlugin {
  return typeof (p as Partial<PreScorePlugin>).preScore === 'function';
}
export function isScore(p: Plugin): p is ScorePlugin {
  return typeof (p as Partial<ScorePlugin>).score === 'function';
}
