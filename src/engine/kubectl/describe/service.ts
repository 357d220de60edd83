// describe service: mirrors ServiceDescriber / describeService in
// staging/src/k8s.io/kubectl/pkg/describe/describe.go (v1.32: endpoints from EndpointSlices,
// formatEndpointSlices: ready addresses with the port, the first 3 then ` + N more...`).
import type { Event } from '../../api/core';
import type { EndpointSlice, Service, ServicePort } from '../../api/networking';
import { fromSet, selectorString } from '../../api/labels';
import type { PrintContext } from '../printers/columns';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './helpers';
import { LEVEL_0, PrefixWriter } from './writer';

export function formatEndpointSlices(slices: EndpointSlice[], sp: ServicePort): string {
  const name = sp.name ?? '';
  const list: string[] = [];
  let count = 0;
  for (const s of slices) {
    const port = (s.ports ?? []).find((p) => (p.name ?? '') === name && (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP'));
    for (const e of s.endpoints ?? []) {
      if (e.conditions?.ready === false) continue;
      for (const a of e.addresses) {
        count++;
        if (list.length < 3) list.push(port?.port !== undefined ? `${a}:${port.port}` : a);
      }
    }
  }
  if (!list.length) return '<none>';
  return count > 3 ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

export function describeService(svc: Service, slices: EndpointSlice[], events: Event[], p: PrintContext): string {
  const w = new PrefixWriter();
  const spec = svc.spec;
  w.write(LEVEL_0, `Name:\t${svc.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', svc.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${spec.selector && Object.keys(spec.selector).length ? selectorString(fromSet(spec.selector)) : '<none>'}\n`);
  w.write(LEVEL_0, `Type:\t${spec.type ?? 'ClusterIP'}\n`);
  if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  if (spec.ipFamilies?.length) w.write(LEVEL_0, `IP Families:\t${spec.ipFamilies.join(',')}\n`);
  if (spec.type !== 'ExternalName') {
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
    if (spec.clusterIPs?.length) w.write(LEVEL_0, `IPs:\t${spec.clusterIPs.join(',')}\n`);
  }
  if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalIPs?.length) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length) w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingress.map((i) => `${i.ip ?? i.hostname}${i.ipMode ? ` (${i.ipMode})` : ''}`).join(', ')}\n`);
  if (spec.type === 'ExternalName') w.write(LEVEL_0, `External Name:\t${spec.externalName ?? ''}\n`);
  for (const sp of spec.ports ?? []) {
    const name = sp.name || '<unset>';
    const proto = sp.protocol ?? 'TCP';
    w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${proto}\n`);
    const tp = sp.targetPort ?? sp.port;
    w.write(LEVEL_0, `TargetPort:\t${typeof tp === 'number' ? `${tp}/${proto}` : tp}\n`);
    if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${proto}\n`);
    w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, sp)}\n`);
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? 'None'}\n`);
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy ?? 'Cluster'}\n`);
  if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  describeEvents(w, events, p);
  return w.toString();
}
