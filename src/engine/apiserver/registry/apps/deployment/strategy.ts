// Deployment strategy: mirrors pkg/registry/apps/deployment/strategy.go and SetDefaults_Deployment
// (pkg/apis/apps/v1/defaults.go).
import type { Deployment } from '../../../../api/apps';
import { newBadRequest } from '../../../errors';
import type { Strategy } from '../../../types';
import { validateDeploymentSpec } from '../../../validation/apps';
import { checkPodSpecDecoding, checkWorkloadSpecDecoding, decodeErrorMessage } from '../../../validation/decode';
import { canonicalJSON, validateImmutableField } from '../../../validation/generic';
import { setDefaultsPodSpec } from '../../core/pod/defaults';

/**
 * SetDefaults_Deployment: 1 replica, RollingUpdate with maxSurge/maxUnavailable 25% (10 replicas
 * -> up to 13 pods and at least 8 available during a rollout), 10 old ReplicaSets kept, and 600 s
 * to make progress before the Progressing condition turns False.
 */
export function setDefaultsDeployment(d: Deployment): void {
  d.spec.replicas ??= 1;
  d.spec.strategy ??= {};
  const s = d.spec.strategy;
  s.type ||= 'RollingUpdate';
  if (s.type === 'RollingUpdate') {
    s.rollingUpdate ??= {};
    s.rollingUpdate.maxUnavailable ??= '25%';
    s.rollingUpdate.maxSurge ??= '25%';
  }
  d.spec.revisionHistoryLimit ??= 10;
  d.spec.progressDeadlineSeconds ??= 600;
  if (d.spec.template?.spec) setDefaultsPodSpec(d.spec.template.spec);
}

export const deploymentStrategy: Strategy = {
  hasStatus: true,
  tracksGeneration: true,
  defaultPropagation: 'Background',
  defaults(obj) {
    const d = obj as Deployment;
    d.spec ??= {} as Deployment['spec'];
    const err = checkWorkloadSpecDecoding('Deployment', d.spec) ?? checkPodSpecDecoding(d.spec.template?.spec, 'PodTemplateSpec', 'spec.template.spec');
    if (err) throw newBadRequest(decodeErrorMessage('Deployment', 'v1', err));
    setDefaultsDeployment(d);
  },
  prepareForCreate(obj) {
    (obj as Deployment).status = {};
  },
  /** Annotation changes bump the generation too (rollback used to be requested through one). */
  prepareForUpdate(obj, old) {
    if (canonicalJSON(obj.metadata.annotations ?? {}) !== canonicalJSON(old.metadata.annotations ?? {})) {
      obj.metadata.generation = (old.metadata.generation ?? 0) + 1;
    }
  },
  validate: (obj) => validateDeploymentSpec((obj as Deployment).spec),
  // apps/v1: the selector is immutable (it decides which ReplicaSets and pods the Deployment owns).
  validateUpdate: (obj, old) => [
    ...validateDeploymentSpec((obj as Deployment).spec),
    ...validateImmutableField((obj as Deployment).spec.selector, (old as Deployment).spec.selector, 'spec.selector'),
  ],
};
