// PersistentVolume strategy: mirrors pkg/registry/core/persistentvolume/strategy.go and
// SetDefaults_PersistentVolume (reclaimPolicy Retain, volumeMode Filesystem, phase Pending).
import type { PersistentVolume } from '../../../../api/storage';
import type { FieldGetter } from '../../../apiserver';
import type { Strategy } from '../../../types';
import { validatePersistentVolume, validatePersistentVolumeUpdate } from '../../../validation/storage';

export const persistentVolumeStrategy: Strategy = {
  hasStatus: true,
  defaults(obj) {
    const v = obj as PersistentVolume;
    v.spec ??= {};
    v.spec.persistentVolumeReclaimPolicy ??= 'Retain';
    v.spec.volumeMode ??= 'Filesystem';
  },
  prepareForCreate(obj, ctx) {
    (obj as PersistentVolume).status = { phase: 'Pending', lastPhaseTransitionTime: ctx.clock.iso() };
  },
  validate: (obj) => validatePersistentVolume(obj as PersistentVolume),
  validateUpdate: (obj, old) => validatePersistentVolumeUpdate(obj as PersistentVolume, old as PersistentVolume),
};

export const persistentVolumeFieldGetters: Record<string, FieldGetter> = {
  'status.phase': (o) => (o as PersistentVolume).status?.phase,
};
