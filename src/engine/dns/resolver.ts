// Cluster DNS: mirrors CoreDNS's kubernetes plugin (coredns/plugin/kubernetes: parse.go,
// kubernetes.go Records/findServices/findPods, reverse.go) as kind configures it (`kubernetes
// cluster.local in-addr.arpa ip6.arpa { pods insecure }`), plus the pod side: resolv.conf's
// search path and ndots:5 (the stub resolver in the client's libc). Pure reads of Services,
// EndpointSlices and (for pod-IP names) nothing at all: `pods insecure` answers any well-formed
// `a-b-c-d.<ns>.pod.cluster.local` with a.b.c.d.
import type { EndpointSlice, Service } from '../api/networking';
import { LABEL_SERVICE_NAME } from '../api/networking';

export type RRType = 'A' | 'SRV' | 'PTR' | 'CNAME';

export interface ResourceRecord {
  name: string; // fully qualified, with the trailing dot
  type: RRType;
  ttl: number;
  /** A: an IP; CNAME/PTR: a name; SRV: the target name. */
  value: string;
  port?: number;
  priority?: number;
  weight?: number;
}

export interface DNSAnswer {
  rcode: 'NOERROR' | 'NXDOMAIN';
  /** The name that answered (after the search path). */
  name: string;
  records: ResourceRecord[];
}

export interface DNSData {
  services: Service[];
  slices: EndpointSlice[];
  zone: string; // 'cluster.local'
}

const TTL = 30;

function fq(n: string): string {
  return n.endsWith('.') ? n : `${n}.`;
}

function dashed(ip: string): string {
  return ip.replace(/\./g, '-');
}

function readyEndpoints(d: DNSData, svc: Service): { ip: string; hostname?: string }[] {
  const out: { ip: string; hostname?: string }[] = [];
  const seen = new Set<string>();
  const slices = d.slices
    .filter((s) => s.metadata.namespace === svc.metadata.namespace && s.metadata.labels?.[LABEL_SERVICE_NAME] === svc.metadata.name)
    .sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  for (const s of slices) {
    for (const e of s.endpoints ?? []) {
      if (!(e.conditions?.ready ?? true)) continue;
      for (const ip of e.addresses) {
        if (seen.has(ip)) continue;
        seen.add(ip);
        out.push({ ip, ...(e.hostname ? { hostname: e.hostname } : {}) });
      }
    }
  }
  return out;
}

/** Answer one fully qualified question (no search path). */
export function query(d: DNSData, qname: string, qtype: RRType): DNSAnswer {
  const name = fq(qname.toLowerCase());
  const nx: DNSAnswer = { rcode: 'NXDOMAIN', name, records: [] };
  if (qtype === 'PTR' || name.endsWith('.in-addr.arpa.')) return reverse(d, name);
  const zone = `.${d.zone}.`;
  if (!name.endsWith(zone)) return nx; // forwarded upstream: no internet in the simulation
  const labels = name.slice(0, -zone.length).split('.');
  // <a-b-c-d>.<ns>.pod.<zone>
  if (labels.length === 3 && labels[2] === 'pod') {
    const m = /^(\d+)-(\d+)-(\d+)-(\d+)$/.exec(labels[0]);
    if (!m || m.slice(1).some((x) => Number(x) > 255)) return nx;
    return { rcode: 'NOERROR', name, records: qtype === 'A' ? [{ name, type: 'A', ttl: TTL, value: m.slice(1).join('.') }] : [] };
  }
  if (labels[labels.length - 1] !== 'svc') return nx;
  const rest = labels.slice(0, -1);
  let port: string | undefined;
  let proto: string | undefined;
  let endpoint: string | undefined;
  if (rest.length === 4 && rest[0].startsWith('_') && rest[1].startsWith('_')) {
    port = rest[0].slice(1);
    proto = rest[1].slice(1);
    rest.splice(0, 2);
  } else if (rest.length === 3) {
    endpoint = rest.shift();
  }
  if (rest.length !== 2) return nx;
  const [svcName, ns] = rest;
  const svc = d.services.find((s) => s.metadata.name === svcName && s.metadata.namespace === ns);
  if (!svc) return nx;
  const svcFQ = `${svcName}.${ns}.svc.${d.zone}.`;
  if (svc.spec.type === 'ExternalName') {
    if (endpoint || port) return nx;
    return { rcode: 'NOERROR', name, records: [{ name, type: 'CNAME', ttl: TTL, value: fq(svc.spec.externalName ?? '') }] };
  }
  const headless = svc.spec.clusterIP === 'None';
  const eps = headless ? readyEndpoints(d, svc) : [];
  if (endpoint) {
    // <hostname>.<svc>: pods with hostname + subdomain (StatefulSets), or the dashed IP.
    const hit = eps.filter((e) => e.hostname === endpoint || dashed(e.ip) === endpoint);
    if (!hit.length) return nx;
    return { rcode: 'NOERROR', name, records: qtype === 'A' ? hit.map((e) => ({ name, type: 'A' as const, ttl: TTL, value: e.ip })) : [] };
  }
  if (port !== undefined) {
    const sp = (svc.spec.ports ?? []).find((p) => p.name === port && (p.protocol ?? 'TCP').toLowerCase() === proto);
    if (!sp) return nx;
    if (qtype !== 'SRV') return { rcode: 'NOERROR', name, records: [] };
    if (!headless) return { rcode: 'NOERROR', name, records: [{ name, type: 'SRV', ttl: TTL, value: svcFQ, port: sp.port, priority: 0, weight: 100 }] };
    const w = eps.length ? Math.floor(100 / eps.length) : 100;
    return { rcode: 'NOERROR', name, records: eps.map((e) => ({ name, type: 'SRV' as const, ttl: TTL, value: `${e.hostname ?? dashed(e.ip)}.${svcFQ}`, port: sp.port, priority: 0, weight: w })) };
  }
  if (qtype === 'SRV') {
    return { rcode: 'NOERROR', name, records: (svc.spec.ports ?? []).filter((p) => p.name).map((p) => ({ name, type: 'SRV' as const, ttl: TTL, value: svcFQ, port: p.port, priority: 0, weight: 100 })) };
  }
  if (!headless) return { rcode: 'NOERROR', name, records: [{ name, type: 'A', ttl: TTL, value: svc.spec.clusterIP ?? '' }] };
  // A headless Service answers with its ready pods; with none it does not exist (NXDOMAIN).
  if (!eps.length) return nx;
  return { rcode: 'NOERROR', name, records: eps.map((e) => ({ name, type: 'A' as const, ttl: TTL, value: e.ip })) };
}

/** PTR: ClusterIPs map back to their Service's name; endpoint IPs to <hostname|dashed>.<svc>. */
function reverse(d: DNSData, name: string): DNSAnswer {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa\.$/.exec(name);
  const nx: DNSAnswer = { rcode: 'NXDOMAIN', name, records: [] };
  if (!m) return nx;
  const ip = [m[4], m[3], m[2], m[1]].join('.');
  for (const s of d.services) {
    if (s.spec.clusterIP === ip) return { rcode: 'NOERROR', name, records: [{ name, type: 'PTR', ttl: TTL, value: `${s.metadata.name}.${s.metadata.namespace}.svc.${d.zone}.` }] };
  }
  for (const s of d.services) {
    if (s.spec.clusterIP !== 'None') continue;
    const e = readyEndpoints(d, s).find((x) => x.ip === ip);
    if (e) return { rcode: 'NOERROR', name, records: [{ name, type: 'PTR', ttl: TTL, value: `${e.hostname ?? dashed(ip)}.${s.metadata.name}.${s.metadata.namespace}.svc.${d.zone}.` }] };
  }
  return nx;
}

export function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
}

/**
 * The stub resolver with a pod's resolv.conf: `search <ns>.svc.cluster.local svc.cluster.local
 * cluster.local`, `options ndots:5`. A name with fewer than 5 dots is tried with each search
 * suffix first, then as is. Worked example from namespace default: `web` →
 * web.default.svc.cluster.local (found); `web.prod` → web.prod.default.svc.cluster.local
 * (NXDOMAIN), then web.prod.svc.cluster.local (found).
 */
export function searchNames(name: string, namespace: string, zone: string, ndots = 5): string[] {
  if (name.endsWith('.')) return [name];
  const search = [`${namespace}.svc.${zone}`, `svc.${zone}`, zone];
  const dots = name.split('.').length - 1;
  const withSearch = search.map((s) => `${name}.${s}`);
  return dots >= ndots ? [name, ...withSearch] : [...withSearch, name];
}

export function lookup(d: DNSData, name: string, qtype: RRType, namespace: string): DNSAnswer {
  let last: DNSAnswer | undefined;
  for (const n of searchNames(name, namespace, d.zone)) {
    const a = query(d, n, qtype);
    if (a.rcode === 'NOERROR' && a.records.length) return a;
    if (a.rcode === 'NOERROR') last = a;
  }
  return last ?? { rcode: 'NXDOMAIN', name: fq(name), records: [] };
}

/** Follow a CNAME (ExternalName) chain inside the cluster zone to A records, if any. */
export function resolveA(d: DNSData, name: string, namespace: string): { answer: DNSAnswer; ips: string[]; cname?: string } {
  const a = lookup(d, name, 'A', namespace);
  const cn = a.records.find((r) => r.type === 'CNAME');
  if (cn) {
    const target = query(d, cn.value, 'A');
    return { answer: a, ips: target.records.filter((r) => r.type === 'A').map((r) => r.value), cname: cn.value };
  }
  return { answer: a, ips: a.records.filter((r) => r.type === 'A').map((r) => r.value) };
}
