// StatefulSet strategy: mirrors pkg/registry/apps/statefulset/strategy.go and
// SetDefaults_StatefulSet (pkg/apis/apps/v1/defaults.go).
import type { StatefulSet } from '../../../../api/apps';
import { newBadRequest } from '../../../errors';
import type { Strategy } from '../../../types';
import { validateStatefulSetSpec, validateStatefulSetUpdate } from '../../../validation/statefulset';
import { checkPodSpecDecoding, decodeErrorMessage } from '../../../validation/decode';
import { setDefaultsPodSpec } from '../../core/pod/defaults';

/**
 * SetDefaults_StatefulSet: OrderedReady, RollingUpdate with partition 0 (every ordinal is
 * updated), claims retained on scale-down and deletion, 1 replica, 10 old revisions. Claim
 * templates get the PVC defaults (volumeMode Filesystem).
 */
export function setDefaultsStatefulSet(sts: StatefulSet): void {
  sts.spec.podManagementPolicy ||= 'OrderedReady';
  sts.spec.updateStrategy ??= {};
  const s = sts.spec.updateStrategy;
  s.type ||= 'RollingUpdate';
  if (s.type === 'RollingUpdate') {
    s.rollingUpdate ??= {};
    s.rollingUpdate.partition ??= 0;
  }
  sts.spec.persistentVolumeClaimRetentionPolicy ??= {};
  sts.spec.persistentVolumeClaimRetentionPolicy.whenDeleted ||= 'Retain';
  sts.spec.persistentVolumeClaimRetentionPolicy.whenScaled ||= 'Retain';
  sts.spec.replicas ??= 1;
  sts.spec.revisionHistoryLimit ??= 10;
  for (const t of sts.spec.volumeClaimTemplates ?? []) {
    t.spec ??= {};
    t.spec.volumeMode ??= 'Filesystem';
  }
  if (sts.spec.template?.spec) setDefaultsPodSpec(sts.spec.template.spec);
}

export const statefulSetStrategy: Strategy = {
  hasStatus: true,
  tracksGeneration: true,
  defaultPropagation: 'Background',
  defaults(obj) {
    const sts = obj as StatefulSet;
    sts.spec ??= {} as StatefulSet['spec'];
    const err = checkPodSpecDecoding(sts.spec.template?.spec, 'PodTemplateSpec', 'spec.template.spec');
    if (err) throw newBadRequest(decodeErrorMessage('StatefulSet', 'v1', err));
    setDefaultsStatefulSet(sts);
  },
  prepareForCreate(obj) {
    (obj as StatefulSet).status = { replicas: 0, availableReplicas: 0 };
  },
  validate: (obj) => validateStatefulSetSpec((obj as StatefulSet).spec),
  validateUpdate: (obj, old) => validateStatefulSetUpdate((obj as StatefulSet).spec, (old as StatefulSet).spec),
};
