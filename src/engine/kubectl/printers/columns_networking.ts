// `kubectl get` columns for Services, Endpoints and EndpointSlices: mirrors printService,
// printEndpoints (formatEndpoints) and printEndpointSlice (formatDiscoveryPorts,
// formatDiscoveryEndpoints) in pkg/printers/internalversion/printers.go.
import type { KubeObject } from '../../api/meta';
import type { Endpoints, EndpointSlice, Service } from '../../api/networking';
import { fromSet, selectorString } from '../../api/labels';
import type { Column, PrintContext } from './columns';
import { age } from './columns';

const NAME: Column = { name: 'NAME', cell: (o) => o.metadata.name ?? '' };
const AGE: Column = { name: 'AGE', cell: (o: KubeObject, p: PrintContext) => age(o.metadata.creationTimestamp, p) };

const svc = (o: KubeObject) => o as Service;

/** `80/TCP`, `80:30080/TCP`, joined by `,`; `<none>` without ports. */
export function makePortString(s: Service): string {
  const ports = s.spec?.ports ?? [];
  if (!ports.length) return '<none>';
  return ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
}

/** getServiceExternalIP: ExternalName → the name; LoadBalancer → ingress IPs or <pending>; else externalIPs or <none>. */
export function serviceExternalIP(s: Service, wide: boolean): string {
  const spec = s.spec ?? {};
  switch (spec.type) {
    case 'ExternalName':
      return spec.externalName ?? '';
    case 'LoadBalancer': {
      const ingress = (s.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean);
      const all = [...ingress, ...(spec.externalIPs ?? [])];
      if (!all.length) return '<pending>';
      return loadBalancerStatusString(all, wide);
    }
    default:
      return spec.externalIPs?.length ? spec.externalIPs.join(',') : '<none>';
  }
}

/** Without -o wide, more than 16 characters of addresses are cut to `...`. */
function loadBalancerStatusString(ips: string[], wide: boolean): string {
  const r = ips.join(',');
  if (!wide && r.length > 16) return `${r.slice(0, 13)}...`;
  return r;
}

export const SERVICE_COLUMNS: Column[] = [
  NAME,
  { name: 'TYPE', cell: (o) => svc(o).spec?.type ?? 'ClusterIP' },
  { name: 'CLUSTER-IP', cell: (o) => (svc(o).spec?.type === 'ExternalName' ? '<none>' : svc(o).spec?.clusterIP || '<none>') },
  { name: 'EXTERNAL-IP', cell: (o) => serviceExternalIP(svc(o), false) },
  { name: 'PORT(S)', cell: (o) => makePortString(svc(o)) },
  AGE,
  { name: 'SELECTOR', wide: true, cell: (o) => (svc(o).spec?.selector && Object.keys(svc(o).spec.selector!).length ? selectorString(fromSet(svc(o).spec.selector)) : '<none>') },
];

/**
 * formatEndpoints: `ip:port` for every address × port, the first 3 then ` + N more...`.
 * Worked example: 5 pods on port 80 → `10.244.1.3:80,10.244.2.3:80,10.244.3.3:80 + 2 more...`.
 */
export function formatEndpoints(e: Endpoints): string {
  const max = 3;
  const list: string[] = [];
  let count = 0;
  let more = false;
  for (const ss of e.subsets ?? []) {
    const ports = ss.ports?.length ? ss.ports : [undefined];
    for (const port of ports) {
      for (const a of ss.addresses ?? []) {
        if (list.length < max) list.push(port ? `${a.ip}:${port.port}` : a.ip);
        else more = true;
        count++;
      }
    }
  }
  let ret = list.join(',');
  if (more) ret += ` + ${count - max} more...`;
  return ret || '<none>';
}

export const ENDPOINTS_COLUMNS: Column[] = [NAME, { name: 'ENDPOINTS', cell: (o) => formatEndpoints(o as Endpoints) }, AGE];

const slice = (o: KubeObject) => o as EndpointSlice;

/** formatDiscoveryPorts: `80,443`, `<unset>` when a port has no number, or no ports at all. */
function formatDiscoveryPorts(s: EndpointSlice): string {
  const ports = s.ports ?? [];
  if (!ports.length) return '<unset>';
  const list = ports.map((p) => (p.port === undefined ? '<unset>' : String(p.port)));
  return list.length > 3 ? `${list.slice(0, 3).join(',')} + ${list.length - 3} more...` : list.join(',');
}

/** formatDiscoveryEndpoints: the first 3 addresses then ` + N more...`; `<unset>` when none. */
function formatDiscoveryEndpoints(s: EndpointSlice): string {
  const addrs = (s.endpoints ?? []).flatMap((e) => e.addresses);
  if (!addrs.length) return '<unset>';
  return addrs.length > 3 ? `${addrs.slice(0, 3).join(',')} + ${addrs.length - 3} more...` : addrs.join(',');
}

export const ENDPOINTSLICE_COLUMNS: Column[] = [
  NAME,
  { name: 'ADDRESSTYPE', cell: (o) => slice(o).addressType ?? '' },
  { name: 'PORTS', cell: (o) => formatDiscoveryPorts(slice(o)) },
  { name: 'ENDPOINTS', cell: (o) => formatDiscoveryEndpoints(slice(o)) },
  AGE,
];
