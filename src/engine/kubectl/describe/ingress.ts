// describe ingress / ingressclass / networkpolicy: mirrors IngressDescriber.describeIngressV1
// (describeBackendV1, describeIngressTLSV1), IngressClassDescriber and describeNetworkPolicy
// (printNetworkPolicySpecIngressFrom / EgressTo) in staging/src/k8s.io/kubectl/pkg/describe/describe.go.
import type { Event } from '../../api/core';
import type { EndpointSlice, Ingress, IngressBackend, IngressClass, NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, Service } from '../../api/networking';
import type { LabelSelector } from '../../api/meta';
import { labelSelectorString } from '../../api/labels';
import type { PrintContext } from '../printers/columns';
import { ingressAddress } from '../printers/columns_ingress';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './helpers';
import { formatEndpointSlices } from './service';
import { LEVEL_0, LEVEL_1, LEVEL_2, PrefixWriter } from './writer';

/** What describe needs to look up backends: the Services and EndpointSlices of the namespace. */
export interface BackendLookup {
  services: Service[];
  slices: EndpointSlice[];
}

/** `web:80 (10.244.1.3:80,10.244.2.3:80)`, or `<error: services "web" not found>`. */
function describeBackend(b: IngressBackend | undefined, look: BackendLookup): string {
  if (!b) return '<default>';
  if (b.resource) return `APIGroup: ${b.resource.apiGroup ?? '<nil>'}, Kind: ${b.resource.kind}, Name: ${b.resource.name}`;
  const ref = b.service!;
  const svc = look.services.find((s) => s.metadata.name === ref.name);
  if (!svc) return `<error: services "${ref.name}" not found>`;
  const sp = (svc.spec.ports ?? []).find((p) => (ref.port?.number ? p.port === ref.port.number : !!ref.port?.name && p.name === ref.port.name));
  const slices = look.slices.filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === ref.name);
  const eps = sp ? formatEndpointSlices(slices, sp) : '<none>';
  return `${ref.name}:${ref.port?.name || ref.port?.number || ''} (${eps})`;
}

export function describeIngress(ing: Ingress, look: BackendLookup, events: Event[], p: PrintContext): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${ing.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', ing.metadata.labels);
  w.write(LEVEL_0, `Namespace:\t${ing.metadata.namespace}\n`);
  w.write(LEVEL_0, `Address:\t${ingressAddress(ing, true)}\n`);
  w.write(LEVEL_0, `Ingress Class:\t${ing.spec.ingressClassName ?? '<none>'}\n`);
  w.write(LEVEL_0, `Default backend:\t${describeBackend(ing.spec.defaultBackend, look)}\n`);
  if (ing.spec.tls?.length) {
    w.write(LEVEL_0, 'TLS:\n');
    for (const t of ing.spec.tls) {
      if (!t.secretName) w.write(LEVEL_1, `SNI routes ${(t.hosts ?? []).join(',')}\n`);
      else w.write(LEVEL_1, `${t.secretName} terminates ${(t.hosts ?? []).join(',')}\n`);
    }
  }
  w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(LEVEL_1, '----\t----\t--------\n');
  let count = 0;
  for (const r of ing.spec.rules ?? []) {
    if (!r.http) continue;
    count++;
    w.write(LEVEL_1, `${r.host || '*'}\t\n`);
    for (const hp of r.http.paths ?? []) w.write(LEVEL_2, `\t${hp.path ?? ''} \t${describeBackend(hp.backend, look)}\n`);
  }
  if (count === 0) w.write(LEVEL_1, `*\t*\t${describeBackend(ing.spec.defaultBackend, look)}\n`);
  printAnnotationsMultiline(w, 'Annotations', ing.metadata.annotations);
  describeEvents(w, events, p);
  return w.toString();
}

export function describeIngressClass(ic: IngressClass, events: Event[], p: PrintContext): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${ic.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', ic.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ic.metadata.annotations);
  w.write(LEVEL_0, `Controller:\t${ic.spec.controller ?? ''}\n`);
  const par = ic.spec.parameters;
  if (par) {
    w.write(LEVEL_0, 'Parameters:\n');
    if (par.apiGroup) w.write(LEVEL_1, `APIGroup:\t${par.apiGroup}\n`);
    w.write(LEVEL_1, `Kind:\t${par.kind}\n`);
    w.write(LEVEL_1, `Name:\t${par.name}\n`);
    if (par.namespace) w.write(LEVEL_1, `Namespace:\t${par.namespace}\n`);
    if (par.scope) w.write(LEVEL_1, `Scope:\t${par.scope}\n`);
  }
  describeEvents(w, events, p);
  return w.toString();
}

/** metav1.FormatLabelSelector: `<none>` for an empty selector. */
function sel(ls: LabelSelector | undefined): string {
  return labelSelectorString(ls) || '<none>';
}

function printPorts(w: PrefixWriter, ports: NetworkPolicyPort[] | undefined, indent: string): void {
  if (!ports?.length) {
    w.write(LEVEL_0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    return;
  }
  for (const p of ports) {
    const port = p.port === undefined ? '<nil>' : String(p.port);
    w.write(LEVEL_0, `${indent}To Port: ${port}${p.endPort !== undefined ? `-${p.endPort}` : ''}/${p.protocol ?? 'TCP'}\n`);
  }
}

function printPeers(w: PrefixWriter, peers: NetworkPolicyPeer[] | undefined, indent: string, label: 'From' | 'To'): void {
  if (!peers?.length) {
    w.write(LEVEL_0, `${indent}${label}: <any> (traffic not restricted by ${label === 'From' ? 'source' : 'destination'})\n`);
    return;
  }
  for (const peer of peers) {
    w.write(LEVEL_0, `${indent}${label}:\n`);
    if (peer.podSelector && peer.namespaceSelector) {
      w.write(LEVEL_1, `${indent}NamespaceSelector: ${sel(peer.namespaceSelector)}\n`);
      w.write(LEVEL_1, `${indent}PodSelector: ${sel(peer.podSelector)}\n`);
    } else if (peer.podSelector) {
      w.write(LEVEL_1, `${indent}PodSelector: ${sel(peer.podSelector)}\n`);
    } else if (peer.namespaceSelector) {
      w.write(LEVEL_1, `${indent}NamespaceSelector: ${sel(peer.namespaceSelector)}\n`);
    } else if (peer.ipBlock) {
      w.write(LEVEL_1, `${indent}IPBlock:\n`);
      w.write(LEVEL_2, `${indent}CIDR: ${peer.ipBlock.cidr}\n`);
      w.write(LEVEL_2, `${indent}Except: ${(peer.ipBlock.except ?? []).join(', ')}\n`);
    }
  }
}

export function describeNetworkPolicy(np: NetworkPolicy, createdOn: string): string {
  const w = new PrefixWriter();
  const spec = np.spec;
  w.write(LEVEL_0, `Name:\t${np.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${np.metadata.namespace}\n`);
  w.write(LEVEL_0, `Created on:\t${createdOn}\n`);
  printLabelsMultiline(w, 'Labels', np.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', np.metadata.annotations);
  w.write(LEVEL_0, 'Spec:\n');
  w.write(LEVEL_1, 'PodSelector: ');
  const empty = !Object.keys(spec.podSelector?.matchLabels ?? {}).length && !spec.podSelector?.matchExpressions?.length;
  w.write(LEVEL_2, empty ? '<none> (Allowing the specific traffic to all pods in this namespace)\n' : `${sel(spec.podSelector)}\n`);
  const types = spec.policyTypes ?? [];
  const indent = '    ';
  if (types.includes('Ingress')) {
    w.write(LEVEL_1, 'Allowing ingress traffic:\n');
    const rules = spec.ingress ?? [];
    if (!rules.length) w.write(LEVEL_0, `${indent}<none> (Selected pods are isolated for ingress connectivity)\n`);
    rules.forEach((r, i) => {
      printPorts(w, r.ports, indent);
      printPeers(w, r.from, indent, 'From');
      if (i !== rules.length - 1) w.write(LEVEL_0, `${indent}----------\n`);
    });
  } else {
    w.write(LEVEL_1, 'Not affecting ingress traffic\n');
  }
  if (types.includes('Egress')) {
    w.write(LEVEL_1, 'Allowing egress traffic:\n');
    const rules = spec.egress ?? [];
    if (!rules.length) w.write(LEVEL_0, `${indent}<none> (Selected pods are isolated for egress connectivity)\n`);
    rules.forEach((r, i) => {
      printPorts(w, r.ports, indent);
      printPeers(w, r.to, indent, 'To');
      if (i !== rules.length - 1) w.write(LEVEL_0, `${indent}----------\n`);
    });
  } else {
    w.write(LEVEL_1, 'Not affecting egress traffic\n');
  }
  w.write(LEVEL_1, `Policy Types: ${types.join(', ')}\n`);
  return w.toString();
}
