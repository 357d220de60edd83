// VolumeBinding: mirrors pkg/scheduler/framework/plugins/volumebinding/volume_binding.go and
// binder.go (GetPodVolumeClaims, FindPodVolumes, checkBoundClaims, findMatchingVolumes,
// checkVolumeProvisions). PreFilter classifies the pod's claims; Filter checks one node:
//  - claims already bound: their PVs' node affinity must admit the node (a local-path volume
//    lives on one node, so the pod must go there);
//  - WaitForFirstConsumer claims not yet bound: a free matching PV usable from the node, or a
//    class whose provisioner can create one there.
// Unbound claims of Immediate classes are the PV controller's business: the pod waits.
// PreBind (`volumesToBind` + the scheduler's binder) then writes volume.kubernetes.io/selected-node
// (or pre-binds the chosen PV) and the pod is bound to the node only once every claim is Bound.
import type { Node, Pod } from '../../../api/core';
import { ANN_BIND_COMPLETED, ANN_SELECTED_NODE, NOT_SUPPORTED_PROVISIONER, claimClass, podClaimNames } from '../../../api/storage';
import type { PersistentVolume, PersistentVolumeClaim } from '../../../api/storage';
import { findMatchingVolume, volumeFitsNode } from '../../../controllers/volume/persistentvolume/index';
import type { CycleState } from '../../framework/cycle_state';
import type { Handle } from '../../framework/handle';
import type { NodeInfo } from '../../framework/node_info';
import { SKIP_STATUS, unresolvable, type ClusterEvent, type FilterPlugin, type PreFilterPlugin, type Status } from '../../framework/types';

export const Name = 'VolumeBinding';
export const ErrReasonBindConflict = "node(s) didn't find available persistent volumes to bind";
export const ErrReasonNodeConflict = 'node(s) had volume node affinity conflict';
export const ErrReasonPVNotExist = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';
export const ErrUnboundImmediate = 'pod has unbound immediate PersistentVolumeClaims';
const STATE_KEY = `PreFilter${Name}`;

export interface PodVolumeClaims {
  bound: PersistentVolumeClaim[];
  delayBinding: PersistentVolumeClaim[];
  immediate: PersistentVolumeClaim[];
}

/** What the scheduler must do for one pod on one node before binding it (PreBind). */
export interface PodVolumes {
  /** Static PVs chosen for WaitForFirstConsumer claims: pre-bind them (claimRef). */
  staticBindings: { claim: PersistentVolumeClaim; volume: PersistentVolume }[];
  /** Claims to provision on the node: annotate them with selected-node. */
  dynamicProvisions: PersistentVolumeClaim[];
}

export type StorageListers = Required<Pick<Handle, 'getPersistentVolumeClaim' | 'getPersistentVolume' | 'listPersistentVolumes' | 'getStorageClass'>>;

/** isPVCFullyBound: volumeName set and the PV controller finished (bind-completed). */
export function isClaimBound(c: PersistentVolumeClaim): boolean {
  return !!c.spec.volumeName && c.metadata.annotations?.[ANN_BIND_COMPLETED] === 'yes';
}

/**
 * podHasPVCs + GetPodVolumeClaims. A missing or deleting claim rejects the pod outright (for
 * every node) — its message becomes the whole FailedScheduling text:
 * `0/4 nodes are available: persistentvolumeclaim "x" not found. preemption: 0/4 nodes are
 * available: 4 Preemption is not helpful for scheduling.`
 */
export function getPodVolumeClaims(pod: Pod, l: StorageListers): PodVolumeClaims | { error: string } {
  const out: PodVolumeClaims = { bound: [], delayBinding: [], immediate: [] };
  for (const name of podClaimNames(pod.spec)) {
    const c = l.getPersistentVolumeClaim(pod.metadata.namespace ?? '', name);
    if (!c) return { error: `persistentvolumeclaim "${name}" not found` };
    if (c.status?.phase === 'Lost') return { error: `persistentvolumeclaim "${name}" bound to non-existent persistentvolume "${c.spec.volumeName ?? ''}"` };
    if (c.metadata.deletionTimestamp) return { error: `persistentvolumeclaim "${name}" is being deleted` };
    if (isClaimBound(c)) out.bound.push(c);
    else if (l.getStorageClass(claimClass(c))?.volumeBindingMode === 'WaitForFirstConsumer') out.delayBinding.push(c);
    else out.immediate.push(c);
  }
  return out;
}

/**
 * FindPodVolumes for one node: the reasons it fails (empty = fits) and, when it fits, what
 * PreBind must do. Worked example: claim `data` (class standard, WaitForFirstConsumer,
 * provisioner rancher.io/local-path), no PVs: every worker fits, the claim is to be provisioned
 * on whichever node wins. Once provisioned on kind-worker2 and bound, the pod (if recreated) only
 * fits kind-worker2: the other nodes get "node(s) had volume node affinity conflict".
 */
export function findPodVolumes(claims: PodVolumeClaims, node: Node, l: StorageListers): { reasons: string[]; volumes: PodVolumes } {
  const reasons: string[] = [];
  const volumes: PodVolumes = { staticBindings: [], dynamicProvisions: [] };
  for (const c of claims.bound) {
    const pv = l.getPersistentVolume(c.spec.volumeName ?? '');
    if (!pv) {
      reasons.push(ErrReasonPVNotExist);
      break;
    }
    if (!volumeFitsNode(pv, node)) {
      reasons.push(ErrReasonNodeConflict);
      break;
    }
  }
  const chosen = new Set<string>();
  let bindConflict = false;
  for (const c of claims.delayBinding) {
    const selected = c.metadata.annotations?.[ANN_SELECTED_NODE];
    if (selected) {
      // Provisioning for this claim already started on a node: only that node will do.
      if (selected !== node.metadata.name) bindConflict = true;
      else volumes.dynamicProvisions.push(c);
      continue;
    }
    const pv = findMatchingVolume(c, l.listPersistentVolumes(), node, true, chosen);
    if (pv) {
      chosen.add(pv.metadata.name ?? '');
      volumes.staticBindings.push({ claim: c, volume: pv });
      continue;
    }
    // checkVolumeProvisions: a class whose provisioner can create a volume (storage capacity is not modelled).
    const sc = l.getStorageClass(claimClass(c));
    if (!sc || sc.provisioner === NOT_SUPPORTED_PROVISIONER) bindConflict = true;
    else volumes.dynamicProvisions.push(c);
  }
  if (bindConflict) reasons.push(ErrReasonBindConflict);
  return { reasons, volumes };
}

export class VolumeBinding implements PreFilterPlugin, FilterPlugin {
  readonly name = Name;
  readonly events: readonly ClusterEvent[] = ['PvcChange', 'PvChange', 'StorageClassChange', 'NodeAdd', 'NodeLabelChange'];

  constructor(private readonly handle: Handle) {}

  listers(): StorageListers | undefined {
    const h = this.handle;
    if (!h.getPersistentVolumeClaim || !h.getPersistentVolume || !h.listPersistentVolumes || !h.getStorageClass) return undefined;
    return h as StorageListers;
  }

  preFilter(state: CycleState, pod: Pod): Status | null {
    const l = this.listers();
    if (!l || podClaimNames(pod.spec).length === 0) return SKIP_STATUS;
    const claims = getPodVolumeClaims(pod, l);
    if ('error' in claims) return unresolvable(claims.error);
    // Immediate claims are bound by the PV controller on its own; until then no node can help.
    if (claims.immediate.length) return unresolvable(ErrUnboundImmediate);
    state.write(STATE_KEY, claims);
    return null;
  }

  filter(state: CycleState, pod: Pod, nodeInfo: NodeInfo): Status | null {
    const l = this.listers();
    const claims = state.read<PodVolumeClaims>(STATE_KEY);
    if (!l || !claims || !nodeInfo.node) return null;
    const { reasons } = findPodVolumes(claims, nodeInfo.node, l);
    return reasons.length ? unresolvable(...reasons) : null;
  }

  /** Reserve/PreBind: recompute for the chosen node what must be written before the pod is bound. */
  volumesToBind(pod: Pod, node: Node): PodVolumes | undefined {
    const l = this.listers();
    if (!l || podClaimNames(pod.spec).length === 0) return undefined;
    const claims = getPodVolumeClaims(pod, l);
    if ('error' in claims) return undefined;
    return findPodVolumes(claims, node, l).volumes;
  }

  /** Every claim of the pod is Bound: the pod may be bound to its node. */
  allBound(pod: Pod): boolean {
    const l = this.listers();
    if (!l) return true;
    for (const name of podClaimNames(pod.spec)) {
      const c = l.getPersistentVolumeClaim(pod.metadata.namespace ?? '', name);
      if (!c || !isClaimBound(c)) return false;
    }
    return true;
  }
}

export function New(handle: Handle): VolumeBinding {
  return new VolumeBinding(handle);
}
