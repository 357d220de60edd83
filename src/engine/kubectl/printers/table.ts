// The human-readable printer of `kubectl get` (k8s.io/cli-runtime/pkg/printers/tableprinter.go
// and kubectl/pkg/cmd/get/humanreadable_flags.go): headers, NAMESPACE with -A, kind prefix when
// several types are shown, LABELS with --show-labels.
import type { KubeObject } from '../../api/meta';
import type { ResourceInfo } from '../../api/resources';
import { kindString } from '../builder';
import { columnsFor, type PrintContext } from './columns';

export interface TableOptions {
  wide: boolean;
  withNamespace: boolean;
  withKind: boolean;
  showLabels: boolean;
  noHeaders: boolean;
  /** -L/--label-columns: one column per label key, after the kind's own columns. */
  labelColumns?: string[];
}

export function labelsText(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${labels![k]}`).join(',') : '<none>';
}

/** Rows (header first unless noHeaders) for objects of one resource type. */
export function tableRows(info: ResourceInfo, objs: KubeObject[], p: PrintContext, o: TableOptions): string[][] {
  const cols = columnsFor(info.group, info.resource, o.wide);
  const rows: string[][] = [];
  const withNs = o.withNamespace && info.namespaced;
  if (!o.noHeaders) {
    const h = cols.map((c) => c.name);
    if (withNs) h.unshift('NAMESPACE');
    for (const k of o.labelColumns ?? []) h.push((k.split('/').pop() ?? k).toUpperCase());
    if (o.showLabels) h.push('LABELS');
    rows.push(h);
  }
  for (const obj of objs) {
    const r = cols.map((c) => {
      const v = c.cell(obj, p);
      return c.name === 'NAME' && o.withKind ? `${kindString(info)}/${v}` : v;
    });
    if (withNs) r.unshift(obj.metadata.namespace ?? '');
    for (const k of o.labelColumns ?? []) r.push(obj.metadata.labels?.[k] ?? '');
    if (o.showLabels) r.push(labelsText(obj.metadata.labels));
    rows.push(r);
  }
  return rows;
}
