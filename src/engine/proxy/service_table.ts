// Building the table kube-proxy programs: mirrors pkg/proxy/servicechangetracker.go
// (newBaseServiceInfo) and endpointschangetracker.go / endpointslicecache.go
// (EndpointSliceCache.getEndpointsMap: endpoints merged from all slices of a Service, per port
// name). Pure: Services and EndpointSlices in, entries out.
import type { EndpointSlice, Service } from '../api/networking';
import { LABEL_SERVICE_NAME } from '../api/networking';
import type { ProxyEndpoint, ServicePortEntry } from './types';

/** Entries for every Service port with a virtual IP (headless and ExternalName have none). */
export function buildServiceTable(services: Service[], slices: EndpointSlice[]): Record<string, ServicePortEntry> {
  const bySvc = new Map<string, EndpointSlice[]>();
  for (const s of slices) {
    const svc = s.metadata.labels?.[LABEL_SERVICE_NAME];
    if (!svc) continue;
    const k = `${s.metadata.namespace}/${svc}`;
    const list = bySvc.get(k) ?? [];
    list.push(s);
    bySvc.set(k, list);
  }
  const table: Record<string, ServicePortEntry> = {};
  const sorted = [...services].sort((a, b) => `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`));
  for (const svc of sorted) {
    const spec = svc.spec;
    if (spec.type === 'ExternalName' || !spec.clusterIP || spec.clusterIP === 'None') continue;
    const skey = `${svc.metadata.namespace}/${svc.metadata.name}`;
    const svcSlices = (bySvc.get(skey) ?? []).sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
    for (const sp of spec.ports ?? []) {
      const portName = sp.name ?? '';
      const protocol = sp.protocol ?? 'TCP';
      const endpoints: ProxyEndpoint[] = [];
      const seen = new Set<string>();
      for (const sl of svcSlices) {
        const p = (sl.ports ?? []).find((x) => (x.name ?? '') === portName && (x.protocol ?? 'TCP') === protocol);
        if (!p || p.port === undefined) continue;
        for (const e of sl.endpoints ?? []) {
          const ip = e.addresses[0];
          const id = `${ip}:${p.port}`;
          if (!ip || seen.has(id)) continue;
          seen.add(id);
          // A nil `ready` means ready (the API's compatibility rule); serving defaults to ready.
          const ready = e.conditions?.ready ?? true;
          endpoints.push({
            ip,
            port: p.port,
            ...(e.nodeName ? { nodeName: e.nodeName } : {}),
            ready,
            serving: e.conditions?.serving ?? ready,
            terminating: e.conditions?.terminating ?? false,
            ...(e.targetRef?.name ? { pod: `${e.targetRef.namespace ?? svc.metadata.namespace}/${e.targetRef.name}` } : {}),
          });
        }
      }
      const key = `${skey}:${portName}`;
      table[key] = {
        key,
        service: skey,
        portName,
        protocol,
        clusterIP: spec.clusterIP,
        port: sp.port,
        ...(sp.nodePort ? { nodePort: sp.nodePort } : {}),
        loadBalancerIPs: (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip ?? '').filter(Boolean),
        externalIPs: spec.externalIPs ?? [],
        externalTrafficPolicy: spec.externalTrafficPolicy ?? 'Cluster',
        internalTrafficPolicy: spec.internalTrafficPolicy ?? 'Cluster',
        ...(spec.sessionAffinity === 'ClientIP' ? { affinitySeconds: spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800 } : {}),
        endpoints,
      };
    }
  }
  return table;
}
