// ServiceAccount admission: mirrors plugin/pkg/admission/serviceaccount/admission.go.
// On pod CREATE: serviceAccountName defaults to "default", and (unless
// automountServiceAccountToken is false) a projected volume `kube-api-access-<5 random chars>`
// with the token, the cluster CA and the namespace is added and mounted read-only at
// /var/run/secrets/kubernetes.io/serviceaccount in every container and init container that does
// not already mount something there. Mirror (static) pods are left alone.
// Simplification: ServiceAccount objects are not served yet, so every name is taken to exist.
import type { Container, Pod, Volume } from '../../api/core';
import type { AdmissionPlugin } from '../types';

export const DEFAULT_SERVICE_ACCOUNT_NAME = 'default';
export const SERVICE_ACCOUNT_VOLUME_NAME = 'kube-api-access';
export const DEFAULT_API_TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
export const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
/** serviceaccount.WarnOnlyBoundTokenExpirationSeconds: 1 h + 7 s. */
const TOKEN_EXPIRATION_SECONDS = 3607;

export const serviceAccount: AdmissionPlugin = {
  name: 'ServiceAccount',
  admit(a) {
    if (a.operation !== 'CREATE' || a.subresource || a.info.group !== '' || a.info.resource !== 'pods') return;
    const pod = a.object as Pod;
    if (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return;
    pod.spec.serviceAccountName ||= DEFAULT_SERVICE_ACCOUNT_NAME;
    // v1 keeps the deprecated serviceAccount field in step with serviceAccountName.
    pod.spec.serviceAccount = pod.spec.serviceAccountName;
    if ((pod.spec as { automountServiceAccountToken?: boolean }).automountServiceAccountToken === false) return;
    mountServiceAccountToken(pod, () => a.ctx.rng.string(5));
  },
};

function mountServiceAccountToken(pod: Pod, random5: () => string): void {
  const existing = (pod.spec.volumes ?? []).find((v) => v.name.startsWith(`${SERVICE_ACCOUNT_VOLUME_NAME}-`));
  const volumeName = existing?.name ?? `${SERVICE_ACCOUNT_VOLUME_NAME}-${random5()}`;
  let needsVolume = false;
  const mount = (c: Container) => {
    if ((c.volumeMounts ?? []).some((m) => m.mountPath === DEFAULT_API_TOKEN_MOUNT_PATH)) return;
    c.volumeMounts = [...(c.volumeMounts ?? []), { name: volumeName, readOnly: true, mountPath: DEFAULT_API_TOKEN_MOUNT_PATH }];
    needsVolume = true;
  };
  for (const c of pod.spec.initContainers ?? []) mount(c);
  for (const c of pod.spec.containers ?? []) mount(c);
  if (!existing && needsVolume) pod.spec.volumes = [...(pod.spec.volumes ?? []), tokenVolume(volumeName)];
}

/** TokenVolumeSource, with the defaults the API server stores (defaultMode 420, fieldRef v1). */
export function tokenVolume(name: string): Volume {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
    },
  };
}
