// Storage kinds: mirrors k8s.io/api/core/v1/types.go (PersistentVolume, PersistentVolumeClaim) and
// k8s.io/api/storage/v1/types.go (StorageClass) — the fields the simulator reads or shows.
import type { NodeSelectorTerm } from './core';
import type { Condition, KubeObject, LabelSelector, ObjectMeta } from './meta';

export type AccessMode = 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod';
export type ReclaimPolicy = 'Retain' | 'Delete' | 'Recycle';
export type VolumeBindingMode = 'Immediate' | 'WaitForFirstConsumer';

export interface ObjectRefLite {
  kind?: string;
  apiVersion?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  resourceVersion?: string;
}

export interface PersistentVolumeSpec {
  capacity?: Record<string, string>;
  accessModes?: AccessMode[];
  persistentVolumeReclaimPolicy?: ReclaimPolicy;
  storageClassName?: string;
  volumeMode?: 'Filesystem' | 'Block';
  claimRef?: ObjectRefLite;
  nodeAffinity?: { required?: { nodeSelectorTerms: NodeSelectorTerm[] } };
  mountOptions?: string[];
  volumeAttributesClassName?: string;
  hostPath?: { path: string; type?: string };
  local?: { path: string };
  nfs?: { server: string; path: string };
  [source: string]: unknown;
}

export type PersistentVolumePhase = 'Pending' | 'Available' | 'Bound' | 'Released' | 'Failed';

export interface PersistentVolume extends KubeObject {
  apiVersion: 'v1';
  kind: 'PersistentVolume';
  metadata: ObjectMeta;
  spec: PersistentVolumeSpec;
  status?: { phase?: PersistentVolumePhase; message?: string; reason?: string; lastPhaseTransitionTime?: string };
}

export interface PersistentVolumeClaimSpec {
  accessModes?: AccessMode[];
  selector?: LabelSelector;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  volumeName?: string;
  storageClassName?: string;
  volumeMode?: 'Filesystem' | 'Block';
  volumeAttributesClassName?: string;
  dataSource?: unknown;
}

export type PersistentVolumeClaimPhase = 'Pending' | 'Bound' | 'Lost';

export interface PersistentVolumeClaim extends KubeObject {
  apiVersion: 'v1';
  kind: 'PersistentVolumeClaim';
  metadata: ObjectMeta;
  spec: PersistentVolumeClaimSpec;
  status?: { phase?: PersistentVolumeClaimPhase; accessModes?: AccessMode[]; capacity?: Record<string, string>; conditions?: Condition[] };
}

export interface StorageClass extends KubeObject {
  apiVersion: 'storage.k8s.io/v1';
  kind: 'StorageClass';
  metadata: ObjectMeta;
  provisioner: string;
  parameters?: Record<string, string>;
  reclaimPolicy?: ReclaimPolicy;
  mountOptions?: string[];
  allowVolumeExpansion?: boolean;
  volumeBindingMode?: VolumeBindingMode;
}

// Annotations and finalizers, as upstream names them (pkg/controller/volume/persistentvolume/util,
// pkg/volume/util/finalizer.go, storage/v1 and component-helpers/storage/volume).
export const ANN_DEFAULT_STORAGE_CLASS = 'storageclass.kubernetes.io/is-default-class';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_DYNAMICALLY_PROVISIONED = 'pv.kubernetes.io/provisioned-by';
export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';
export const NOT_SUPPORTED_PROVISIONER = 'kubernetes.io/no-provisioner';

/** GetPersistentVolumeClaimClass: spec.storageClassName, else the old beta annotation, else "". */
export function claimClass(c: PersistentVolumeClaim): string {
  return c.spec.storageClassName ?? c.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
}

export function volumeClass(v: PersistentVolume): string {
  return v.spec.storageClassName ?? v.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
}

export function isDefaultClass(sc: StorageClass): boolean {
  return sc.metadata.annotations?.[ANN_DEFAULT_STORAGE_CLASS] === 'true';
}

/** Names of the claims a pod mounts, in volume order. */
export function podClaimNames(spec: { volumes?: { name: string; [source: string]: unknown }[] } | undefined): string[] {
  const out: string[] = [];
  for (const v of spec?.volumes ?? []) {
    const src = v.persistentVolumeClaim as { claimName?: string } | undefined;
    if (src?.claimName) out.push(src.claimName);
  }
  return out;
}
