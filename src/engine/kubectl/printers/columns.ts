// Table columns of `kubectl get` per resource: mirrors the column definitions and print<Kind>
// functions in kubernetes/pkg/printers/internalversion/printers.go (Priority 1 columns appear
// only with -o wide).
import type { Container, Event, Node, Namespace, Pod, ReplicationController } from '../../api/core';
import type { Deployment, ReplicaSet } from '../../api/apps';
import type { KubeObject } from '../../api/meta';
import { fromSet, labelSelectorString, selectorString } from '../../api/labels';
import { humanDuration } from '../duration';
import { summarizePod } from './pod';
import { ENDPOINTS_COLUMNS, ENDPOINTSLICE_COLUMNS, SERVICE_COLUMNS } from './columns_networking';
import { CRONJOB_COLUMNS, JOB_COLUMNS } from './columns_batch';
import { HPA_COLUMNS } from './columns_autoscaling';
import { CONTROLLERREVISION_COLUMNS, DAEMONSET_COLUMNS, STATEFULSET_COLUMNS } from './columns_apps_ext';
import { CONFIGMAP_COLUMNS, LIMITRANGE_COLUMNS, RESOURCEQUOTA_COLUMNS, SECRET_COLUMNS } from './columns_config';
import { PDB_COLUMNS, PV_COLUMNS, PVC_COLUMNS, STORAGECLASS_COLUMNS } from './columns_storage';
import { INGRESS_COLUMNS, INGRESSCLASS_COLUMNS, NETWORKPOLICY_COLUMNS } from './columns_ingress';

export interface PrintContext {
  now: number;
  parse(ts: string | undefined): number;
}

export interface Column {
  name: string;
  wide?: boolean;
  cell(obj: KubeObject, p: PrintContext): string;
}

export function age(ts: string | undefined, p: PrintContext): string {
  if (!ts) return '<unknown>';
  const t = p.parse(ts);
  if (!Number.isFinite(t)) return '<unknown>';
  return humanDuration(p.now - t);
}

const NAME: Column = { name: 'NAME', cell: (o) => o.metadata.name ?? '' };
const AGE: Column = { name: 'AGE', cell: (o, p) => age(o.metadata.creationTimestamp, p) };

function containersImages(containers: Container[] | undefined): [string, string] {
  const cs = containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image ?? '').join(',')];
}

const pod = (o: KubeObject) => o as Pod;

const POD_COLUMNS: Column[] = [
  NAME,
  { name: 'READY', cell: (o, p) => summarizePod(pod(o), p.now, (t) => p.parse(t)).ready },
  { name: 'STATUS', cell: (o, p) => summarizePod(pod(o), p.now, (t) => p.parse(t)).status },
  { name: 'RESTARTS', cell: (o, p) => summarizePod(pod(o), p.now, (t) => p.parse(t)).restarts },
  AGE,
  { name: 'IP', wide: true, cell: (o) => pod(o).status?.podIP || '<none>' },
  { name: 'NODE', wide: true, cell: (o) => pod(o).spec?.nodeName || '<none>' },
  { name: 'NOMINATED NODE', wide: true, cell: (o) => pod(o).status?.nominatedNodeName || '<none>' },
  {
    name: 'READINESS GATES',
    wide: true,
    cell: (o) => {
      const gates = pod(o).spec?.readinessGates ?? [];
      if (!gates.length) return '<none>';
      const conds = pod(o).status?.conditions ?? [];
      const ok = gates.filter((g) => conds.some((c) => c.type === g.conditionType && c.status === 'True')).length;
      return `${ok}/${gates.length}`;
    },
  },
];

const dep = (o: KubeObject) => o as Deployment;
const DEPLOYMENT_COLUMNS: Column[] = [
  NAME,
  { name: 'READY', cell: (o) => `${dep(o).status?.readyReplicas ?? 0}/${dep(o).spec?.replicas ?? 0}` },
  { name: 'UP-TO-DATE', cell: (o) => String(dep(o).status?.updatedReplicas ?? 0) },
  { name: 'AVAILABLE', cell: (o) => String(dep(o).status?.availableReplicas ?? 0) },
  AGE,
  { name: 'CONTAINERS', wide: true, cell: (o) => containersImages(dep(o).spec?.template?.spec?.containers)[0] },
  { name: 'IMAGES', wide: true, cell: (o) => containersImages(dep(o).spec?.template?.spec?.containers)[1] },
  { name: 'SELECTOR', wide: true, cell: (o) => labelSelectorString(dep(o).spec?.selector) || '<none>' },
];

const rs = (o: KubeObject) => o as ReplicaSet;
const REPLICASET_COLUMNS: Column[] = [
  NAME,
  { name: 'DESIRED', cell: (o) => String(rs(o).spec?.replicas ?? 0) },
  { name: 'CURRENT', cell: (o) => String(rs(o).status?.replicas ?? 0) },
  { name: 'READY', cell: (o) => String(rs(o).status?.readyReplicas ?? 0) },
  AGE,
  { name: 'CONTAINERS', wide: true, cell: (o) => containersImages(rs(o).spec?.template?.spec?.containers)[0] },
  { name: 'IMAGES', wide: true, cell: (o) => containersImages(rs(o).spec?.template?.spec?.containers)[1] },
  { name: 'SELECTOR', wide: true, cell: (o) => labelSelectorString(rs(o).spec?.selector) || '<none>' },
];

const rc = (o: KubeObject) => o as ReplicationController;
const RC_COLUMNS: Column[] = [
  NAME,
  { name: 'DESIRED', cell: (o) => String(rc(o).spec?.replicas ?? 0) },
  { name: 'CURRENT', cell: (o) => String(rc(o).status?.replicas ?? 0) },
  { name: 'READY', cell: (o) => String(rc(o).status?.readyReplicas ?? 0) },
  AGE,
  { name: 'CONTAINERS', wide: true, cell: (o) => containersImages(rc(o).spec?.template?.spec?.containers)[0] },
  { name: 'IMAGES', wide: true, cell: (o) => containersImages(rc(o).spec?.template?.spec?.containers)[1] },
  { name: 'SELECTOR', wide: true, cell: (o) => selectorString(fromSet(rc(o).spec?.selector)) || '<none>' },
];

const node = (o: KubeObject) => o as Node;

/** STATUS of a node: its Ready condition, plus SchedulingDisabled when cordoned. */
export function nodeStatus(n: Node): string {
  const ready = n.status?.conditions?.find((c) => c.type === 'Ready');
  const parts = [!ready ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady'];
  if (n.spec?.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

/** ROLES: every node-role.kubernetes.io/<role> label (and kubernetes.io/role), sorted. */
export function nodeRoles(n: Node): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(n.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const r = k.slice('node-role.kubernetes.io/'.length);
      if (r) roles.add(r);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return roles.size ? [...roles].sort().join(',') : '<none>';
}

function nodeAddress(n: Node, type: string): string {
  return n.status?.addresses?.find((a) => a.type === type)?.address || '<none>';
}

const NODE_COLUMNS: Column[] = [
  NAME,
  { name: 'STATUS', cell: (o) => nodeStatus(node(o)) },
  { name: 'ROLES', cell: (o) => nodeRoles(node(o)) },
  AGE,
  { name: 'VERSION', cell: (o) => node(o).status?.nodeInfo?.kubeletVersion ?? '' },
  { name: 'INTERNAL-IP', wide: true, cell: (o) => nodeAddress(node(o), 'InternalIP') },
  { name: 'EXTERNAL-IP', wide: true, cell: (o) => nodeAddress(node(o), 'ExternalIP') },
  { name: 'OS-IMAGE', wide: true, cell: (o) => node(o).status?.nodeInfo?.osImage || '<unknown>' },
  { name: 'KERNEL-VERSION', wide: true, cell: (o) => node(o).status?.nodeInfo?.kernelVersion || '<unknown>' },
  { name: 'CONTAINER-RUNTIME', wide: true, cell: (o) => node(o).status?.nodeInfo?.containerRuntimeVersion || '<unknown>' },
];

const NAMESPACE_COLUMNS: Column[] = [NAME, { name: 'STATUS', cell: (o) => (o as Namespace).status?.phase ?? '' }, AGE];

const ev = (o: KubeObject) => o as Event;

/** LAST SEEN: "5s", or "2m (x3 over 10m)" for a repeated event. */
export function eventLastSeen(e: Event, p: PrintContext): string {
  const first = e.firstTimestamp || e.eventTime || e.metadata.creationTimestamp;
  const last = e.lastTimestamp || e.eventTime || first;
  const lastText = age(last ?? undefined, p);
  if ((e.count ?? 1) > 1) return `${lastText} (x${e.count} over ${age(first ?? undefined, p)})`;
  return lastText;
}

const EVENT_COLUMNS: Column[] = [
  {
    name: 'LAST SEEN',
    cell: (o, p) => age(ev(o).lastTimestamp || ev(o).firstTimestamp || ev(o).eventTime || undefined, p),
  },
  { name: 'TYPE', cell: (o) => ev(o).type ?? '' },
  { name: 'REASON', cell: (o) => ev(o).reason ?? '' },
  {
    name: 'OBJECT',
    cell: (o) => {
      const ref = ev(o).involvedObject ?? {};
      const kind = (ref.kind ?? '').toLowerCase();
      return ref.name ? `${kind}/${ref.name}` : kind;
    },
  },
  { name: 'SUBOBJECT', wide: true, cell: (o) => ev(o).involvedObject?.fieldPath ?? '' },
  {
    name: 'SOURCE',
    wide: true,
    cell: (o) => {
      const s = ev(o).source ?? {};
      const c = s.component || ev(o).reportingComponent || '';
      return s.host ? `${c}, ${s.host}` : c;
    },
  },
  { name: 'MESSAGE', cell: (o) => (ev(o).message ?? '').trim() },
  { name: 'FIRST SEEN', wide: true, cell: (o, p) => age(ev(o).firstTimestamp || undefined, p) },
  { name: 'COUNT', wide: true, cell: (o) => String(ev(o).count ?? 1) },
  { name: 'NAME', wide: true, cell: (o) => o.metadata.name ?? '' },
];

const COLUMNS: Record<string, Column[]> = {
  '/pods': POD_COLUMNS,
  'apps/deployments': DEPLOYMENT_COLUMNS,
  'apps/replicasets': REPLICASET_COLUMNS,
  '/replicationcontrollers': RC_COLUMNS,
  '/nodes': NODE_COLUMNS,
  '/namespaces': NAMESPACE_COLUMNS,
  '/events': EVENT_COLUMNS,
  '/services': SERVICE_COLUMNS,
  '/endpoints': ENDPOINTS_COLUMNS,
  'discovery.k8s.io/endpointslices': ENDPOINTSLICE_COLUMNS,
  'batch/jobs': JOB_COLUMNS,
  'batch/cronjobs': CRONJOB_COLUMNS,
  'autoscaling/horizontalpodautoscalers': HPA_COLUMNS,
  'apps/daemonsets': DAEMONSET_COLUMNS,
  'apps/statefulsets': STATEFULSET_COLUMNS,
  'apps/controllerrevisions': CONTROLLERREVISION_COLUMNS,
  '/configmaps': CONFIGMAP_COLUMNS,
  '/secrets': SECRET_COLUMNS,
  '/resourcequotas': RESOURCEQUOTA_COLUMNS,
  '/limitranges': LIMITRANGE_COLUMNS,
  '/persistentvolumes': PV_COLUMNS,
  '/persistentvolumeclaims': PVC_COLUMNS,
  'storage.k8s.io/storageclasses': STORAGECLASS_COLUMNS,
  'policy/poddisruptionbudgets': PDB_COLUMNS,
  'networking.k8s.io/ingresses': INGRESS_COLUMNS,
  'networking.k8s.io/ingressclasses': INGRESSCLASS_COLUMNS,
  'networking.k8s.io/networkpolicies': NETWORKPOLICY_COLUMNS,
};

/** Columns for a resource; kinds without a printer get NAME AGE (the server's default table). */
export function columnsFor(group: string, resource: string, wide: boolean): Column[] {
  const cols = COLUMNS[`${group}/${resource}`] ?? [NAME, AGE];
  return cols.filter((c) => wide || !c.wide);
}
