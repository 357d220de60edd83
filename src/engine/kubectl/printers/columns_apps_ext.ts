// `kubectl get` columns for DaemonSets, StatefulSets and ControllerRevisions: mirrors
// printDaemonSet, printStatefulSet and printControllerRevision in
// kubernetes/pkg/printers/internalversion/printers.go.
import type { ControllerRevision, DaemonSet, StatefulSet } from '../../api/apps';
import type { Container } from '../../api/core';
import type { KubeObject } from '../../api/meta';
import { controllerOf } from '../../api/meta';
import { fromSet, labelSelectorString, selectorString } from '../../api/labels';
import type { Column } from './columns';
import { humanDuration } from '../duration';

const NAME: Column = { name: 'NAME', cell: (o) => o.metadata.name ?? '' };
// (Not imported from columns.ts, which imports this module.)
const AGE: Column = {
  name: 'AGE',
  cell: (o, p) => {
    const t = o.metadata.creationTimestamp ? p.parse(o.metadata.creationTimestamp) : NaN;
    return Number.isFinite(t) ? humanDuration(p.now - t) : '<unknown>';
  },
};
const names = (cs: Container[] | undefined) => (cs ?? []).map((c) => c.name).join(',');
const images = (cs: Container[] | undefined) => (cs ?? []).map((c) => c.image ?? '').join(',');

const ds = (o: KubeObject) => o as DaemonSet;
export const DAEMONSET_COLUMNS: Column[] = [
  NAME,
  { name: 'DESIRED', cell: (o) => String(ds(o).status?.desiredNumberScheduled ?? 0) },
  { name: 'CURRENT', cell: (o) => String(ds(o).status?.currentNumberScheduled ?? 0) },
  { name: 'READY', cell: (o) => String(ds(o).status?.numberReady ?? 0) },
  { name: 'UP-TO-DATE', cell: (o) => String(ds(o).status?.updatedNumberScheduled ?? 0) },
  { name: 'AVAILABLE', cell: (o) => String(ds(o).status?.numberAvailable ?? 0) },
  // labels.SelectorFromSet(nodeSelector).String(): keys sorted, "k=v,k2=v2".
  { name: 'NODE SELECTOR', cell: (o) => selectorString(fromSet(ds(o).spec?.template?.spec?.nodeSelector)) || '<none>' },
  AGE,
  { name: 'CONTAINERS', wide: true, cell: (o) => names(ds(o).spec?.template?.spec?.containers) },
  { name: 'IMAGES', wide: true, cell: (o) => images(ds(o).spec?.template?.spec?.containers) },
  { name: 'SELECTOR', wide: true, cell: (o) => labelSelectorString(ds(o).spec?.selector) || '<none>' },
];

const sts = (o: KubeObject) => o as StatefulSet;
export const STATEFULSET_COLUMNS: Column[] = [
  NAME,
  { name: 'READY', cell: (o) => `${sts(o).status?.readyReplicas ?? 0}/${sts(o).spec?.replicas ?? 0}` },
  AGE,
  { name: 'CONTAINERS', wide: true, cell: (o) => names(sts(o).spec?.template?.spec?.containers) },
  { name: 'IMAGES', wide: true, cell: (o) => images(sts(o).spec?.template?.spec?.containers) },
];

/** CONTROLLER: `<kind>.<group>/<name>` in lower case, e.g. daemonset.apps/kube-proxy. */
export function controllerRevisionController(o: KubeObject): string {
  const ref = controllerOf(o);
  if (!ref) return '<none>';
  const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : '';
  return `${ref.kind.toLowerCase()}${group ? `.${group}` : ''}/${ref.name}`;
}

export const CONTROLLERREVISION_COLUMNS: Column[] = [
  NAME,
  { name: 'CONTROLLER', cell: controllerRevisionController },
  { name: 'REVISION', cell: (o) => String((o as ControllerRevision).revision ?? 0) },
  AGE,
];
