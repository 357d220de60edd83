// The binder's matching rules: mirrors pkg/controller/volume/persistentvolume/index.go
// (findBestMatchForClaim, findMatchingVolume) and component-helpers/storage/volume (CheckVolumeModeMismatches,
// CheckNodeAffinity). Pure: given the claim and the volumes, which volume should it get?
import type { Node } from '../../../api/core';
import { matchesLabelSelector } from '../../../api/labels';
import { bytes } from '../../../api/quantity';
import type { PersistentVolume, PersistentVolumeClaim } from '../../../api/storage';
import { claimClass, volumeClass } from '../../../api/storage';
import { nodeSelectorMatches } from '../../../scheduler/plugins/nodeaffinity/node_selector';

/** Does the volume offer every access mode the claim asks for? (RWO claim + RWO/RWX volume: yes.) */
export function accessModesSatisfied(claim: PersistentVolumeClaim, volume: PersistentVolume): boolean {
  const offered = new Set(volume.spec.accessModes ?? []);
  return (claim.spec.accessModes ?? []).every((m) => offered.has(m));
}

/** A volume with a node affinity is only usable from the nodes it names (local / local-path volumes). */
export function volumeFitsNode(volume: PersistentVolume, node: Node | undefined): boolean {
  const terms = volume.spec.nodeAffinity?.required?.nodeSelectorTerms;
  if (!terms) return true;
  if (!node) return false;
  return nodeSelectorMatches(terms, node);
}

export function isPrebound(volume: PersistentVolume, claim: PersistentVolumeClaim): boolean {
  const ref = volume.spec.claimRef;
  if (!ref) return false;
  return ref.name === claim.metadata.name && (ref.namespace ?? '') === (claim.metadata.namespace ?? '') && (!ref.uid || ref.uid === claim.metadata.uid);
}

/**
 * findMatchingVolume: the smallest volume that satisfies the claim. Rules, in upstream order:
 *  - a volume pre-bound to this claim (claimRef names it) wins at once, whatever its size;
 *  - volumes bound (claimRef set) to someone else, or being deleted, or not Available, are skipped;
 *  - volumeMode, storage class (exact string, "" only matches ""), label selector, access modes
 *    and node affinity (when `node` is given, i.e. the scheduler checks one node) must match;
 *  - capacity must be >= the request; among those the smallest capacity wins.
 * Worked example: claim asks 3Gi RWO class "manual"; volumes 10Gi, 5Gi, 2Gi (all "manual", RWO)
 * → 2Gi is too small, 5Gi is the smallest that fits: the claim gets the 5Gi volume.
 * With `delayBinding` (WaitForFirstConsumer) and no node, only pre-bound volumes may be returned:
 * the real choice waits for the scheduler.
 */
export function findMatchingVolume(
  claim: PersistentVolumeClaim,
  volumes: readonly PersistentVolume[],
  node: Node | undefined,
  delayBinding: boolean,
  excluded: ReadonlySet<string> = new Set(),
): PersistentVolume | undefined {
  const request = bytes(claim.spec.resources?.requests?.storage ?? 0);
  const wantClass = claimClass(claim);
  const wantMode = claim.spec.volumeMode ?? 'Filesystem';
  let smallest: PersistentVolume | undefined;
  let smallestSize = Infinity;
  for (const v of [...volumes].sort(byName)) {
    if (excluded.has(v.metadata.name ?? '')) continue;
    if ((v.spec.volumeMode ?? 'Filesystem') !== wantMode) continue;
    if (node && !volumeFitsNode(v, node)) continue;
    if (isPrebound(v, claim)) {
      // A pre-bound volume is this claim's, even if it is too small: binding then fails loudly.
      return v;
    }
    if (delayBinding && !node) continue;
    if (v.spec.claimRef) continue;
    if (v.metadata.deletionTimestamp) continue;
    if (v.status?.phase && v.status.phase !== 'Available' && v.status.phase !== 'Pending') continue;
    if (volumeClass(v) !== wantClass) continue;
    if (claim.spec.selector && !matchesLabelSelector(claim.spec.selector, v.metadata.labels)) continue;
    if (!accessModesSatisfied(claim, v)) continue;
    const size = bytes(v.spec.capacity?.storage ?? 0);
    if (!(size >= request)) continue;
    if (size < smallestSize) {
      smallest = v;
      smallestSize = size;
    }
  }
  return smallest;
}

function byName(a: PersistentVolume, b: PersistentVolume): number {
  const x = a.metadata.name ?? '';
  const y = b.metadata.name ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}
