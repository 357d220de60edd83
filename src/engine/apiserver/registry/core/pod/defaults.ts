// Defaulting of pods and pod templates: mirrors pkg/apis/core/v1/defaults.go (SetDefaults_Pod,
// SetDefaults_PodSpec, SetDefaults_Container, SetDefaults_ContainerPort, SetDefaults_Probe,
// SetDefaults_HTTPGetAction, SetDefaults_Volume and the volume-source defaults). Pod templates in
// Deployments, ReplicaSets and RCs get SetDefaults_PodSpec and below, but not SetDefaults_Pod.
import type { Container, Pod, PodSpec, Probe, Volume } from '../../../../api/core';

/** SetDefaults_Pod: only for Pod objects (not templates). */
export function setDefaultsPod(pod: Pod): void {
  const spec = pod.spec;
  // A container that states only limits asks for exactly that much: requests default to limits.
  // (limits cpu 500m, no requests -> requests cpu 500m; this is what makes such a pod Guaranteed.)
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    const limits = c.resources?.limits;
    if (!limits) continue;
    for (const [name, q] of Object.entries(limits)) {
      if (q === undefined) continue;
      c.resources!.requests ??= {};
      if (c.resources!.requests[name] === undefined) c.resources!.requests[name] = q;
    }
  }
  if (spec.enableServiceLinks === undefined) spec.enableServiceLinks = true;
  if (spec.hostNetwork) {
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
      for (const p of c.ports ?? []) if (!p.hostPort) p.hostPort = p.containerPort;
    }
  }
  setDefaultsPodSpec(spec);
}

/** SetDefaults_PodSpec and the defaulting of everything inside it. */
export function setDefaultsPodSpec(spec: PodSpec): void {
  if (!spec || typeof spec !== 'object') return;
  spec.dnsPolicy ||= 'ClusterFirst';
  spec.restartPolicy ||= 'Always';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ||= 'default-scheduler';
  for (const c of spec.containers ?? []) setDefaultsContainer(c);
  for (const c of spec.initContainers ?? []) setDefaultsContainer(c);
  for (const v of spec.volumes ?? []) setDefaultsVolume(v);
}

export function setDefaultsContainer(c: Container): void {
  if (!c || typeof c !== 'object') return;
  if (!c.imagePullPolicy) c.imagePullPolicy = imageTag(c.image ?? '') === 'latest' ? 'Always' : 'IfNotPresent';
  c.terminationMessagePath ||= '/dev/termination-log';
  c.terminationMessagePolicy ||= 'File';
  // The Go struct's ResourceRequirements is not a pointer, so a stored container always shows `resources: {}`.
  c.resources ??= {};
  for (const p of c.ports ?? []) p.protocol ||= 'TCP';
  for (const e of c.env ?? []) setDefaultsFieldRef(e.valueFrom?.fieldRef);
  for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) if (probe) setDefaultsProbe(probe);
}

function setDefaultsProbe(p: Probe): void {
  p.timeoutSeconds ||= 1;
  p.periodSeconds ||= 10;
  p.successThreshold ||= 1;
  p.failureThreshold ||= 3;
  if (p.httpGet) {
    p.httpGet.path ||= '/';
    p.httpGet.scheme ||= 'HTTP';
  }
}

function setDefaultsFieldRef(ref: unknown): void {
  if (ref && typeof ref === 'object') (ref as { apiVersion?: string }).apiVersion ||= 'v1';
}

const VOLUME_DEFAULT_MODE = 420; // 0644

/** SetDefaults_Volume: no source means emptyDir; file-projecting sources get mode 0644. */
function setDefaultsVolume(v: Volume): void {
  const SOURCES = ['hostPath', 'emptyDir', 'secret', 'configMap', 'persistentVolumeClaim', 'downwardAPI', 'projected', 'nfs', 'csi', 'ephemeral', 'image', 'gitRepo', 'iscsi', 'rbd', 'cephfs', 'fc', 'azureFile', 'azureDisk', 'cinder', 'gcePersistentDisk', 'awsElasticBlockStore', 'glusterfs', 'flexVolume', 'flocker', 'vsphereVolume', 'quobyte', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'storageos'];
  if (!SOURCES.some((s) => v[s] !== undefined && v[s] !== null)) v.emptyDir = {};
  for (const s of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    const src = v[s] as { defaultMode?: number; items?: { fieldRef?: unknown }[]; sources?: { downwardAPI?: { items?: { fieldRef?: unknown }[] } }[] } | undefined;
    if (!src || typeof src !== 'object') continue;
    src.defaultMode ??= VOLUME_DEFAULT_MODE;
    for (const it of src.items ?? []) setDefaultsFieldRef(it.fieldRef);
    for (const ps of src.sources ?? []) for (const it of ps.downwardAPI?.items ?? []) setDefaultsFieldRef(it.fieldRef);
  }
  if (v.hostPath && typeof v.hostPath === 'object') (v.hostPath as { type?: string }).type ??= '';
}

/**
 * The tag parsers.ParseImageName finds: "latest" when the reference has neither tag nor digest,
 * "" for a digest-only or unparseable reference. `nginx` -> latest, `nginx:1.27` -> 1.27,
 * `localhost:5000/app` -> latest (that colon belongs to the registry), `nginx@sha256:…` -> "".
 */
export function imageTag(image: string): string {
  if (!image || /[A-Z\s]/.test(image.split('@')[0].split('/').slice(-1)[0].split(':')[0])) return '';
  const [name, digest] = image.split('@');
  const lastSlash = name.lastIndexOf('/');
  const colon = name.indexOf(':', lastSlash + 1);
  if (colon >= 0) return name.slice(colon + 1);
  return digest ? '' : 'latest';
}
