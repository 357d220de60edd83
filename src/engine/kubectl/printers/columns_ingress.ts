// `kubectl get` columns for Ingresses, IngressClasses and NetworkPolicies: mirrors printIngress
// (formatHosts, ingressLoadBalancerStatusStringer, formatPorts), printIngressClass and
// printNetworkPolicy in pkg/printers/internalversion/printers.go.
import type { KubeObject } from '../../api/meta';
import type { Ingress, IngressClass, IngressRule, NetworkPolicy } from '../../api/networking';
import { labelSelectorString } from '../../api/labels';
import type { Column, PrintContext } from './columns';
import { age } from './columns';

const NAME: Column = { name: 'NAME', cell: (o) => o.metadata.name ?? '' };
const AGE: Column = { name: 'AGE', cell: (o: KubeObject, p: PrintContext) => age(o.metadata.creationTimestamp, p) };

/**
 * formatHosts: the first 3 rule hosts, then ` + N more...` (N counts every further rule); `*`
 * when no rule names a host. Worked example: rules a, b, c, d, e → `a,b,c + 2 more...`.
 */
export function formatHosts(rules: IngressRule[] | undefined): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  for (const r of rules ?? []) {
    if (list.length === max) more = true;
    if (!more && r.host) list.push(r.host);
  }
  if (!list.length) return '*';
  return more ? `${list.join(',')} + ${(rules ?? []).length - max} more...` : list.join(',');
}

/** ingressLoadBalancerStatusStringer: IPs/hostnames joined by `,`, cut to 13 + `...` past 16 characters. */
export function ingressAddress(ing: Ingress, wide: boolean): string {
  const r = (ing.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean).join(',');
  return !wide && r.length > 16 ? `${r.slice(0, 13)}...` : r;
}

const ing = (o: KubeObject) => o as Ingress;

export const INGRESS_COLUMNS: Column[] = [
  NAME,
  { name: 'CLASS', cell: (o) => ing(o).spec?.ingressClassName ?? '<none>' },
  { name: 'HOSTS', cell: (o) => formatHosts(ing(o).spec?.rules) },
  { name: 'ADDRESS', cell: (o) => ingressAddress(ing(o), false) },
  { name: 'PORTS', cell: (o) => (ing(o).spec?.tls?.length ? '80, 443' : '80') },
  AGE,
];

export function ingressClassParameters(ic: IngressClass): string {
  const p = ic.spec?.parameters;
  if (!p) return '<none>';
  return `${p.kind}${p.apiGroup ? `.${p.apiGroup}` : ''}/${p.name}`;
}

export const INGRESSCLASS_COLUMNS: Column[] = [
  NAME,
  { name: 'CONTROLLER', cell: (o) => (o as IngressClass).spec?.controller ?? '' },
  { name: 'PARAMETERS', cell: (o) => ingressClassParameters(o as IngressClass) },
  AGE,
];

export const NETWORKPOLICY_COLUMNS: Column[] = [
  NAME,
  { name: 'POD-SELECTOR', cell: (o) => labelSelectorString((o as NetworkPolicy).spec?.podSelector) || '<none>' },
  AGE,
];
