// Service validation: mirrors ValidateService / validateServicePort / ValidateServiceUpdate in
// pkg/apis/core/validation/validation.go, with the field-error texts students see after
// `The Service "web" is invalid:`.
import type { Service, ServicePort } from '../../api/networking';
import type { FieldError } from './field';
import { duplicate, forbidden, invalid, notSupported, required } from './field';
import { inclusiveRangeError, validateLabels } from './generic';
import { isDNS1123Label, isValidPortName } from './names';
import { ipToInt } from '../registry/core/service/ipallocator';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const DNS1035_ERROR =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const IP_ERROR = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
/** core.MaxClientIPServiceAffinitySeconds: one day. */
const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;

export function needsClusterIP(svc: Service): boolean {
  return (svc.spec.type ?? 'ClusterIP') !== 'ExternalName';
}

export function needsNodePorts(svc: Service): boolean {
  const t = svc.spec.type;
  return t === 'NodePort' || (t === 'LoadBalancer' && svc.spec.allocateLoadBalancerNodePorts !== false);
}

export function validateService(svc: Service): FieldError[] {
  const errs: FieldError[] = [];
  const name = svc.metadata.name ?? '';
  // Service names are DNS-1035 labels (they become DNS names and env var prefixes).
  if (name && /^[0-9]/.test(name)) errs.push(invalid('metadata.name', name, DNS1035_ERROR));
  const spec = svc.spec ?? {};
  const type = spec.type ?? 'ClusterIP';
  if (!TYPES.includes(type)) errs.push(notSupported('spec.type', type, TYPES));
  const headless = spec.clusterIP === 'None';
  const ports = spec.ports ?? [];
  if (type === 'ExternalName') {
    if (!spec.externalName) errs.push(required('spec.externalName'));
    else for (const m of isDNS1123Subdomainish(spec.externalName)) errs.push(invalid('spec.externalName', spec.externalName, m));
  } else if (!ports.length && !headless) {
    errs.push(required('spec.ports'));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, `spec.ports[${i}]`)));
  // Port and protocol together must be unique.
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const k = `${p.port}/${p.protocol ?? 'TCP'}`;
    if (seen.has(k)) errs.push(duplicate(`spec.ports[${i}]`, { port: p.port, protocol: p.protocol ?? 'TCP' }));
    seen.add(k);
  });
  if (spec.clusterIP && spec.clusterIP !== 'None' && ipToInt(spec.clusterIP) === undefined) {
    errs.push(invalid('spec.clusterIPs[0]', spec.clusterIP, IP_ERROR));
  }
  if (headless && (type === 'NodePort' || type === 'LoadBalancer')) {
    errs.push(invalid('spec.clusterIPs[0]', 'None', `may not be set to 'None' for ${type} services`));
  }
  if (type === 'ClusterIP' || type === 'ExternalName') {
    ports.forEach((p, i) => {
      if (p.nodePort) errs.push(forbidden(`spec.ports[${i}].nodePort`, `may not be used when \`type\` is '${type}'`));
    });
  }
  const affinity = spec.sessionAffinity ?? 'None';
  if (affinity !== 'None' && affinity !== 'ClientIP') errs.push(notSupported('spec.sessionAffinity', affinity, ['ClientIP', 'None']));
  const timeout = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
  if (affinity === 'ClientIP' && timeout !== undefined && (timeout <= 0 || timeout > MAX_CLIENT_IP_AFFINITY_SECONDS)) {
    errs.push(invalid('spec.sessionAffinityConfig.clientIP.timeoutSeconds', timeout, `must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY_SECONDS}`));
  }
  if (spec.externalTrafficPolicy) {
    if (type !== 'NodePort' && type !== 'LoadBalancer') {
      errs.push(invalid('spec.externalTrafficPolicy', spec.externalTrafficPolicy, "may only be set when `type` is 'NodePort' or 'LoadBalancer'"));
    } else if (spec.externalTrafficPolicy !== 'Cluster' && spec.externalTrafficPolicy !== 'Local') {
      errs.push(notSupported('spec.externalTrafficPolicy', spec.externalTrafficPolicy, ['Cluster', 'Local']));
    }
  }
  if (spec.internalTrafficPolicy && spec.internalTrafficPolicy !== 'Cluster' && spec.internalTrafficPolicy !== 'Local') {
    errs.push(notSupported('spec.internalTrafficPolicy', spec.internalTrafficPolicy, ['Cluster', 'Local']));
  }
  if (spec.selector) errs.push(...validateLabels(spec.selector, 'spec.selector'));
  return errs;
}

function validateServicePort(p: ServicePort, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !p.name) errs.push(required(`${path}.name`));
  else if (p.name) {
    for (const m of isDNS1123Label(p.name)) errs.push(invalid(`${path}.name`, p.name, m));
    if (names.has(p.name)) errs.push(duplicate(`${path}.name`, p.name));
    names.add(p.name);
  }
  if (typeof p.port !== 'number' || p.port < 1 || p.port > 65535) errs.push(invalid(`${path}.port`, p.port ?? 0, inclusiveRangeError(1, 65535)));
  const proto = p.protocol ?? 'TCP';
  if (!PROTOCOLS.includes(proto)) errs.push(notSupported(`${path}.protocol`, proto, PROTOCOLS));
  const tp = p.targetPort;
  if (typeof tp === 'number') {
    if (tp < 1 || tp > 65535) errs.push(invalid(`${path}.targetPort`, tp, inclusiveRangeError(1, 65535)));
  } else if (typeof tp === 'string') {
    for (const m of isValidPortName(tp)) errs.push(invalid(`${path}.targetPort`, tp, m));
  }
  return errs;
}

/** externalName must be a DNS-1123 subdomain (a trailing dot is allowed). */
function isDNS1123Subdomainish(v: string): string[] {
  const s = v.endsWith('.') ? v.slice(0, -1) : v;
  const ok = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(s) && s.length <= 253;
  return ok
    ? []
    : ["a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"];
}

/** ValidateServiceUpdate: the ClusterIP may not change once set (except to or from ExternalName). */
export function validateServiceUpdate(svc: Service, old: Service): FieldError[] {
  const errs = validateService(svc);
  const oldIP = old.spec.clusterIP;
  const newIP = svc.spec.clusterIP;
  if (needsClusterIP(old) && needsClusterIP(svc) && oldIP && newIP !== oldIP) {
    errs.push(invalid('spec.clusterIPs[0]', newIP ?? '', 'may not change once set'));
  }
  return errs;
}
