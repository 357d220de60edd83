// StorageObjectInUseProtection admission: mirrors plugin/pkg/admission/storage/storageobjectinuseprotection/admission.go.
// Every new claim gets the kubernetes.io/pvc-protection finalizer and every new volume
// kubernetes.io/pv-protection, so deleting one that is still in use only marks it Terminating;
// the pvc-protection / pv-protection controllers remove the finalizer once nothing uses it.
import type { KubeObject } from '../../api/meta';
import { PV_PROTECTION_FINALIZER, PVC_PROTECTION_FINALIZER } from '../../api/storage';
import type { AdmissionPlugin } from '../types';

function addFinalizer(obj: KubeObject, f: string): void {
  const list = obj.metadata.finalizers ?? [];
  if (!list.includes(f)) obj.metadata.finalizers = [...list, f];
}

export const storageObjectInUseProtection: AdmissionPlugin = {
  name: 'StorageObjectInUseProtection',
  admit(a) {
    if (a.operation !== 'CREATE' || a.subresource || a.info.group !== '') return;
    if (a.info.resource === 'persistentvolumeclaims') addFinalizer(a.object, PVC_PROTECTION_FINALIZER);
    else if (a.info.resource === 'persistentvolumes') addFinalizer(a.object, PV_PROTECTION_FINALIZER);
  },
};
