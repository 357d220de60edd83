// Table-driven checks of Ingress host and path matching (the Ingress docs' "Examples" table).
import { describe, expect, it } from 'vitest';
import type { Ingress, HTTPIngressPath, PathType } from '../api/networking';
import { hostMatch, pathMatches, routeRequest } from './routing';

const p = (path: string, pathType: PathType): HTTPIngressPath => ({ path, pathType, backend: { service: { name: 'x', port: { number: 80 } } } });

describe('pathMatches (Ingress docs examples)', () => {
  const cases: [PathType, string, string, boolean][] = [
    ['Prefix', '/', '/anything', true],
    ['Exact', '/foo', '/foo', true],
    ['Exact', '/foo', '/bar', false],
    ['Exact', '/foo', '/foo/', false],
    ['Exact', '/foo/', '/foo', false],
    ['Prefix', '/foo', '/foo', true],
    ['Prefix', '/foo', '/foo/', true],
    ['Prefix', '/foo/', '/foo', true],
    ['Prefix', '/foo/', '/foo/', true],
    ['Prefix', '/aaa/bb', '/aaa/bbb', false],
    ['Prefix', '/aaa/bbb', '/aaa/bbb', true],
    ['Prefix', '/aaa/bbb/', '/aaa/bbb', true],
    ['Prefix', '/aaa/bbb', '/aaa/bbb/', true],
    ['Prefix', '/aaa/bbb', '/aaa/bbb/ccc', true],
    ['Prefix', '/aaa/bbb', '/aaa/bbbxyz', false],
    ['ImplementationSpecific', '/app', '/app/x', true],
  ];
  it.each(cases)('%s %s vs %s → %s', (t, rule, req, want) => {
    expect(pathMatches(p(rule, t), req)).toBe(want);
  });
});

describe('hostMatch', () => {
  const cases: [string | undefined, string, string | undefined][] = [
    ['foo.bar.com', 'foo.bar.com', 'exact'],
    ['*.foo.com', 'bar.foo.com', 'wildcard'],
    ['*.foo.com', 'baz.bar.foo.com', undefined],
    ['*.foo.com', 'foo.com', undefined],
    [undefined, 'anything.io', 'any'],
    ['foo.bar.com', 'bar.foo.com', undefined],
  ];
  it.each(cases)('%s vs %s → %s', (rule, req, want) => {
    expect(hostMatch(rule, req)).toBe(want);
  });
});

function ing(name: string, ts: string, spec: Ingress['spec']): Ingress {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: 'default', creationTimestamp: ts }, spec };
}
const svc = (name: string) => ({ service: { name, port: { number: 80 } } });

describe('routeRequest', () => {
  const a = ing('a', '2025-01-01T00:00:00Z', {
    rules: [
      { host: 'foo.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: svc('root') }, { path: '/api', pathType: 'Prefix', backend: svc('api') }, { path: '/api/v2', pathType: 'Exact', backend: svc('v2') }] } },
      { host: '*.foo.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: svc('wild') }] } },
      { http: { paths: [{ path: '/any', pathType: 'Prefix', backend: svc('any') }] } },
    ],
  });
  const b = ing('b', '2025-01-02T00:00:00Z', { defaultBackend: svc('fallback'), rules: [{ host: 'foo.com', http: { paths: [{ path: '/api', pathType: 'Prefix', backend: svc('newer') }] } }] });
  const cases: [string, string, string][] = [
    ['foo.com', '/', 'root'],
    ['foo.com', '/api/users', 'api'],
    ['foo.com', '/api/v2', 'v2'],
    ['foo.com', '/api/v2/x', 'api'],
    ['foo.com:80', '/apix', 'root'],
    ['x.foo.com', '/', 'wild'],
    ['a.b.foo.com', '/any/1', 'any'],
    ['other.io', '/any', 'any'],
    ['other.io', '/nothing', 'fallback'],
  ];
  it.each(cases)('Host %s, path %s → %s (longest path wins, exact host before wildcard, oldest Ingress on conflicts)', (host, path, want) => {
    const d = routeRequest([b, a], { host, path });
    expect(d.kind === 'backend' ? d.backend.service?.name : d.kind).toBe(want);
  });
  it('no rule and no defaultBackend: 404', () => {
    expect(routeRequest([a], { host: 'other.io', path: '/x' }).kind).toBe('notFound');
  });
});
