// StorageClass strategy: mirrors pkg/registry/storage/storageclass/strategy.go and
// SetDefaults_StorageClass (reclaimPolicy Delete, volumeBindingMode Immediate). No status.
import type { StorageClass } from '../../../../api/storage';
import type { Strategy } from '../../../types';
import { validateStorageClass, validateStorageClassUpdate } from '../../../validation/storage';

export const storageClassStrategy: Strategy = {
  defaults(obj) {
    const sc = obj as StorageClass;
    sc.reclaimPolicy ??= 'Delete';
    sc.volumeBindingMode ??= 'Immediate';
  },
  validate: (obj) => validateStorageClass(obj as StorageClass),
  validateUpdate: (obj, old) => validateStorageClassUpdate(obj as StorageClass, old as StorageClass),
};
