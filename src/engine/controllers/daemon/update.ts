// Mirrors rollingUpdate and findUpdatedPodsOnNode in pkg/controller/daemon/update.go, as a pure
// decision over the nodes in name order (upstream walks a Go map, in random order).
import type { DaemonSet } from '../../api/apps';
import type { Node, Pod } from '../../api/core';
import { isPodAvailable } from '../replicaset/controller_utils';
import { isPodUpdated, nodeShouldRunDaemonPod, rollingCounts, templateGeneration } from './util';

export interface RollingPlan {
  oldPodsToDelete: { pod: Pod; why: string }[];
  nodesToCreate: string[];
  maxSurge: number;
  maxUnavailable: number;
  numUnavailable: number;
}

/** findUpdatedPodsOnNode: at most one new and one old live pod per node, else not ok. */
export function findUpdatedPodsOnNode(ds: DaemonSet, pods: readonly Pod[], hash: string): { newPod?: Pod; oldPod?: Pod; ok: boolean } {
  let newPod: Pod | undefined;
  let oldPod: Pod | undefined;
  const gen = templateGeneration(ds);
  for (const p of pods) {
    if (p.metadata.deletionTimestamp) continue;
    if (isPodUpdated(p, hash, gen)) {
      if (newPod) return { ok: false };
      newPod = p;
    } else {
      if (oldPod) return { ok: false };
      oldPod = p;
    }
  }
  return { newPod, oldPod, ok: true };
}

/**
 * rollingUpdate. Without surge (the default, maxUnavailable 1): count nodes whose daemon pod is
 * missing, doubled or not yet available as unavailable; old pods that are not available anyway
 * are always replaced; then delete old available pods while unavailable < maxUnavailable. The
 * manage loop creates the new pod on the next sync. 4 nodes, maxUnavailable 1: node 1's old pod
 * is deleted, its new pod created and becomes Ready, then node 2's, … one node at a time.
 * With maxSurge (maxUnavailable 0): create the new pod next to the old one on up to maxSurge
 * nodes; delete an old pod once its new neighbour is available.
 */
export function planRollingUpdate(ds: DaemonSet, nodes: readonly Node[], nodeToPods: ReadonlyMap<string, Pod[]>, hash: string, nowMs: number): RollingPlan {
  const minReady = ds.spec.minReadySeconds ?? 0;
  const byName = new Map(nodes.map((n) => [n.metadata.name ?? '', n]));
  // updatedDesiredNodeCounts: nodes that want a pod count even with no pod yet.
  const perNode = new Map<string, Pod[]>(nodeToPods);
  let desired = 0;
  for (const n of nodes) {
    if (!nodeShouldRunDaemonPod(n, ds).shouldRun) continue;
    desired++;
    if (!perNode.has(n.metadata.name ?? '')) perNode.set(n.metadata.name ?? '', []);
  }
  const { maxSurge, maxUnavailable } = rollingCounts(ds, desired);
  const order = [...perNode.keys()].sort();
  const plan: RollingPlan = { oldPodsToDelete: [], nodesToCreate: [], maxSurge, maxUnavailable, numUnavailable: 0 };
  if (maxSurge === 0) {
    let numUnavailable = 0;
    const allowed: { pod: Pod; why: string }[] = [];
    const candidates: { pod: Pod; why: string }[] = [];
    for (const nodeName of order) {
      const { newPod, oldPod, ok } = findUpdatedPodsOnNode(ds, perNode.get(nodeName) ?? [], hash);
      if (!ok || (!oldPod && !newPod) || (oldPod && newPod)) {
        numUnavailable++;
        continue;
      }
      if (newPod) {
        if (!isPodAvailable(newPod, minReady, nowMs)) numUnavailable++;
        continue;
      }
      if (!oldPod) continue;
      if (!isPodAvailable(oldPod, minReady, nowMs)) allowed.push({ pod: oldPod, why: `it runs an old revision and is not available anyway` });
      else if (numUnavailable < maxUnavailable) candidates.push({ pod: oldPod, why: `it runs an old revision (maxUnavailable ${maxUnavailable})` });
    }
    const remaining = Math.max(0, Math.min(maxUnavailable - numUnavailable, candidates.length));
    plan.oldPodsToDelete = [...allowed, ...candidates.slice(0, remaining)];
    plan.numUnavailable = numUnavailable;
    return plan;
  }
  let numSurge = 0;
  const allowedNew: string[] = [];
  const candidateNew: string[] = [];
  for (const nodeName of order) {
    const { newPod, oldPod, ok } = findUpdatedPodsOnNode(ds, perNode.get(nodeName) ?? [], hash);
    if (!ok || !oldPod) continue;
    const node = byName.get(nodeName);
    if (!newPod) {
      const run = node ? nodeShouldRunDaemonPod(node, ds).shouldRun : false;
      if (!isPodAvailable(oldPod, minReady, nowMs)) {
        if (run) allowedNew.push(nodeName);
      } else if (numSurge < maxSurge && run) candidateNew.push(nodeName);
      continue;
    }
    if (!isPodAvailable(newPod, minReady, nowMs)) {
      numSurge++;
      continue;
    }
    plan.oldPodsToDelete.push({ pod: oldPod, why: `its replacement ${newPod.metadata.name} is available` });
  }
  const remaining = Math.max(0, Math.min(maxSurge - numSurge, candidateNew.length));
  plan.nodesToCreate = [...allowedNew, ...candidateNew.slice(0, remaining)];
  return plan;
}
