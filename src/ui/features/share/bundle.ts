// "Export as YAML": every object a user made, as a bundle that `kubectl apply -f` accepts on a
// real cluster. What the cluster filled in is stripped (status, uid, resourceVersion,
// managedFields, creationTimestamp, generation, assigned IPs and node names…), and what a
// controller made (pods of a ReplicaSet, ReplicaSets of a Deployment, endpoints, events) is left
// out: the real cluster's controllers make their own.
import { stringify } from 'yaml';
import type { KubeObject } from '../../../engine';

const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);
/** Resources the cluster itself writes. */
const GENERATED_RESOURCES = new Set([
  '/events', 'events.k8s.io/events', '/nodes', '/endpoints', 'discovery.k8s.io/endpointslices', 'coordination.k8s.io/leases',
  'apps/controllerrevisions', '/serviceaccounts', '/persistentvolumes', 'storage.k8s.io/storageclasses', '/bindings',
]);
/** Order of apply: namespaces first, then what workloads refer to, then workloads. */
const ORDER = ['Namespace', 'ConfigMap', 'Secret', 'PersistentVolumeClaim', 'Service', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'];
const DROP_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration', 'deployment.kubernetes.io/revision', 'pv.kubernetes.io/bind-completed', 'pv.kubernetes.io/bound-by-controller', 'volume.kubernetes.io/selected-node'];

export function isUserObject(resource: string, o: KubeObject): boolean {
  if (GENERATED_RESOURCES.has(resource)) return false;
  const m = o.metadata;
  if (m.namespace && SYSTEM_NAMESPACES.has(m.namespace)) return false;
  if (resource === '/namespaces' && (SYSTEM_NAMESPACES.has(m.name ?? '') || m.name === 'default')) return false;
  if (m.ownerReferences?.some((r) => r.controller)) return false;
  if (resource === '/services' && m.namespace === 'default' && m.name === 'kubernetes') return false;
  if (resource === '/configmaps' && m.name === 'kube-root-ca.crt') return false;
  return true;
}

/** A copy of the object with everything the cluster generated removed. */
export function stripGenerated(o: KubeObject): KubeObject {
  const copy = structuredClone(o) as KubeObject & { status?: unknown; spec?: Record<string, unknown> };
  delete copy.status;
  const m = copy.metadata as Record<string, unknown>;
  for (const k of ['uid', 'resourceVersion', 'managedFields', 'creationTimestamp', 'generation', 'selfLink', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'ownerReferences', 'finalizers']) delete m[k];
  const ann = m.annotations as Record<string, string> | undefined;
  if (ann) {
    for (const k of DROP_ANNOTATIONS) delete ann[k];
    if (Object.keys(ann).length === 0) delete m.annotations;
  }
  if (m.namespace === undefined) delete m.namespace;
  const spec = copy.spec;
  if (spec && o.kind === 'Service') {
    for (const k of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy', 'internalTrafficPolicy']) delete spec[k];
    const ports = spec.ports as { nodePort?: number }[] | undefined;
    if (spec.type !== 'NodePort' && spec.type !== 'LoadBalancer') ports?.forEach((p) => delete p.nodePort);
  }
  if (spec && o.kind === 'Pod') delete spec.nodeName;
  if (spec && o.kind === 'PersistentVolumeClaim') delete spec.volumeName;
  return copy;
}

/** Every user object as one multi-document YAML text, in apply order. */
export function exportBundle(objects: Readonly<Record<string, Readonly<Record<string, KubeObject>>>>): string {
  const picked: KubeObject[] = [];
  for (const [resource, map] of Object.entries(objects)) for (const o of Object.values(map)) if (isUserObject(resource, o)) picked.push(stripGenerated(o));
  const rank = (k: string) => {
    const i = ORDER.indexOf(k);
    return i < 0 ? ORDER.length : i;
  };
  picked.sort((a, b) => rank(a.kind) - rank(b.kind) || (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  const header = '# Exported from Kubernetes Playground. Apply to a real cluster with: kubectl apply -f <this file>\n';
  return header + picked.map((o) => stringify(o, { lineWidth: 0 })).join('---\n');
}
