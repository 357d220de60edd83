// Pure decisions of the node lifecycle controller: mirrors tryUpdateNodeHealth and the tainting
// passes (doNoScheduleTaintingPass, doNoExecuteTaintingPass) of
// pkg/controller/nodelifecycle/node_lifecycle_controller.go. No clock, no API: `nowIso` is given.
import type { Node, Taint } from '../../api/core';
import type { Condition } from '../../api/meta';

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const TAINT_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
export const TAINT_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure';
export const TAINT_PID_PRESSURE = 'node.kubernetes.io/pid-pressure';
export const TAINT_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';

/** node-startup-grace-period: how long a Node that never reported may stay silent (60 s). */
export const NODE_STARTUP_GRACE_PERIOD_MS = 60_000;

/** The conditions the controller flips to Unknown when the kubelet goes silent (Ready last). */
export const CONDITIONS_MARKED_UNKNOWN = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready'] as const;

export const STATUS_UNKNOWN_REASON = 'NodeStatusUnknown';
export const STATUS_UNKNOWN_MESSAGE = 'Kubelet stopped posting node status.';
export const NEVER_UPDATED_REASON = 'NodeStatusNeverUpdated';
export const NEVER_UPDATED_MESSAGE = 'Kubelet never posted node status.';

export function getCondition(node: Node, type: string): Condition | undefined {
  return node.status?.conditions?.find((c) => c.type === type);
}

export function readyStatus(node: Node): 'True' | 'False' | 'Unknown' | undefined {
  return getCondition(node, 'Ready')?.status;
}

/**
 * The node's conditions once the controller has decided the kubelet is silent, or null when they
 * are already Unknown. As upstream: a condition the kubelet posted keeps its lastHeartbeatTime
 * (the last time we heard from the kubelet) and gets lastTransitionTime = now; a condition it
 * never posted is added with reason NodeStatusNeverUpdated.
 */
export function markNodeStatusUnknown(node: Node, nowIso: string): Condition[] | null {
  const conditions = (node.status?.conditions ?? []).map((c) => ({ ...c }));
  let changed = false;
  for (const type of CONDITIONS_MARKED_UNKNOWN) {
    const c = conditions.find((x) => x.type === type);
    if (!c) {
      conditions.push({
        type,
        status: 'Unknown',
        reason: NEVER_UPDATED_REASON,
        message: NEVER_UPDATED_MESSAGE,
        lastHeartbeatTime: node.metadata.creationTimestamp,
        lastTransitionTime: nowIso,
      });
      changed = true;
    } else if (c.status !== 'Unknown') {
      c.status = 'Unknown';
      c.reason = STATUS_UNKNOWN_REASON;
      c.message = STATUS_UNKNOWN_MESSAGE;
      c.lastTransitionTime = nowIso;
      changed = true;
    }
  }
  return changed ? conditions : null;
}

export interface TaintTemplate {
  key: string;
  effect: Taint['effect'];
}

/**
 * Every (key, effect) this controller owns. Taints outside this set (the control-plane taint,
 * `kubectl taint` taints) are never touched.
 */
export const CONTROLLER_TAINTS: TaintTemplate[] = [
  { key: TAINT_NOT_READY, effect: 'NoSchedule' },
  { key: TAINT_UNREACHABLE, effect: 'NoSchedule' },
  { key: TAINT_MEMORY_PRESSURE, effect: 'NoSchedule' },
  { key: TAINT_DISK_PRESSURE, effect: 'NoSchedule' },
  { key: TAINT_PID_PRESSURE, effect: 'NoSchedule' },
  { key: TAINT_NETWORK_UNAVAILABLE, effect: 'NoSchedule' },
  { key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' },
  { key: TAINT_NOT_READY, effect: 'NoExecute' },
  { key: TAINT_UNREACHABLE, effect: 'NoExecute' },
];

function isControllerTaint(t: { key: string; effect: string }): boolean {
  return CONTROLLER_TAINTS.some((c) => c.key === t.key && c.effect === t.effect);
}

/**
 * The controller-owned taints a node should carry, from its conditions and spec.unschedulable
 * (nodeConditionToTaintKeyStatusMap + the NoExecute pass). Ready=False and Ready=Unknown are
 * mutually exclusive: a node is either not-ready (kubelet says so) or unreachable (kubelet silent).
 */
export function desiredControllerTaints(node: Node): TaintTemplate[] {
  const out: TaintTemplate[] = [];
  const ready = readyStatus(node);
  if (ready === 'False') out.push({ key: TAINT_NOT_READY, effect: 'NoSchedule' }, { key: TAINT_NOT_READY, effect: 'NoExecute' });
  if (ready === 'Unknown') out.push({ key: TAINT_UNREACHABLE, effect: 'NoSchedule' }, { key: TAINT_UNREACHABLE, effect: 'NoExecute' });
  const pressure: [string, string][] = [
    ['MemoryPressure', TAINT_MEMORY_PRESSURE],
    ['DiskPressure', TAINT_DISK_PRESSURE],
    ['PIDPressure', TAINT_PID_PRESSURE],
    ['NetworkUnavailable', TAINT_NETWORK_UNAVAILABLE],
  ];
  for (const [type, key] of pressure) if (getCondition(node, type)?.status === 'True') out.push({ key, effect: 'NoSchedule' });
  if (node.spec?.unschedulable) out.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' });
  return out;
}

/**
 * Merge desired controller taints into a node's taints: keep every other taint as it is, keep
 * desired ones already present (with their original timeAdded: eviction deadlines count from it),
 * add missing ones stamped `nowIso`, drop controller taints no longer desired.
 */
export function reconcileTaints(current: Taint[], desired: TaintTemplate[], nowIso: string): { taints: Taint[]; added: Taint[]; removed: Taint[] } {
  const want = (t: { key: string; effect: string }) => desired.some((d) => d.key === t.key && d.effect === t.effect);
  const removed = current.filter((t) => isControllerTaint(t) && !want(t));
  const taints = current.filter((t) => !removed.includes(t)).map((t) => ({ ...t }));
  const added: Taint[] = [];
  for (const d of desired) {
    if (taints.some((t) => t.key === d.key && t.effect === d.effect)) continue;
    const t: Taint = { key: d.key, effect: d.effect, timeAdded: nowIso };
    taints.push(t);
    added.push(t);
  }
  return { taints, added, removed };
}
