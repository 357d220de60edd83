// Table-driven tests of the pure pieces: ClusterIP/NodePort allocation, EndpointSlice
// conditions, DNS names, Service env vars and kube-proxy's endpoint choice.
import { describe, expect, it } from 'vitest';
import { Rng } from '../sim/rng';
import { allocateIP, allocateNextIP, serviceIPRange } from '../apiserver/registry/core/service/ipallocator';
import { DEFAULT_NODE_PORT_RANGE, allocateNextPort, allocatePort } from '../apiserver/registry/core/service/portallocator';
import { podToEndpoint } from '../controllers/endpointslice/utils';
import { reconcileSlices } from '../controllers/endpointslice/reconciler';
import { query, searchNames } from '../dns/resolver';
import { fromServices, serviceEnvFor } from '../kubelet/service_env';
import { pickEndpoint, usableEndpoints } from '../proxy/topology';
import type { Pod } from '../api/core';
import type { EndpointSlice, Service } from '../api/networking';
import type { ProxyEndpoint } from '../proxy/types';

const svc = (name: string, spec: Partial<Service['spec']>, ns = 'default'): Service => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns, uid: `uid-${name}` }, spec: { ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], ...spec } });
const pod = (name: string, opts: { ready?: boolean; deleting?: boolean; ip?: string; hostname?: string; subdomain?: string } = {}): Pod => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name, namespace: 'default', uid: `uid-${name}`, labels: { app: 'web' }, ...(opts.deleting ? { deletionTimestamp: '2025-03-03T09:00:00Z' } : {}) },
  spec: { containers: [{ name: 'c', ports: [{ name: 'http', containerPort: 8080 }] }], nodeName: 'kind-worker', ...(opts.hostname ? { hostname: opts.hostname } : {}), ...(opts.subdomain ? { subdomain: opts.subdomain } : {}) },
  status: { phase: 'Running', podIP: opts.ip ?? '10.244.1.5', conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }] },
});

describe('ClusterIP allocation (ipallocator)', () => {
  const r = serviceIPRange('10.96.0.0/16');
  it('has the static band of 256 addresses below the random one', () => {
    expect(r).toMatchObject({ max: 65534, offset: 256 });
  });
  it.each([
    ['10.96.0.10', new Set<string>(), { ok: true, ip: '10.96.0.10' }],
    ['10.96.0.10', new Set(['10.96.0.10']), { ok: false, error: 'provided IP is already allocated' }],
    ['10.0.0.5', new Set<string>(), { ok: false, error: 'the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/16' }],
    ['10.96.255.255', new Set<string>(), { ok: false, error: 'the provided IP (10.96.255.255) is not in the valid range. The range of valid IPs is 10.96.0.0/16' }],
  ])('Allocate(%s)', (ip, used, want) => expect(allocateIP(r, used, ip)).toEqual(want));
  it('draws random IPs from the upper band only, never twice', () => {
    const rng = new Rng(1);
    const used = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const a = allocateNextIP(r, used, rng);
      if (!a.ok) throw new Error(a.error);
      const [, , c] = a.ip.split('.').map(Number);
      expect(c).toBeGreaterThanOrEqual(1);
      expect(used.has(a.ip)).toBe(false);
      used.add(a.ip);
    }
  });
});

describe('NodePort allocation (portallocator)', () => {
  it.each([
    [30080, new Set<number>(), { ok: true, port: 30080 }],
    [30080, new Set([30080]), { ok: false, error: 'provided port is already allocated' }],
    [80, new Set<number>(), { ok: false, error: 'provided port is not in the valid range. The range of valid ports is 30000-32767' }],
    [32768, new Set<number>(), { ok: false, error: 'provided port is not in the valid range. The range of valid ports is 30000-32767' }],
  ])('Allocate(%i)', (port, used, want) => expect(allocatePort(DEFAULT_NODE_PORT_RANGE, used, port)).toEqual(want));
  it('allocates from 30086–32767 first (offset 86)', () => {
    const rng = new Rng(5);
    for (let i = 0; i < 100; i++) {
      const p = allocateNextPort(DEFAULT_NODE_PORT_RANGE, new Set(), rng);
      expect(p.ok && p.port >= 30086 && p.port <= 32767).toBe(true);
    }
  });
});

describe('EndpointSlice conditions (podToEndpoint)', () => {
  it.each([
    ['ready pod', { ready: true }, false, { ready: true, serving: true, terminating: false }],
    ['not-ready pod', { ready: false }, false, { ready: false, serving: false, terminating: false }],
    ['ready pod being deleted', { ready: true, deleting: true }, false, { ready: false, serving: true, terminating: true }],
    ['not-ready pod being deleted', { ready: false, deleting: true }, false, { ready: false, serving: false, terminating: true }],
    ['not-ready pod, publishNotReadyAddresses', { ready: false }, true, { ready: true, serving: false, terminating: false }],
    ['deleting pod, publishNotReadyAddresses', { ready: true, deleting: true }, true, { ready: true, serving: true, terminating: true }],
  ])('%s', (_n, opts, publish, want) => {
    expect(podToEndpoint(pod('p', opts), svc('web', { publishNotReadyAddresses: publish })).conditions).toEqual(want);
  });
  it('sets hostname only when the pod subdomain names the Service', () => {
    expect(podToEndpoint(pod('web-0', { hostname: 'web-0', subdomain: 'nginx' }), svc('nginx', {})).hostname).toBe('web-0');
    expect(podToEndpoint(pod('web-0', { hostname: 'web-0', subdomain: 'other' }), svc('nginx', {})).hostname).toBeUndefined();
  });
  it('resolves a named targetPort per pod and keeps a placeholder slice without pods', () => {
    const s = svc('web', { selector: { app: 'web' }, ports: [{ port: 80, protocol: 'TCP', targetPort: 'http' }] });
    const a = reconcileSlices(s, [pod('a')], []);
    expect(a.create[0].ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
    expect(a.create[0].metadata.generateName).toBe('web-');
    expect(a.create[0].metadata.labels).toMatchObject({ 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
    expect(reconcileSlices(s, [], []).create[0]).toMatchObject({ endpoints: [], ports: [] });
  });
});

describe('DNS (CoreDNS kubernetes plugin + resolv.conf search)', () => {
  const services = [
    svc('web', { clusterIP: '10.96.5.6', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }),
    svc('nginx', { clusterIP: 'None', ports: [{ name: 'web', port: 80, protocol: 'TCP' }] }),
    svc('db', { clusterIP: '10.96.7.8' }, 'prod'),
    svc('ext', { type: 'ExternalName', externalName: 'example.com', ports: [] }),
  ];
  const slice: EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', addressType: 'IPv4',
    metadata: { name: 'nginx-abcde', namespace: 'default', labels: { 'kubernetes.io/service-name': 'nginx' } },
    endpoints: [
      { addresses: ['10.244.1.3'], conditions: { ready: true }, hostname: 'web-0' },
      { addresses: ['10.244.2.3'], conditions: { ready: true }, hostname: 'web-1' },
      { addresses: ['10.244.3.3'], conditions: { ready: false }, hostname: 'web-2' },
    ],
    ports: [{ name: 'web', port: 80, protocol: 'TCP' }],
  };
  const d = { services, slices: [slice], zone: 'cluster.local' };
  it.each([
    ['web.default.svc.cluster.local', 'A', 'NOERROR', ['10.96.5.6']],
    ['nginx.default.svc.cluster.local', 'A', 'NOERROR', ['10.244.1.3', '10.244.2.3']],
    ['web-0.nginx.default.svc.cluster.local', 'A', 'NOERROR', ['10.244.1.3']],
    ['web-2.nginx.default.svc.cluster.local', 'A', 'NXDOMAIN', []],
    ['_http._tcp.web.default.svc.cluster.local', 'SRV', 'NOERROR', ['web.default.svc.cluster.local.']],
    ['_web._tcp.nginx.default.svc.cluster.local', 'SRV', 'NOERROR', ['web-0.nginx.default.svc.cluster.local.', 'web-1.nginx.default.svc.cluster.local.']],
    ['10-244-1-3.default.pod.cluster.local', 'A', 'NOERROR', ['10.244.1.3']],
    ['ext.default.svc.cluster.local', 'A', 'NOERROR', ['example.com.']],
    ['nope.default.svc.cluster.local', 'A', 'NXDOMAIN', []],
    ['6.5.96.10.in-addr.arpa', 'PTR', 'NOERROR', ['web.default.svc.cluster.local.']],
  ] as const)('%s %s', (name, type, rcode, values) => {
    const a = query(d, name, type);
    expect(a.rcode).toBe(rcode);
    expect(a.records.map((r) => r.value)).toEqual(values);
  });
  it('expands short names through the search path (ndots 5)', () => {
    expect(searchNames('web', 'default', 'cluster.local')).toEqual(['web.default.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web']);
    expect(searchNames('db.prod', 'default', 'cluster.local')[1]).toBe('db.prod.svc.cluster.local');
    expect(searchNames('a.b.c.d.e.f', 'default', 'cluster.local')[0]).toBe('a.b.c.d.e.f');
  });
});

describe('Service environment variables (envvars.FromServices)', () => {
  it('names, ports and docker link variables', () => {
    const s = svc('redis-leader', { clusterIP: '10.96.12.34', ports: [{ port: 6379, protocol: 'TCP' }] });
    expect(fromServices([s])).toEqual([
      ['REDIS_LEADER_SERVICE_HOST', '10.96.12.34'], ['REDIS_LEADER_SERVICE_PORT', '6379'], ['REDIS_LEADER_PORT', 'tcp://10.96.12.34:6379'],
      ['REDIS_LEADER_PORT_6379_TCP', 'tcp://10.96.12.34:6379'], ['REDIS_LEADER_PORT_6379_TCP_PROTO', 'tcp'], ['REDIS_LEADER_PORT_6379_TCP_PORT', '6379'], ['REDIS_LEADER_PORT_6379_TCP_ADDR', '10.96.12.34'],
    ]);
  });
  it('named ports get _SERVICE_PORT_<NAME>; headless Services none; enableServiceLinks false keeps only kubernetes', () => {
    const k = svc('kubernetes', { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP' }] });
    const web = svc('web', { clusterIP: '10.96.5.6', ports: [{ name: 'http', port: 80, protocol: 'TCP' }, { name: 'metrics', port: 9090, protocol: 'TCP' }] });
    const headless = svc('nginx', { clusterIP: 'None' });
    const names = serviceEnvFor(pod('p'), [k, web, headless]).map(([n]) => n);
    expect(names).toContain('WEB_SERVICE_PORT_METRICS');
    expect(names).toContain('KUBERNETES_SERVICE_PORT_HTTPS');
    expect(names.some((n) => n.startsWith('NGINX_'))).toBe(false);
    const p = pod('p');
    p.spec.enableServiceLinks = false;
    expect(serviceEnvFor(p, [k, web]).every(([n]) => n.startsWith('KUBERNETES_'))).toBe(true);
  });
});

describe('kube-proxy endpoint choice', () => {
  const ep = (ip: string, ready: boolean, serving = ready, terminating = false): ProxyEndpoint => ({ ip, port: 80, ready, serving, terminating });
  it.each([
    ['ready ones only', [ep('a', true), ep('b', false)], ['a']],
    ['falls back to serving terminating', [ep('a', false, true, true), ep('b', false)], ['a']],
    ['nothing usable', [ep('a', false, false, true)], []],
  ])('%s', (_n, eps, want) => expect(usableEndpoints(eps).map((e) => e.ip)).toEqual(want));
  it('is uniform: 3000 picks over 3 endpoints land 33% ± 5% each', () => {
    const rng = new Rng(42);
    const eps = [ep('a', true), ep('b', true), ep('c', true)];
    const n: Record<string, number> = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 3000; i++) n[pickEndpoint(eps, rng).ip]++;
    for (const k of Object.keys(n)) expect(Math.abs(n[k] / 3000 - 1 / 3)).toBeLessThan(0.05);
  });
});
