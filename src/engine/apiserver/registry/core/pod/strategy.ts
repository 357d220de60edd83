// Pod strategy: mirrors pkg/registry/core/pod/strategy.go (podStrategy: PrepareForCreate,
// Validate, ValidateUpdate, CheckGracefulDelete) and ToSelectableFields for field selectors.
import type { Pod } from '../../../../api/core';
import type { KubeObject } from '../../../../api/meta';
import { newBadRequest } from '../../../errors';
import type { FieldGetter } from '../../../apiserver';
import type { Strategy } from '../../../types';
import { checkPodSpecDecoding, decodeErrorMessage } from '../../../validation/decode';
import { validatePodSpec } from '../../../validation/podspec';
import { validatePodUpdate } from '../../../validation/podupdate';
import { setDefaultsPod } from './defaults';
import { computePodQOS } from './qos';

const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;

export const podStrategy: Strategy = {
  hasStatus: true,
  defaults(obj) {
    const err = checkPodSpecDecoding(obj.spec, 'Pod', 'spec');
    if (err) throw newBadRequest(decodeErrorMessage('Pod', 'v1', err));
    const pod = obj as Pod;
    pod.spec ??= { containers: [] };
    setDefaultsPod(pod);
  },
  /** A new pod starts Pending with its QoS class; whatever status the client sent is dropped. */
  prepareForCreate(obj) {
    const pod = obj as Pod;
    pod.status = { phase: 'Pending', qosClass: computePodQOS(pod) };
  },
  validate(obj) {
    return validatePodSpec((obj as Pod).spec, 'spec');
  },
  validateUpdate(obj, old) {
    return validatePodUpdate(obj as Pod, old as Pod);
  },
  gracePeriod: podGracePeriod,
  defaultPropagation: 'Background',
};

/**
 * CheckGracefulDelete plus the generic "already being deleted" rules (rest.BeforeDelete):
 *   - the requested period, else the pod's terminationGracePeriodSeconds (default 30);
 *   - a second delete without a period keeps the pending one (deletionGracePeriodSeconds);
 *   - 0 when the pod never reached a node (nothing to stop) or has already finished;
 *   - a negative period becomes 1.
 * e.g. `kubectl delete pod web` on a running pod with the default spec -> 30 s, deletionTimestamp = now + 30 s.
 */
export function podGracePeriod(obj: KubeObject, requested: number | undefined): number {
  const pod = obj as Pod;
  const pending = pod.metadata.deletionTimestamp ? pod.metadata.deletionGracePeriodSeconds : undefined;
  if (pod.metadata.deletionTimestamp && !pending) return 0;
  let period = requested ?? pending ?? pod.spec?.terminationGracePeriodSeconds ?? DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
  if (!pod.spec?.nodeName) period = 0;
  if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') period = 0;
  if (period < 0) period = 1;
  return period;
}

const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));

/** Pod fields a field selector may use (pkg/registry/core/pod/strategy.go ToSelectableFields). */
export const podFieldGetters: Record<string, FieldGetter> = {
  'spec.nodeName': (o) => (o as Pod).spec?.nodeName ?? '',
  'spec.restartPolicy': (o) => (o as Pod).spec?.restartPolicy ?? '',
  'spec.schedulerName': (o) => (o as Pod).spec?.schedulerName ?? '',
  'spec.serviceAccountName': (o) => (o as Pod).spec?.serviceAccountName ?? '',
  'spec.hostNetwork': (o) => String(!!(o as Pod).spec?.hostNetwork),
  'status.phase': (o) => (o as Pod).status?.phase ?? '',
  'status.podIP': (o) => str((o as Pod).status?.podIPs?.[0]?.ip ?? (o as Pod).status?.podIP) ?? '',
  'status.nominatedNodeName': (o) => (o as Pod).status?.nominatedNodeName ?? '',
};
