// Validation of Ingress, IngressClass and NetworkPolicy: mirrors pkg/apis/networking/validation/
// validation.go (v1.32: ValidateIngressCreate/Spec, validateHTTPIngressPath, validateIngressBackend,
// ValidateIngressClass, ValidateNetworkPolicySpec/Port/Peer, ValidateIPBlock), same messages.
import type { Ingress, IngressBackend, IngressClass, NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from '../../api/networking';
import { ANN_INGRESS_CLASS } from '../../api/networking';
import { cidrContains, parseCIDR, parseIPv4 } from '../../api/cidr';
import { forbidden, invalid, notSupported, required, type FieldError } from './field';
import { validateLabelSelector } from './labelselector';
import { isDNS1123Subdomain, isValidPortName, isValidPortNum } from './names';
import { validateImmutableField } from './generic';

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_ERROR =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const WILDCARD_ERROR =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const CIDR_MSG = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

/** IsWildcardDNS1123Subdomain: `*.` then a DNS subdomain (`*.foo.com`, never `foo.*.com`). */
function isWildcardDNS1123Subdomain(v: string): string[] {
  const errs: string[] = [];
  if (v.length > 253) errs.push('must be no more than 253 characters');
  if (!v.startsWith('*.') || isDNS1123Subdomain(v.slice(2)).length) errs.push(WILDCARD_ERROR);
  return errs;
}

/** ValidateServiceName in v1.32: a DNS-1035 label (RelaxedServiceNameValidation came in 1.33). */
function serviceNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 63) errs.push('must be no more than 63 characters');
  if (!DNS1035_LABEL.test(name)) errs.push(DNS1035_ERROR);
  return errs;
}

function validateIngressBackend(b: IngressBackend, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (b.resource && b.service) return [invalid(path, '', 'cannot set both resource and service backends')];
  if (b.resource) {
    if (!b.resource.kind) errs.push(required(`${path}.resource.kind`, ''));
    if (!b.resource.name) errs.push(required(`${path}.resource.name`, ''));
    return errs;
  }
  if (!b.service) return [invalid(path, '', 'resource or service backend is required')];
  const svc = b.service;
  if (!svc.name) errs.push(required(`${path}.service.name`, ''));
  else for (const m of serviceNameErrors(svc.name)) errs.push(invalid(`${path}.service.name`, svc.name, m));
  const name = svc.port?.name ?? '';
  const num = svc.port?.number ?? 0;
  if (name && num) errs.push(invalid(path, '', 'cannot set both port name & port number'));
  else if (name) for (const m of isValidPortName(name)) errs.push(invalid(`${path}.service.port.name`, name, m));
  else if (num) for (const m of isValidPortNum(num)) errs.push(invalid(`${path}.service.port.number`, num, m));
  else errs.push(required(path, 'port name or number is required'));
  return errs;
}

function validateHost(host: string, path: string, errs: FieldError[]): void {
  if (parseIPv4(host) !== undefined || host.includes(':')) errs.push(invalid(path, host, 'must be a DNS name, not an IP address'));
  const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
  for (const m of msgs) errs.push(invalid(path, host, m));
}

export function validateIngress(ing: Ingress): FieldError[] {
  const errs: FieldError[] = [];
  const spec = ing.spec ?? {};
  const rules = spec.rules ?? [];
  if (!rules.length && !spec.defaultBackend) errs.push(invalid('spec', spec.rules ?? null, 'either `defaultBackend` or `rules` must be specified'));
  if (spec.defaultBackend) errs.push(...validateIngressBackend(spec.defaultBackend, 'spec.defaultBackend'));
  rules.forEach((r, i) => {
    if (r.host) validateHost(r.host, `spec.rules[${i}].host`, errs);
    if (!r.http) return;
    const p = `spec.rules[${i}].http`;
    if (!r.http.paths?.length) errs.push(required(`${p}.paths`, ''));
    (r.http.paths ?? []).forEach((hp, j) => {
      const pp = `${p}.paths[${j}]`;
      if (!hp.pathType) {
        errs.push(required(`${pp}.pathType`, 'pathType must be specified'));
        return;
      }
      const path = hp.path ?? '';
      if (hp.pathType === 'Exact' || hp.pathType === 'Prefix') {
        if (!path.startsWith('/')) errs.push(invalid(`${pp}.path`, path, 'must be an absolute path'));
        for (const s of INVALID_PATH_SEQUENCES) if (path.includes(s)) errs.push(invalid(`${pp}.path`, path, `must not contain '${s}'`));
        for (const s of INVALID_PATH_SUFFIXES) if (path.endsWith(s)) errs.push(invalid(`${pp}.path`, path, `cannot end with '${s}'`));
      } else if (hp.pathType === 'ImplementationSpecific') {
        if (path && !path.startsWith('/')) errs.push(invalid(`${pp}.path`, path, 'must be an absolute path'));
      } else {
        errs.push(notSupported(`${pp}.pathType`, hp.pathType, PATH_TYPES));
      }
      errs.push(...validateIngressBackend(hp.backend ?? {}, `${pp}.backend`));
    });
  });
  (spec.tls ?? []).forEach((t, i) => {
    (t.hosts ?? []).forEach((h, j) => {
      const msgs = h.includes('*') ? isWildcardDNS1123Subdomain(h) : isDNS1123Subdomain(h);
      for (const m of msgs) errs.push(invalid(`spec.tls[${i}].hosts[${j}]`, h, m));
    });
    if (t.secretName) for (const m of isDNS1123Subdomain(t.secretName)) errs.push(invalid(`spec.tls[${i}].secretName`, t.secretName, m));
  });
  if (spec.ingressClassName !== undefined) for (const m of isDNS1123Subdomain(spec.ingressClassName)) errs.push(invalid('spec.ingressClassName', spec.ingressClassName, m));
  return errs;
}

/** ValidateIngressCreate adds: the deprecated class annotation must agree with ingressClassName. */
export function validateIngressCreate(ing: Ingress): FieldError[] {
  const errs = validateIngress(ing);
  const ann = ing.metadata.annotations?.[ANN_INGRESS_CLASS];
  if (ann !== undefined && ing.spec?.ingressClassName !== undefined && ann !== ing.spec.ingressClassName) {
    errs.push(invalid(`annotations.${ANN_INGRESS_CLASS}`, ann, 'must match `ingressClassName` when both are specified'));
  }
  return errs;
}

export function validateIngressClass(ic: IngressClass): FieldError[] {
  const errs: FieldError[] = [];
  const c = ic.spec?.controller ?? '';
  if (!c) errs.push(required('spec.controller', ''));
  else if (c.length > 250) errs.push({ type: 'FieldValueTooLong', field: 'spec.controller', badValue: '', detail: 'may not be more than 250 bytes' });
  else if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?\/.+/.test(c)) errs.push(invalid('spec.controller', c, 'must be a domain-prefixed path (such as "acme.io/foo")'));
  return errs;
}

export function validateIngressClassUpdate(ic: IngressClass, old: IngressClass): FieldError[] {
  return [...validateImmutableField(ic.spec?.controller, old.spec?.controller, 'spec.controller'), ...validateIngressClass(ic)];
}

function validateNetworkPolicyPort(p: NetworkPolicyPort, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (p.protocol !== undefined && !['TCP', 'UDP', 'SCTP'].includes(p.protocol)) errs.push(notSupported(`${path}.protocol`, p.protocol, ['TCP', 'UDP', 'SCTP']));
  if (p.port !== undefined) {
    if (typeof p.port === 'number') {
      for (const m of isValidPortNum(p.port)) errs.push(invalid(`${path}.port`, p.port, m));
      if (p.endPort !== undefined) {
        if (p.endPort < p.port) errs.push(invalid(`${path}.endPort`, p.endPort, 'must be greater than or equal to `port`'));
        for (const m of isValidPortNum(p.endPort)) errs.push(invalid(`${path}.endPort`, p.endPort, m));
      }
    } else {
      if (p.endPort !== undefined) errs.push(invalid(`${path}.endPort`, p.endPort, 'may not be specified when `port` is non-numeric'));
      for (const m of isValidPortName(p.port)) errs.push(invalid(`${path}.port`, p.port, m));
    }
  } else if (p.endPort !== undefined) {
    errs.push(invalid(`${path}.endPort`, p.endPort, 'may not be specified when `port` is not specified'));
  }
  return errs;
}

function validateNetworkPolicyPeer(peer: NetworkPolicyPeer, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  if (peer.podSelector) {
    n++;
    errs.push(...validateLabelSelector(peer.podSelector, `${path}.podSelector`));
  }
  if (peer.namespaceSelector) {
    n++;
    errs.push(...validateLabelSelector(peer.namespaceSelector, `${path}.namespaceSelector`));
  }
  if (peer.ipBlock) {
    n++;
    const b = peer.ipBlock;
    if (!b.cidr) errs.push(required(`${path}.ipBlock.cidr`, ''));
    else {
      const c = parseCIDR(b.cidr);
      if (!c) errs.push(invalid(`${path}.ipBlock.cidr`, b.cidr, CIDR_MSG));
      (b.except ?? []).forEach((x, i) => {
        const xp = `${path}.ipBlock.except[${i}]`;
        const e = parseCIDR(x);
        if (!e) errs.push(invalid(xp, x, CIDR_MSG));
        else if (c && (!cidrContains(c, e.base) || c.bits >= e.bits)) errs.push(invalid(xp, x, 'must be a strict subset of `cidr`'));
      });
    }
  }
  if (n === 0) errs.push(required(path, 'must specify a peer'));
  else if (n > 1 && peer.ipBlock) errs.push(forbidden(path, 'may not specify both ipBlock and another peer'));
  return errs;
}

export function validateNetworkPolicy(np: NetworkPolicy): FieldError[] {
  const spec = np.spec ?? ({} as NetworkPolicy['spec']);
  const errs = validateLabelSelector(spec.podSelector, 'spec.podSelector');
  (spec.ingress ?? []).forEach((r, i) => {
    (r.ports ?? []).forEach((p, j) => errs.push(...validateNetworkPolicyPort(p, `spec.ingress[${i}].ports[${j}]`)));
    (r.from ?? []).forEach((p, j) => errs.push(...validateNetworkPolicyPeer(p, `spec.ingress[${i}].from[${j}]`)));
  });
  (spec.egress ?? []).forEach((r, i) => {
    (r.ports ?? []).forEach((p, j) => errs.push(...validateNetworkPolicyPort(p, `spec.egress[${i}].ports[${j}]`)));
    (r.to ?? []).forEach((p, j) => errs.push(...validateNetworkPolicyPeer(p, `spec.egress[${i}].to[${j}]`)));
  });
  const types = spec.policyTypes ?? [];
  if (types.length > 2) {
    errs.push(invalid('spec.policyTypes', types, 'may not specify more than two policyTypes'));
    return errs;
  }
  types.forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress') errs.push(notSupported(`spec.policyTypes[${i}]`, t, ['Ingress', 'Egress']));
  });
  return errs;
}
