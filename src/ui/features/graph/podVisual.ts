// How a pod looks on the graph: kubectl's STATUS text (model/podStatus.ts), its colour group, and
// an icon per group so status never depends on colour alone (colour-blind students, washed-out
// projectors). Age is printed the way kubectl prints it. The same words serve the tooltip and the
// screen-reader label of both pod drawings (the roomy card and the compact tile).
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
  /** The Ready condition's status ('True', 'False', '' when absent), as the e2e tests read it. */
  readyCondition: string;
  /**
   * STATUS still says Running but the Ready condition is False (as kubectl shows it): the node
   * lifecycle controller marks the pods of a NotReady node, and Services stop sending to them.
   */
  unready: boolean;
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

// Pods are immutable in the UI's store (a changed pod arrives as a new object), so the visual is
// computed once per pod version: the graph asks for it several times per batch (label, card,
// minimap) for every one of hundreds of pods.
const visuals = new WeakMap<Pod, Readonly<PodVisual>>();

export function podVisual(pod: Pod): Readonly<PodVisual> {
  const cached = visuals.get(pod);
  if (cached) return cached;
  const s = podStatus(pod);
  const category = podCategory(s);
  const readyCondition = pod.status?.conditions?.find((c) => c.type === 'Ready')?.status ?? '';
  const v = { ...s, category, icon: CATEGORY_ICON[category], words: CATEGORY_WORDS[category], readyCondition, unready: s.reason === 'Running' && readyCondition === 'False' };
  visuals.set(pod, v);
  return v;
}

/**
 * What tells a pod from its siblings on a small tile: the random suffix a ReplicaSet, DaemonSet
 * or Job adds ("web-7d4b9c8f5-x2kqp" → "x2kqp"), the component of a static pod, which kubelet
 * names after its node, without the "kube-" all but etcd share ("etcd-kind-control-plane" →
 * "etcd", "kube-scheduler-kind-control-plane" → "scheduler"); otherwise the whole name (a
 * StatefulSet's "db-0", a bare pod). The tooltip always has the full name.
 */
export function shortPodName(pod: Pod): string {
  const name = pod.metadata.name ?? '';
  const owner = pod.metadata.ownerReferences?.find((r) => r.controller) ?? pod.metadata.ownerReferences?.[0];
  const node = pod.spec?.nodeName;
  if (owner && owner.kind !== 'StatefulSet' && owner.kind !== 'Node' && name.startsWith(`${owner.name}-`) && name.length > owner.name.length + 1) return name.slice(owner.name.length + 1);
  if (node && name.endsWith(`-${node}`) && name.length > node.length + 1) return name.slice(0, -node.length - 1).replace(/^kube-(?=.)/, '');
  return name;
}

/** The one-line summary screen readers hear for a pod (React Flow's aria-label on its box). */
export function podLabel(pod: Pod): string {
  const v = podVisual(pod);
  const why = v.category === 'pending' ? pendingReason(pod) : undefined;
  return `Pod ${pod.metadata.namespace}/${pod.metadata.name}: ${v.reason}${v.unready ? ', not ready' : ''}, ${v.ready} of ${v.total} ready, ${v.restarts} restarts${why ? `. Why Pending: ${why}` : ''}`;
}

/** The tooltip: every column of `kubectl get pods` (AGE when known) and why a Pending pod waits. */
export function podTitle(pod: Pod, age: string): string {
  const v = podVisual(pod);
  const why = v.category === 'pending' ? pendingReason(pod) : undefined;
  return `Pod ${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}\n${v.reason}${v.unready ? ', Ready condition False' : ''} (${v.words}) · ${v.ready}/${v.total} ready · ${v.restarts} restarts${age ? ` · age ${age}` : ''}${why ? `\nWhy Pending: ${why}` : ''}`;
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
