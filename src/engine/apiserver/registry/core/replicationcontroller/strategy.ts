// ReplicationController strategy: mirrors pkg/registry/core/replicationcontroller/strategy.go and
// SetDefaults_ReplicationController (pkg/apis/core/v1/defaults.go).
import type { ReplicationController } from '../../../../api/core';
import { newBadRequest } from '../../../errors';
import type { FieldGetter } from '../../../apiserver';
import type { Strategy } from '../../../types';
import { validateReplicationControllerSpec } from '../../../validation/apps';
import { checkPodSpecDecoding, checkWorkloadSpecDecoding, decodeErrorMessage } from '../../../validation/decode';
import { setDefaultsPodSpec } from '../pod/defaults';

export const replicationControllerStrategy: Strategy = {
  hasStatus: true,
  tracksGeneration: true,
  // DefaultGarbageCollectionPolicy: OrphanDependents for v1 "for backwards compatibility" when the
  // request names no policy. (kubectl always sends propagationPolicy=Background, so
  // `kubectl delete rc` still removes the pods.)
  defaultPropagation: 'Orphan',
  defaults(obj) {
    const rc = obj as ReplicationController;
    rc.spec ??= {};
    const err = checkWorkloadSpecDecoding('ReplicationController', rc.spec) ?? checkPodSpecDecoding(rc.spec.template?.spec, 'PodTemplateSpec', 'spec.template.spec');
    if (err) throw newBadRequest(decodeErrorMessage('ReplicationController', 'v1', err));
    // An RC's selector and labels default to its template's labels.
    const labels = rc.spec.template?.metadata?.labels;
    if (labels) {
      if (!rc.spec.selector || Object.keys(rc.spec.selector).length === 0) rc.spec.selector = { ...labels };
      if (!rc.metadata.labels || Object.keys(rc.metadata.labels).length === 0) rc.metadata.labels = { ...labels };
    }
    rc.spec.replicas ??= 1;
    if (rc.spec.template?.spec) setDefaultsPodSpec(rc.spec.template.spec);
  },
  prepareForCreate(obj) {
    (obj as ReplicationController).status = { replicas: 0 };
  },
  validate: (obj) => validateReplicationControllerSpec((obj as ReplicationController).spec),
};

export const replicationControllerFieldGetters: Record<string, FieldGetter> = {
  'status.replicas': (o) => String((o as ReplicationController).status?.replicas ?? 0),
};
