// DefaultStorageClass admission: mirrors plugin/pkg/admission/storage/storageclass/setdefault/admission.go
// and GetDefaultClass (pkg/volume/util/storageclass.go). A claim created without spec.storageClassName
// gets the class annotated storageclass.kubernetes.io/is-default-class: "true" (on kind: `standard`).
// An explicit `storageClassName: ""` means "no class, bind only to class-less PVs" and is kept.
import type { PersistentVolumeClaim, StorageClass } from '../../api/storage';
import { isDefaultClass } from '../../api/storage';
import { grKey } from '../../store/store';
import type { AdmissionPlugin } from '../types';

/**
 * GetDefaultClass: with several default classes the newest wins (creationTimestamp, then name),
 * since v1.26 — so adding a second default while migrating does not break claim creation.
 */
export function getDefaultClass(classes: readonly StorageClass[]): StorageClass | undefined {
  let best: StorageClass | undefined;
  for (const sc of classes) {
    if (!isDefaultClass(sc)) continue;
    if (!best) {
      best = sc;
      continue;
    }
    const a = sc.metadata.creationTimestamp ?? '';
    const b = best.metadata.creationTimestamp ?? '';
    if (a > b || (a === b && (sc.metadata.name ?? '') < (best.metadata.name ?? ''))) best = sc;
  }
  return best;
}

export const defaultStorageClass: AdmissionPlugin = {
  name: 'DefaultStorageClass',
  admit(a) {
    if (a.operation !== 'CREATE' || a.subresource || a.info.group !== '' || a.info.resource !== 'persistentvolumeclaims') return;
    const pvc = a.object as PersistentVolumeClaim;
    if (pvc.spec.storageClassName !== undefined && pvc.spec.storageClassName !== null) return;
    if (pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] !== undefined) return;
    const classes = a.ctx.store.list(grKey('storage.k8s.io', 'storageclasses')) as StorageClass[];
    const def = getDefaultClass(classes);
    if (def) pvc.spec.storageClassName = def.metadata.name;
  },
};
