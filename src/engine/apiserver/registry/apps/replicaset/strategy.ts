// ReplicaSet strategy: mirrors pkg/registry/apps/replicaset/strategy.go and SetDefaults_ReplicaSet.
import type { ReplicaSet } from '../../../../api/apps';
import { newBadRequest } from '../../../errors';
import type { FieldGetter } from '../../../apiserver';
import type { Strategy } from '../../../types';
import { validateReplicaSetSpec } from '../../../validation/apps';
import { checkPodSpecDecoding, checkWorkloadSpecDecoding, decodeErrorMessage } from '../../../validation/decode';
import { validateImmutableField } from '../../../validation/generic';
import { setDefaultsPodSpec } from '../../core/pod/defaults';

export const replicaSetStrategy: Strategy = {
  hasStatus: true,
  tracksGeneration: true,
  defaultPropagation: 'Background',
  defaults(obj) {
    const rs = obj as ReplicaSet;
    rs.spec ??= {} as ReplicaSet['spec'];
    const err = checkWorkloadSpecDecoding('ReplicaSet', rs.spec) ?? checkPodSpecDecoding(rs.spec.template?.spec, 'PodTemplateSpec', 'spec.template.spec');
    if (err) throw newBadRequest(decodeErrorMessage('ReplicaSet', 'v1', err));
    rs.spec.replicas ??= 1;
    if (rs.spec.template?.spec) setDefaultsPodSpec(rs.spec.template.spec);
  },
  prepareForCreate(obj) {
    (obj as ReplicaSet).status = { replicas: 0 };
  },
  validate: (obj) => validateReplicaSetSpec((obj as ReplicaSet).spec),
  validateUpdate: (obj, old) => [
    ...validateReplicaSetSpec((obj as ReplicaSet).spec),
    ...validateImmutableField((obj as ReplicaSet).spec.selector, (old as ReplicaSet).spec.selector, 'spec.selector'),
  ],
};

export const replicaSetFieldGetters: Record<string, FieldGetter> = {
  'status.replicas': (o) => String((o as ReplicaSet).status?.replicas ?? 0),
};
