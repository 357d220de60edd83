// kind's default StorageClass: mirrors the `standard` class in kind's default storage manifest
// (pkg/cluster/internal/create/actions/installstorage/storage.go). Claims without a
// storageClassName get it (DefaultStorageClass admission); the local-path provisioner creates a
// hostPath volume on the node the pod was scheduled to (WaitForFirstConsumer).
import type { StorageClass } from '../api/storage';
import { ANN_DEFAULT_STORAGE_CLASS } from '../api/storage';

export function standardStorageClass(): StorageClass {
  return {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'standard', annotations: { [ANN_DEFAULT_STORAGE_CLASS]: 'true' } },
    provisioner: 'rancher.io/local-path',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  };
}
