// Table-driven NetworkPolicy evaluation: isolation per direction, peers (podSelector,
// namespaceSelector, both, ipBlock with except), ports (number, range, named, protocol).
import { describe, expect, it } from 'vitest';
import type { NetworkPolicy } from '../api/networking';
import { evaluateConnection, type ConnEnd } from './evaluate';

const np = (name: string, spec: Partial<NetworkPolicy['spec']>, ns = 'prod'): NetworkPolicy => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name, namespace: ns },
  spec: { podSelector: {}, ...spec },
});
const pod = (ns: string, name: string, labels: Record<string, string>, ip: string, ports: { name?: string; containerPort: number; protocol?: 'TCP' | 'UDP' }[] = []): ConnEnd => ({ ip, pod: { namespace: ns, name, labels, ports } });
const nsLabels = (ns: string) => ({ 'kubernetes.io/metadata.name': ns, ...(ns === 'monitoring' ? { team: 'ops' } : {}) });

const web = pod('prod', 'web', { app: 'web' }, '10.244.1.5', [{ name: 'http', containerPort: 8080 }]);
const frontend = pod('prod', 'frontend', { role: 'frontend' }, '10.244.2.6');
const other = pod('prod', 'other', {}, '10.244.2.7');
const prom = pod('monitoring', 'prom', { app: 'prom' }, '10.244.3.8');
const outside: ConnEnd = { ip: '172.18.0.1' };

const denyAll = np('deny-all', { policyTypes: ['Ingress'] });
const allowFrontend = np('allow-frontend', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ from: [{ podSelector: { matchLabels: { role: 'frontend' } } }], ports: [{ protocol: 'TCP', port: 'http' }] }], policyTypes: ['Ingress'] });
const allowOps = np('allow-ops', { ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'ops' } }, podSelector: { matchLabels: { app: 'prom' } } }], ports: [{ protocol: 'TCP', port: 8000, endPort: 9000 }] }], policyTypes: ['Ingress'] });
const allowBlock = np('allow-block', { ingress: [{ from: [{ ipBlock: { cidr: '172.18.0.0/16', except: ['172.18.0.0/24'] } }] }], policyTypes: ['Ingress'] });
const denyEgress = np('deny-egress', { policyTypes: ['Egress'] });
const allowDNS = np('allow-dns', { egress: [{ ports: [{ protocol: 'UDP', port: 53 }] }], policyTypes: ['Egress'] });

describe('evaluateConnection', () => {
  const cases: [string, NetworkPolicy[], ConnEnd, ConnEnd, number, string, boolean, string?][] = [
    ['no policy: open', [], other, web, 8080, 'TCP', true],
    ['default deny ingress', [denyAll], frontend, web, 8080, 'TCP', false, 'isolated for ingress by deny-all'],
    ['allowed by podSelector + named port', [denyAll, allowFrontend], frontend, web, 8080, 'TCP', true, 'ingress allowed by prod/allow-frontend'],
    ['named port does not cover another port', [denyAll, allowFrontend], frontend, web, 80, 'TCP', false],
    ['named port: wrong protocol', [denyAll, allowFrontend], frontend, web, 8080, 'UDP', false],
    ['other pod not selected by the rule', [denyAll, allowFrontend], other, web, 8080, 'TCP', false],
    ['namespaceSelector AND podSelector, port range', [allowOps], prom, web, 8500, 'TCP', true],
    ['port outside endPort range', [allowOps], prom, web, 9001, 'TCP', false],
    ['namespace matches but pod does not', [allowOps], pod('monitoring', 'x', {}, '10.244.3.9'), web, 8500, 'TCP', false],
    ['pod in own namespace does not match a namespaceSelector rule', [allowOps], frontend, web, 8500, 'TCP', false],
    ['ipBlock allows a /16 address', [allowBlock], { ip: '172.18.5.1' }, web, 8080, 'TCP', true],
    ['ipBlock except carves out a /24', [allowBlock], outside, web, 8080, 'TCP', false],
    ['egress default deny blocks the client', [denyEgress], web, other, 80, 'TCP', false, 'isolated for egress by deny-egress'],
    ['egress allows DNS over UDP only', [denyEgress, allowDNS], web, other, 53, 'UDP', true],
    ['egress DNS rule does not allow TCP 80', [denyEgress, allowDNS], web, other, 80, 'TCP', false],
    ['policies of another namespace do not isolate', [np('deny-all', { policyTypes: ['Ingress'] }, 'dev')], frontend, web, 8080, 'TCP', true],
  ];
  it.each(cases)('%s', (_name, policies, src, dst, port, protocol, allowed, reason) => {
    const v = evaluateConnection(policies, { src, dst, port, protocol }, nsLabels);
    expect(v.allowed).toBe(allowed);
    if (reason) expect(v.reason).toContain(reason);
    if (!allowed) expect(v.reason).toContain('no policy allows it');
  });
});
