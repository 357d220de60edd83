// Mirrors manage / podsShouldBeOnNode / getUnscheduledPodsWithoutNode in
// pkg/controller/daemon/daemon_controller.go, as a pure decision: which nodes need a daemon pod
// created, which daemon pods must go, and why (for the trace).
import type { DaemonSet } from '../../api/apps';
import type { Node, Pod } from '../../api/core';
import { isPodAvailable, isPodReady } from '../replicaset/controller_utils';
import { byCreationTimestampAndPhase, CONTROLLER_REVISION_HASH_LABEL, nodeShouldRunDaemonPod } from './util';

export interface PodToDelete {
  pod: Pod;
  why: string;
  /** A Failed pod: upstream records a FailedDaemonPod warning for it. */
  failed?: boolean;
}

export interface ManagePlan {
  nodesNeedingDaemonPods: string[];
  podsToDelete: PodToDelete[];
  /** Failed pods left alone for now (back-off): re-sync after this many ms. */
  retryAfterMs?: number;
}

/** The failed-pod back-off a node is in, if any: remaining ms (0 = not in back-off). */
export type BackoffLookup = (nodeName: string) => number;

export function allowsSurge(ds: DaemonSet): boolean {
  if (ds.spec.updateStrategy?.type === 'OnDelete') return false;
  const s = ds.spec.updateStrategy?.rollingUpdate?.maxSurge;
  return s !== undefined && s !== 0 && s !== '0%';
}

/**
 * podsShouldBeOnNode for one node:
 *  - should run, no pod → create one;
 *  - may keep running → delete Failed pods (a kubelet that rejects the pod would otherwise make
 *    the controller and kubelet fight: hence the back-off), and duplicates: without surge keep
 *    only the oldest; with surge keep the oldest updated and the oldest old pod while the new
 *    one is not yet available;
 *  - must not run → delete every daemon pod there.
 */
export function podsShouldBeOnNode(node: Node, pods: readonly Pod[], ds: DaemonSet, hash: string, nowMs: number, backoff: BackoffLookup): ManagePlan {
  const plan: ManagePlan = { nodesNeedingDaemonPods: [], podsToDelete: [] };
  const name = node.metadata.name ?? '';
  const r = nodeShouldRunDaemonPod(node, ds);
  const exists = pods.length > 0;
  if (r.shouldRun && !exists) {
    plan.nodesNeedingDaemonPods.push(name);
    return plan;
  }
  if (r.shouldContinueRunning) {
    const running: Pod[] = [];
    for (const p of pods) {
      if (p.metadata.deletionTimestamp) continue;
      const phase = p.status?.phase;
      if (phase === 'Failed' || phase === 'Succeeded') {
        const wait = backoff(name);
        if (wait > 0) {
          plan.retryAfterMs = Math.min(plan.retryAfterMs ?? Infinity, wait);
          continue;
        }
        plan.podsToDelete.push({ pod: p, why: `it has phase ${phase} on node ${name}`, failed: phase === 'Failed' });
      } else running.push(p);
    }
    if (running.length <= 1) return plan;
    running.sort(byCreationTimestampAndPhase);
    if (!allowsSurge(ds)) {
      for (const p of running.slice(1)) plan.podsToDelete.push({ pod: p, why: `node ${name} has more than one daemon pod; the oldest stays` });
      return plan;
    }
    let oldestNew: Pod | undefined;
    let oldestOld: Pod | undefined;
    for (const p of running) {
      const isNew = p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash;
      if (isNew && !oldestNew) oldestNew = p;
      else if (!isNew && !oldestOld) oldestOld = p;
      else plan.podsToDelete.push({ pod: p, why: `node ${name} has a surplus daemon pod` });
    }
    // Surge: the old pod goes only once the new one is available.
    if (oldestNew && oldestOld && isPodReady(oldestNew) && isPodAvailable(oldestNew, ds.spec.minReadySeconds ?? 0, nowMs)) {
      plan.podsToDelete.push({ pod: oldestOld, why: `its replacement ${oldestNew.metadata.name} on node ${name} is available` });
    }
    return plan;
  }
  if (exists) {
    for (const p of pods) if (!p.metadata.deletionTimestamp) plan.podsToDelete.push({ pod: p, why: `node ${name} should not run it: ${r.reason}` });
  }
  return plan;
}

/**
 * manage: podsShouldBeOnNode for every node (in name order, so the result is deterministic), plus
 * the pods whose node no longer exists (getUnscheduledPodsWithoutNode).
 */
export function planManage(ds: DaemonSet, nodes: readonly Node[], nodeToPods: ReadonlyMap<string, Pod[]>, hash: string, nowMs: number, backoff: BackoffLookup): ManagePlan {
  const out: ManagePlan = { nodesNeedingDaemonPods: [], podsToDelete: [] };
  const names = new Set<string>();
  for (const n of nodes) {
    names.add(n.metadata.name ?? '');
    const p = podsShouldBeOnNode(n, nodeToPods.get(n.metadata.name ?? '') ?? [], ds, hash, nowMs, backoff);
    out.nodesNeedingDaemonPods.push(...p.nodesNeedingDaemonPods);
    out.podsToDelete.push(...p.podsToDelete);
    if (p.retryAfterMs !== undefined) out.retryAfterMs = Math.min(out.retryAfterMs ?? Infinity, p.retryAfterMs);
  }
  for (const [nodeName, pods] of [...nodeToPods.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (names.has(nodeName)) continue;
    for (const p of pods) if (!p.metadata.deletionTimestamp) out.podsToDelete.push({ pod: p, why: `its node ${nodeName} no longer exists` });
  }
  return out;
}
