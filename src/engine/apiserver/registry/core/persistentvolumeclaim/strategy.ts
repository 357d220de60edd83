// PersistentVolumeClaim strategy: mirrors pkg/registry/core/persistentvolumeclaim/strategy.go and
// SetDefaults_PersistentVolumeClaim (volumeMode Filesystem; status.phase Pending).
import type { PersistentVolumeClaim } from '../../../../api/storage';
import type { FieldGetter } from '../../../apiserver';
import type { Strategy } from '../../../types';
import { validatePersistentVolumeClaim, validatePersistentVolumeClaimUpdate } from '../../../validation/storage';

export const persistentVolumeClaimStrategy: Strategy = {
  hasStatus: true,
  defaults(obj) {
    const c = obj as PersistentVolumeClaim;
    c.spec ??= {};
    c.spec.volumeMode ??= 'Filesystem';
  },
  prepareForCreate(obj) {
    (obj as PersistentVolumeClaim).status = { phase: 'Pending' };
  },
  validate: (obj) => validatePersistentVolumeClaim(obj as PersistentVolumeClaim),
  validateUpdate: (obj, old) => validatePersistentVolumeClaimUpdate(obj as PersistentVolumeClaim, old as PersistentVolumeClaim),
};

export const persistentVolumeClaimFieldGetters: Record<string, FieldGetter> = {
  'status.phase': (o) => (o as PersistentVolumeClaim).status?.phase,
};
