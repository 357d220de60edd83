// DaemonSet strategy: mirrors pkg/registry/apps/daemonset/strategy.go and SetDefaults_DaemonSet
// (pkg/apis/apps/v1/defaults.go).
import type { DaemonSet } from '../../../../api/apps';
import { newBadRequest } from '../../../errors';
import type { Strategy } from '../../../types';
import { validateDaemonSetSpec, validateDaemonSetUpdate } from '../../../validation/daemonset';
import { checkPodSpecDecoding, decodeErrorMessage } from '../../../validation/decode';
import { canonicalJSON } from '../../../validation/generic';
import { setDefaultsPodSpec } from '../../core/pod/defaults';

/** The v1 form of the internal spec.templateGeneration field. */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

/**
 * SetDefaults_DaemonSet: RollingUpdate, one node at a time (maxUnavailable 1, maxSurge 0: the
 * old pod on a node is deleted before its replacement is created), 10 old revisions kept.
 */
export function setDefaultsDaemonSet(ds: DaemonSet): void {
  ds.spec.updateStrategy ??= {};
  const s = ds.spec.updateStrategy;
  s.type ||= 'RollingUpdate';
  if (s.type === 'RollingUpdate') {
    s.rollingUpdate ??= {};
    s.rollingUpdate.maxUnavailable ??= 1;
    s.rollingUpdate.maxSurge ??= 0;
  }
  ds.spec.revisionHistoryLimit ??= 10;
  if (ds.spec.template?.spec) setDefaultsPodSpec(ds.spec.template.spec);
}

export const daemonSetStrategy: Strategy = {
  hasStatus: true,
  tracksGeneration: true,
  defaultPropagation: 'Background',
  defaults(obj) {
    const ds = obj as DaemonSet;
    ds.spec ??= {} as DaemonSet['spec'];
    const err = checkPodSpecDecoding(ds.spec.template?.spec, 'PodTemplateSpec', 'spec.template.spec');
    if (err) throw newBadRequest(decodeErrorMessage('DaemonSet', 'v1', err));
    setDefaultsDaemonSet(ds);
  },
  /** A new DaemonSet starts at template generation 1 (unless the client set a higher one). */
  prepareForCreate(obj) {
    const ds = obj as DaemonSet;
    ds.status = { currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 };
    const cur = Number(ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? 0);
    ds.metadata.annotations = { ...(ds.metadata.annotations ?? {}), [TEMPLATE_GENERATION_ANNOTATION]: String(cur >= 1 ? cur : 1) };
  },
  /**
   * Every template change bumps the template generation: pods carry it as their
   * pod-template-generation label, the older way (before revision hashes) to tell new from old.
   */
  prepareForUpdate(obj, old) {
    const ds = obj as DaemonSet;
    const prev = old as DaemonSet;
    let gen = Number(prev.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? 1) || 1;
    if (canonicalJSON(ds.spec.template ?? {}) !== canonicalJSON(prev.spec.template ?? {})) gen++;
    ds.metadata.annotations = { ...(ds.metadata.annotations ?? {}), [TEMPLATE_GENERATION_ANNOTATION]: String(gen) };
  },
  validate: (obj) => validateDaemonSetSpec((obj as DaemonSet).spec),
  validateUpdate: (obj, old) => validateDaemonSetUpdate((obj as DaemonSet).spec, (old as DaemonSet).spec),
};
