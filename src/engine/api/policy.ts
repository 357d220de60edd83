// policy/v1 kinds: mirrors k8s.io/api/policy/v1/types.go (PodDisruptionBudget, Eviction).
import type { Condition, IntOrString, KubeObject, LabelSelector, ObjectMeta } from './meta';

export interface PodDisruptionBudgetSpec {
  minAvailable?: IntOrString;
  maxUnavailable?: IntOrString;
  selector?: LabelSelector;
  unhealthyPodEvictionPolicy?: 'IfHealthyBudget' | 'AlwaysAllow';
}

export interface PodDisruptionBudgetStatus {
  observedGeneration?: number;
  /** Pods the eviction subresource has just let go, by name, with the time: not counted healthy. */
  disruptedPods?: Record<string, string>;
  disruptionsAllowed: number;
  currentHealthy: number;
  desiredHealthy: number;
  expectedPods: number;
  conditions?: Condition[];
}

export interface PodDisruptionBudget extends KubeObject {
  apiVersion: 'policy/v1';
  kind: 'PodDisruptionBudget';
  metadata: ObjectMeta;
  spec: PodDisruptionBudgetSpec;
  status?: PodDisruptionBudgetStatus;
}

/** The body of POST pods/<name>/eviction. */
export interface Eviction {
  apiVersion?: 'policy/v1';
  kind?: 'Eviction';
  metadata: ObjectMeta;
  deleteOptions?: { gracePeriodSeconds?: number; dryRun?: string[] };
}

export const DISRUPTION_ALLOWED_CONDITION = 'DisruptionAllowed';
export const SUFFICIENT_PODS_REASON = 'SufficientPods';
export const INSUFFICIENT_PODS_REASON = 'InsufficientPods';
export const SYNC_FAILED_REASON = 'SyncFailed';
