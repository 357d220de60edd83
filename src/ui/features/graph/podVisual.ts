// How a pod looks on the graph: kubectl's STATUS text (model/podStatus.ts), its colour group, and
// an icon per group so status never depends on colour alone (colour-blind students, washed-out
// projectors). Age is printed the way kubectl prints it.
import type { Pod } from '../../../engine';
import { podCategory, podStatus, type PodCategory } from '../../model/podStatus';
import type { GraphIconName } from './GraphIcon';

/**
 * The simulated cluster's epoch (engine/cluster.ts EPOCH): clock.time counts ms from here, and
 * creationTimestamps are wall-clock strings from it. Kept in step by hand: the engine's public API
 * does not export it yet.
 */
export const CLUSTER_EPOCH_MS = Date.UTC(2025, 2, 3, 9, 0, 0);

export interface PodVisual {
  reason: string;
  category: PodCategory;
  ready: number;
  total: number;
  restarts: number;
  icon: GraphIconName;
  /** A plain-words name for the group, for screen readers and the legend. */
  words: string;
}

export const CATEGORY_ICON: Record<PodCategory, GraphIconName> = {
  pending: 'hourglass',
  creating: 'spinner',
  notready: 'half',
  running: 'check',
  terminating: 'down',
  crashloop: 'loop',
  imagepull: 'image',
  completed: 'flag',
  error: 'cross',
};

export const CATEGORY_WORDS: Record<PodCategory, string> = {
  pending: 'waiting for a node',
  creating: 'starting',
  notready: 'running, not ready',
  running: 'running and ready',
  terminating: 'shutting down',
  crashloop: 'crashing repeatedly',
  imagepull: 'cannot pull its image',
  completed: 'finished successfully',
  error: 'failed',
};

export function podVisual(pod: Pod): PodVisual {
  const s = podStatus(pod);
  const category = podCategory(s);
  return { ...s, category, icon: CATEGORY_ICON[category], words: CATEGORY_WORDS[category] };
}

/** kubectl's AGE column (HumanDuration): 45s, 5m10s, 3h, 2d. */
export function humanAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 ? `${m}m${s % 60}s` : `${m}m`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 ? `${h}h${m % 60}m` : `${h}h`;
  if (h < 48) return `${h}h`;
  return `${Math.floor(h / 24)}d`;
}

/** Age of an object at simulated time `now` (ms since the cluster epoch). */
export function ageOf(creationTimestamp: string | undefined, now: number): string {
  if (!creationTimestamp) return '';
  const created = Date.parse(creationTimestamp);
  return Number.isNaN(created) ? '' : humanAge(CLUSTER_EPOCH_MS + now - created);
}

/** Why a Pending pod waits: the PodScheduled=False condition the scheduler writes. */
export function pendingReason(pod: Pod): string | undefined {
  const c = pod.status?.conditions?.find((x) => x.type === 'PodScheduled' && x.status === 'False');
  return c?.message || c?.reason || undefined;
}
