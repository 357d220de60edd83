// `kubectl get` columns for configmaps, secrets, resourcequotas and limitranges: mirrors
// printConfigMap, printSecret, printResourceQuota and printLimitRange in
// pkg/printers/internalversion/printers.go.
import type { ConfigMap, LimitRange, ResourceQuota, Secret } from '../../api/config';
import type { KubeObject } from '../../api/meta';
import { formatQuantity } from '../../apiserver/validation/quantity';
import { qty } from '../../quota/resources';
import { age, type Column } from './columns';

const NAME: Column = { name: 'NAME', cell: (o) => o.metadata.name ?? '' };
const AGE: Column = { name: 'AGE', cell: (o, p) => age(o.metadata.creationTimestamp, p) };

export const CONFIGMAP_COLUMNS: Column[] = [
  NAME,
  { name: 'DATA', cell: (o) => String(Object.keys((o as ConfigMap).data ?? {}).length + Object.keys((o as ConfigMap).binaryData ?? {}).length) },
  AGE,
];

export const SECRET_COLUMNS: Column[] = [
  NAME,
  { name: 'TYPE', cell: (o) => (o as Secret).type ?? '' },
  { name: 'DATA', cell: (o) => String(Object.keys((o as Secret).data ?? {}).length) },
  AGE,
];

/**
 * REQUEST / LIMIT cells: `<resource>: <used>/<hard>` for each status.hard resource, sorted,
 * joined with ", "; `limits.*` go to LIMIT, the rest to REQUEST. A quota with pods: 2 and two
 * pods running: REQUEST `pods: 2/2`, LIMIT empty.
 */
export function quotaCells(q: ResourceQuota): { request: string; limit: string } {
  const request: string[] = [];
  const limit: string[] = [];
  const hard = q.status?.hard ?? {};
  for (const r of Object.keys(hard).sort()) {
    const cell = `${r}: ${formatQuantity(qty(q.status?.used?.[r] ?? 0))}/${formatQuantity(qty(hard[r]))}`;
    const pieces = r.split('.');
    (pieces.length > 1 && pieces[0] === 'limits' ? limit : request).push(cell);
  }
  return { request: request.join(', '), limit: limit.join(', ') };
}

export const RESOURCEQUOTA_COLUMNS: Column[] = [
  NAME,
  AGE,
  { name: 'REQUEST', cell: (o) => quotaCells(o as ResourceQuota).request },
  { name: 'LIMIT', cell: (o) => quotaCells(o as ResourceQuota).limit },
];

/** printLimitRange: NAME and CREATED AT (RFC 3339, UTC). */
export const LIMITRANGE_COLUMNS: Column[] = [
  NAME,
  { name: 'CREATED AT', cell: (o: KubeObject) => (o as LimitRange).metadata.creationTimestamp ?? '' },
];
