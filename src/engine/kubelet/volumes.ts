// Volumes the kubelet sets up from API objects: mirrors pkg/volume/configmap, pkg/volume/secret,
// pkg/volume/downwardapi and pkg/volume/projected (SetUpAt: one file per key, or per `items`
// entry at its `path`), and the volume manager's wait before the sandbox starts
// (WaitForAttachAndMount). A ConfigMap or Secret that does not exist (and is not `optional`)
// keeps the pod in ContainerCreating with a FailedMount event:
//   MountVolume.SetUp failed for volume "config" : configmap "special-config" not found
// Files are computed when a container starts, so `cat /etc/config/special.how` prints the value
// the ConfigMap held at that moment (a real kubelet also refreshes them about a minute after an
// edit; here a restarted container sees the new value).
import type { Container, Pod, Volume } from '../api/core';
import { decodeBase64 } from '../api/base64';
import { configMapNotFound, podFieldValue, resourceFieldValue, secretNotFound, type EnvLookups, type PodRuntimeInfo } from './envvars';

interface KeyToPath {
  key: string;
  path: string;
}

interface ObjectSource {
  name?: string;
  secretName?: string;
  items?: KeyToPath[];
  optional?: boolean;
}

interface DownwardItem {
  path: string;
  fieldRef?: { fieldPath: string };
  resourceFieldRef?: { containerName?: string; resource: string; divisor?: string | number };
}

/** Relative path -> content for one volume, or the SetUp error. */
export type VolumeContent = { files: Record<string, string> } | { error: string };

function keysToFiles(data: Record<string, string>, items: KeyToPath[] | undefined, kind: 'configmap' | 'secret', optional: boolean): VolumeContent {
  const files: Record<string, string> = {};
  if (!items?.length) {
    for (const k of Object.keys(data).sort()) files[k] = data[k];
    return { files };
  }
  for (const it of items) {
    if (!(it.key in data)) {
      if (optional) continue;
      return { error: `${kind} references non-existent ${kind === 'configmap' ? 'config' : 'secret'} key: ${it.key}` };
    }
    files[it.path] = data[it.key];
  }
  return { files };
}

function configMapFiles(src: ObjectSource, ns: string, lookups: EnvLookups): VolumeContent {
  const cm = lookups.configMap(ns, src.name ?? '');
  if (!cm) return src.optional ? { files: {} } : { error: configMapNotFound(src.name ?? '') };
  const data: Record<string, string> = { ...(cm.data ?? {}) };
  for (const [k, v] of Object.entries(cm.binaryData ?? {})) data[k] = decodeBase64(v) ?? '';
  return keysToFiles(data, src.items, 'configmap', !!src.optional);
}

function secretFiles(name: string, src: ObjectSource, ns: string, lookups: EnvLookups): VolumeContent {
  const s = lookups.secret(ns, name);
  if (!s) return src.optional ? { files: {} } : { error: secretNotFound(name) };
  const data: Record<string, string> = {};
  for (const [k, v] of Object.entries(s.data ?? {})) data[k] = decodeBase64(v) ?? '';
  return keysToFiles(data, src.items, 'secret', !!src.optional);
}

function downwardFiles(items: DownwardItem[] | undefined, pod: Pod, rt: PodRuntimeInfo): VolumeContent {
  const files: Record<string, string> = {};
  for (const it of items ?? []) {
    let v: string | { error: string } = '';
    if (it.fieldRef) v = podFieldValue(pod, it.fieldRef.fieldPath, rt);
    else if (it.resourceFieldRef) {
      const c = pod.spec.containers.find((x) => x.name === it.resourceFieldRef!.containerName) ?? pod.spec.containers[0];
      v = resourceFieldValue(c, it.resourceFieldRef.resource, it.resourceFieldRef.divisor, rt);
    }
    if (typeof v === 'object') return { error: v.error };
    files[it.path] = v;
  }
  return { files };
}

/** A bound service account token (a JWT; never verified inside the simulator). */
function tokenFor(pod: Pod): string {
  const b64url = btoaUrl;
  const header = b64url('{"alg":"RS256","kid":"kube-playground"}');
  const claims = b64url(JSON.stringify({ aud: ['https://kubernetes.default.svc.cluster.local'], iss: 'https://kubernetes.default.svc.cluster.local', sub: `system:serviceaccount:${pod.metadata.namespace}:${pod.spec.serviceAccountName ?? 'default'}` }));
  return `${header}.${claims}.c2ltdWxhdGVk`;
}

function btoaUrl(s: string): string {
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const bytes = new TextEncoder().encode(s);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    if (i + 1 < bytes.length) out += ALPHABET[(n >> 6) & 63];
    if (i + 2 < bytes.length) out += ALPHABET[n & 63];
  }
  return out;
}

/** The files of one volume (configMap, secret, downwardAPI, projected); undefined for other kinds. */
export function volumeContent(v: Volume, pod: Pod, lookups: EnvLookups, rt: PodRuntimeInfo): VolumeContent | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  if (v.configMap) return configMapFiles(v.configMap as ObjectSource, ns, lookups);
  if (v.secret) {
    const src = v.secret as ObjectSource;
    return secretFiles(src.secretName ?? '', src, ns, lookups);
  }
  if (v.downwardAPI) return downwardFiles((v.downwardAPI as { items?: DownwardItem[] }).items, pod, rt);
  if (v.projected) {
    const files: Record<string, string> = {};
    for (const s of (v.projected as { sources?: Record<string, unknown>[] }).sources ?? []) {
      let c: VolumeContent = { files: {} };
      if (s.configMap) c = configMapFiles(s.configMap as ObjectSource, ns, lookups);
      else if (s.secret) c = secretFiles((s.secret as ObjectSource).name ?? '', s.secret as ObjectSource, ns, lookups);
      else if (s.downwardAPI) c = downwardFiles((s.downwardAPI as { items?: DownwardItem[] }).items, pod, rt);
      else if (s.serviceAccountToken) c = { files: { [(s.serviceAccountToken as { path: string }).path]: tokenFor(pod) } };
      if ('error' in c) return c;
      Object.assign(files, c.files);
    }
    return { files };
  }
  return undefined;
}

/** WaitForAttachAndMount: the first volume that cannot be set up, as the FailedMount message. */
export function mountError(pod: Pod, lookups: EnvLookups, rt: PodRuntimeInfo): string | undefined {
  for (const v of pod.spec.volumes ?? []) {
    const c = volumeContent(v, pod, lookups, rt);
    if (c && 'error' in c) return `MountVolume.SetUp failed for volume "${v.name}" : ${c.error}`;
  }
  return undefined;
}

/**
 * The files a container sees through its volumeMounts: /etc/config/special.how for a mount at
 * /etc/config of a ConfigMap with key special.how; a subPath mount is the one file itself.
 */
export function containerVolumeFiles(pod: Pod, container: Container, lookups: EnvLookups, rt: PodRuntimeInfo): Record<string, string> {
  const out: Record<string, string> = {};
  const byName = new Map((pod.spec.volumes ?? []).map((v) => [v.name, v]));
  for (const m of container.volumeMounts ?? []) {
    const v = byName.get(m.name);
    if (!v) continue;
    const c = volumeContent(v, pod, lookups, rt);
    if (!c || 'error' in c) continue;
    const dir = m.mountPath.replace(/\/+$/, '');
    if (m.subPath) {
      if (m.subPath in c.files) out[dir] = c.files[m.subPath];
      continue;
    }
    for (const [p, content] of Object.entries(c.files)) out[`${dir}/${p}`] = content;
  }
  return out;
}
