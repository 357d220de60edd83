// `kubectl get` columns for storage and disruption budgets: mirrors printPersistentVolume,
// printPersistentVolumeClaim, printStorageClass and printPodDisruptionBudget in
// kubernetes/pkg/printers/internalversion/printers.go.
import type { KubeObject } from '../../api/meta';
import type { PodDisruptionBudget } from '../../api/policy';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from '../../api/storage';
import { isDefaultClass, claimClass, volumeClass } from '../../api/storage';
import { age, type Column } from './columns';

const NAME: Column = { name: 'NAME', cell: (o) => o.metadata.name ?? '' };
const AGE: Column = { name: 'AGE', cell: (o, p) => age(o.metadata.creationTimestamp, p) };

/** GetAccessModesAsString: RWO, ROX, RWX, RWOP in that fixed order, comma-joined. */
export function accessModesString(modes: readonly string[] | undefined): string {
  const m = new Set(modes ?? []);
  const out: string[] = [];
  if (m.has('ReadWriteOnce')) out.push('RWO');
  if (m.has('ReadOnlyMany')) out.push('ROX');
  if (m.has('ReadWriteMany')) out.push('RWX');
  if (m.has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

const pv = (o: KubeObject) => o as PersistentVolume;
const pvc = (o: KubeObject) => o as PersistentVolumeClaim;

export const PV_COLUMNS: Column[] = [
  NAME,
  { name: 'CAPACITY', cell: (o) => pv(o).spec.capacity?.storage ?? '0' },
  { name: 'ACCESS MODES', cell: (o) => accessModesString(pv(o).spec.accessModes) },
  { name: 'RECLAIM POLICY', cell: (o) => pv(o).spec.persistentVolumeReclaimPolicy ?? '' },
  { name: 'STATUS', cell: (o) => (o.metadata.deletionTimestamp ? 'Terminating' : pv(o).status?.phase ?? '') },
  { name: 'CLAIM', cell: (o) => (pv(o).spec.claimRef ? `${pv(o).spec.claimRef!.namespace ?? ''}/${pv(o).spec.claimRef!.name ?? ''}` : '') },
  { name: 'STORAGECLASS', cell: (o) => volumeClass(pv(o)) },
  { name: 'VOLUMEATTRIBUTESCLASS', cell: (o) => pv(o).spec.volumeAttributesClassName ?? '<unset>' },
  { name: 'REASON', cell: (o) => pv(o).status?.reason ?? '' },
  AGE,
  { name: 'VOLUMEMODE', wide: true, cell: (o) => pv(o).spec.volumeMode ?? '<unset>' },
];

/** Capacity and access modes come from status, and only once the claim names a volume. */
export const PVC_COLUMNS: Column[] = [
  NAME,
  { name: 'STATUS', cell: (o) => (o.metadata.deletionTimestamp ? 'Terminating' : pvc(o).status?.phase ?? '') },
  { name: 'VOLUME', cell: (o) => pvc(o).spec.volumeName ?? '' },
  { name: 'CAPACITY', cell: (o) => (pvc(o).spec.volumeName ? pvc(o).status?.capacity?.storage ?? '' : '') },
  { name: 'ACCESS MODES', cell: (o) => (pvc(o).spec.volumeName ? accessModesString(pvc(o).status?.accessModes) : '') },
  { name: 'STORAGECLASS', cell: (o) => claimClass(pvc(o)) },
  { name: 'VOLUMEATTRIBUTESCLASS', cell: (o) => pvc(o).spec.volumeAttributesClassName ?? '<unset>' },
  AGE,
  { name: 'VOLUMEMODE', wide: true, cell: (o) => pvc(o).spec.volumeMode ?? '<unset>' },
];

const sc = (o: KubeObject) => o as StorageClass;

export const STORAGECLASS_COLUMNS: Column[] = [
  { name: 'NAME', cell: (o) => (isDefaultClass(sc(o)) ? `${o.metadata.name} (default)` : o.metadata.name ?? '') },
  { name: 'PROVISIONER', cell: (o) => sc(o).provisioner },
  { name: 'RECLAIMPOLICY', cell: (o) => sc(o).reclaimPolicy ?? 'Delete' },
  { name: 'VOLUMEBINDINGMODE', cell: (o) => sc(o).volumeBindingMode ?? 'Immediate' },
  { name: 'ALLOWVOLUMEEXPANSION', cell: (o) => String(!!sc(o).allowVolumeExpansion) },
  AGE,
];

const pdb = (o: KubeObject) => o as PodDisruptionBudget;

export const PDB_COLUMNS: Column[] = [
  NAME,
  { name: 'MIN AVAILABLE', cell: (o) => (pdb(o).spec.minAvailable !== undefined ? String(pdb(o).spec.minAvailable) : 'N/A') },
  { name: 'MAX UNAVAILABLE', cell: (o) => (pdb(o).spec.maxUnavailable !== undefined ? String(pdb(o).spec.maxUnavailable) : 'N/A') },
  { name: 'ALLOWED DISRUPTIONS', cell: (o) => String(pdb(o).status?.disruptionsAllowed ?? 0) },
  AGE,
];
