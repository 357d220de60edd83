// The API's resource catalogue: what `kubectl api-resources` lists. Mirrors the discovery
// documents a real API server serves (group, version, plural resource, kind, short names).

export interface ResourceInfo {
  group: string; // '' for the core group
  version: string;
  resource: string; // plural, lower case: 'deployments'
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  /** Verbs the API server accepts for this resource (kubectl api-resources -o wide). */
  verbs: string[];
  /** Other versions the server accepts for this kind and converts to `version` (autoscaling/v1 → v2). */
  otherVersions?: string[];
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export const RESOURCES: ResourceInfo[] = [
  { group: '', version: 'v1', resource: 'pods', singular: 'pod', kind: 'Pod', namespaced: true, shortNames: ['po'], verbs: ALL_VERBS },
  { group: '', version: 'v1', resource: 'nodes', singular: 'node', kind: 'Node', namespaced: false, shortNames: ['no'], verbs: ALL_VERBS },
  { group: '', version: 'v1', resource: 'namespaces', singular: 'namespace', kind: 'Namespace', namespaced: false, shortNames: ['ns'], verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'] },
  { group: '', version: 'v1', resource: 'events', singular: 'event', kind: 'Event', namespaced: true, shortNames: ['ev'], verbs: ALL_VERBS },
  { group: '', version: 'v1', resource: 'replicationcontrollers', singular: 'replicationcontroller', kind: 'ReplicationController', namespaced: true, shortNames: ['rc'], verbs: ALL_VERBS },
  { group: 'apps', version: 'v1', resource: 'deployments', singular: 'deployment', kind: 'Deployment', namespaced: true, shortNames: ['deploy'], verbs: ALL_VERBS },
  { group: 'apps', version: 'v1', resource: 'replicasets', singular: 'replicaset', kind: 'ReplicaSet', namespaced: true, shortNames: ['rs'], verbs: ALL_VERBS },
  { group: '', version: 'v1', resource: 'services', singular: 'service', kind: 'Service', namespaced: true, shortNames: ['svc'], verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] },
  { group: '', version: 'v1', resource: 'endpoints', singular: 'endpoints', kind: 'Endpoints', namespaced: true, shortNames: ['ep'], verbs: ALL_VERBS },
  { group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', singular: 'endpointslice', kind: 'EndpointSlice', namespaced: true, shortNames: [], verbs: ALL_VERBS },
  { group: '', version: 'v1', resource: 'configmaps', singular: 'configmap', kind: 'ConfigMap', namespaced: true, shortNames: ['cm'], verbs: ALL_VERBS },
  { group: '', version: 'v1', resource: 'secrets', singular: 'secret', kind: 'Secret', namespaced: true, shortNames: [], verbs: ALL_VERBS },
  { group: '', version: 'v1', resource: 'resourcequotas', singular: 'resourcequota', kind: 'ResourceQuota', namespaced: true, shortNames: ['quota'], verbs: ALL_VERBS },
  { group: '', version: 'v1', resource: 'limitranges', singular: 'limitrange', kind: 'LimitRange', namespaced: true, shortNames: ['limits'], verbs: ALL_VERBS },
  { group: 'batch', version: 'v1', resource: 'jobs', singular: 'job', kind: 'Job', namespaced: true, shortNames: [], verbs: ALL_VERBS },
  { group: 'batch', version: 'v1', resource: 'cronjobs', singular: 'cronjob', kind: 'CronJob', namespaced: true, shortNames: ['cj'], verbs: ALL_VERBS },
  { group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers', singular: 'horizontalpodautoscaler', kind: 'HorizontalPodAutoscaler', namespaced: true, shortNames: ['hpa'], verbs: ALL_VERBS, otherVersions: ['v1'] },
  { group: 'apps', version: 'v1', resource: 'daemonsets', singular: 'daemonset', kind: 'DaemonSet', namespaced: true, shortNames: ['ds'], verbs: ALL_VERBS },
  { group: 'apps', version: 'v1', resource: 'statefulsets', singular: 'statefulset', kind: 'StatefulSet', namespaced: true, shortNames: ['sts'], verbs: ALL_VERBS },
  { group: 'apps', version: 'v1', resource: 'controllerrevisions', singular: 'controllerrevision', kind: 'ControllerRevision', namespaced: true, shortNames: [], verbs: ALL_VERBS },
  { group: '', version: 'v1', resource: 'persistentvolumeclaims', singular: 'persistentvolumeclaim', kind: 'PersistentVolumeClaim', namespaced: true, shortNames: ['pvc'], verbs: ALL_VERBS },
  { group: '', version: 'v1', resource: 'persistentvolumes', singular: 'persistentvolume', kind: 'PersistentVolume', namespaced: false, shortNames: ['pv'], verbs: ALL_VERBS },
  { group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses', singular: 'storageclass', kind: 'StorageClass', namespaced: false, shortNames: ['sc'], verbs: ALL_VERBS },
  { group: 'policy', version: 'v1', resource: 'poddisruptionbudgets', singular: 'poddisruptionbudget', kind: 'PodDisruptionBudget', namespaced: true, shortNames: ['pdb'], verbs: ALL_VERBS },
  { group: 'networking.k8s.io', version: 'v1', resource: 'ingresses', singular: 'ingress', kind: 'Ingress', namespaced: true, shortNames: ['ing'], verbs: ALL_VERBS },
  { group: 'networking.k8s.io', version: 'v1', resource: 'ingressclasses', singular: 'ingressclass', kind: 'IngressClass', namespaced: false, shortNames: [], verbs: ALL_VERBS },
  { group: 'networking.k8s.io', version: 'v1', resource: 'networkpolicies', singular: 'networkpolicy', kind: 'NetworkPolicy', namespaced: true, shortNames: ['netpol'], verbs: ALL_VERBS },
];

export interface GroupVersionResource {
  group: string;
  version: string;
  resource: string;
}

export function gvrString(gvr: GroupVersionResource): string {
  return gvr.group ? `${gvr.resource}.${gvr.group}` : gvr.resource;
}

export function apiVersionOf(info: { group: string; version: string }): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

/** Registry used by the API server and kubectl. Later issues add kinds with `registerResource`. */
export class ResourceCatalogue {
  private byGR = new Map<string, ResourceInfo>();
  private byKind = new Map<string, ResourceInfo[]>();
  constructor(infos: ResourceInfo[] = RESOURCES) {
    for (const i of infos) this.add(i);
  }
  add(info: ResourceInfo): void {
    this.byGR.set(`${info.group}/${info.resource}`, info);
    const list = this.byKind.get(info.kind) ?? [];
    list.push(info);
    this.byKind.set(info.kind, list);
  }
  all(): ResourceInfo[] {
    return [...this.byGR.values()];
  }
  get(group: string, resource: string): ResourceInfo | undefined {
    return this.byGR.get(`${group}/${resource}`);
  }
  /** Resolve apiVersion + kind as a manifest names them. */
  forKind(apiVersion: string, kind: string): ResourceInfo | undefined {
    const { group, version } = splitApiVersion(apiVersion);
    return this.byKind.get(kind)?.find((i) => i.group === group && (i.version === version || !!i.otherVersions?.includes(version)));
  }
  kindsNamed(kind: string): ResourceInfo[] {
    return this.byKind.get(kind) ?? [];
  }
  /**
   * Resolve what a kubectl user typed as a resource type: plural, singular, short name, kind,
   * optionally qualified with a group (`deployments.apps`, `deploy.apps`).
   */
  resolve(typed: string): ResourceInfo | undefined {
    const lower = typed.toLowerCase();
    const dot = lower.indexOf('.');
    const name = dot < 0 ? lower : lower.slice(0, dot);
    const groupPart = dot < 0 ? undefined : lower.slice(dot + 1);
    for (const info of this.byGR.values()) {
      if (groupPart !== undefined && info.group !== groupPart && !`${info.version}.${info.group}`.startsWith(groupPart)) continue;
      if (info.resource === name || info.singular === name || info.kind.toLowerCase() === name || info.shortNames.includes(name)) return info;
    }
    return undefined;
  }
}
