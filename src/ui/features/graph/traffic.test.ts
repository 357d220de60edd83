import { describe, expect, it } from 'vitest';
import { obj, pod } from './fixtures.test-util';
import { CLIENT_ID, EMPTY_COUNTERS, foldRequests, fromRequestEvent, requestsOf, totalsFromStats, trafficEdgeId, trafficLayout } from './traffic';

const svc = { ...obj('Service', 'web', { spec: { selector: { app: 'web' } } }), apiVersion: 'v1' };
const a = pod('web-a', 'n1', { labels: { app: 'web' } });
const b = pod('web-b', 'n2', { labels: { app: 'web' } });

describe('traffic', () => {
  it('reads requests from a batch only when present', () => {
    expect(requestsOf({ time: 1, changes: [] })).toEqual([]);
    expect(requestsOf({ requests: [{ service: { namespace: 'default', name: 'web' }, ok: true }, { junk: 1 }] })).toHaveLength(1);
  });
  it('counts requests per service, per pod and per edge, failures apart', () => {
    const c = foldRequests(EMPTY_COUNTERS, [
      { service: { namespace: 'default', name: 'web' }, pod: { namespace: 'default', name: 'web-a' }, ok: true },
      { service: { namespace: 'default', name: 'web' }, pod: { namespace: 'default', name: 'web-a' }, ok: false },
      { service: { namespace: 'default', name: 'web' }, ok: false },
    ]);
    expect(c.totals['service:default/web']).toEqual({ ok: 1, failed: 2 });
    expect(c.totals['pod:default/web-a']).toEqual({ ok: 1, failed: 1 });
    // The failure at the pod shows on the Service → pod edge; the one without a pod before it.
    expect(c.recent[trafficEdgeId(CLIENT_ID, 'service:default/web')]).toMatchObject({ ok: 2, failed: 1 });
    expect(c.recent[trafficEdgeId('service:default/web', 'pod:default/web-a')]).toMatchObject({ ok: 1, failed: 1 });
    expect(foldRequests(c, []).recent).toEqual({});
    expect(foldRequests(c, []).totals).toBe(c.totals);
  });
  it('reads the engine\'s RequestEvents: Service from the route, failures with their reason', () => {
    const services = new Set(['shop/web']);
    expect(fromRequestEvent({ time: 1, target: 'svc/web', pod: 'shop/web-a', ok: true, status: 200, route: ['default/traffic-generator', 'web.shop.svc.cluster.local', 'kind-worker', 'shop/web', 'shop/web-a'] }, services)).toEqual({
      time: 1, service: { namespace: 'shop', name: 'web' }, pod: { namespace: 'shop', name: 'web-a' }, ok: true, status: 200,
    });
    // No Service hop (DNS failed): the namespace comes from the DNS name.
    expect(fromRequestEvent({ time: 2, target: 'svc/web', ok: false, reason: 'dial tcp: lookup web: no such host', route: ['x', 'web.shop.svc.cluster.local'] }, new Set())).toMatchObject({ service: { namespace: 'shop', name: 'web' }, ok: false, reason: 'dial tcp: lookup web: no such host' });
    // A 503 is answered (ok) but counts as failed.
    expect(fromRequestEvent({ time: 3, target: 'svc/web', pod: 'shop/web-a', ok: true, status: 503, reason: 'HTTP 503' }, services)?.ok).toBe(false);
    expect(fromRequestEvent({ time: 4, target: '172.18.0.3:1234', ok: false, reason: 'refused' }, services)).toBeUndefined();
    expect(requestsOf({ requests: [{ time: 1, target: 'svc/web', ok: true, route: ['shop/web'] }] }, services)).toHaveLength(1);
  });
  it('takes totals from the engine\'s stats', () => {
    const c = { requests: 10, errors: 2, latencyMsTotal: 0, avgLatencyMs: 0 };
    expect(totalsFromStats({ generators: [], services: { 'default/web': c }, pods: { 'default/web-a': c }, targets: {} })).toEqual({ 'service:default/web': { ok: 8, failed: 2 }, 'pod:default/web-a': { ok: 8, failed: 2 } });
    expect(totalsFromStats({ generators: [], services: {}, pods: {}, targets: {} })).toBeUndefined();
  });
  it('lays out client → service → its pods, and nothing without Services', () => {
    expect(trafficLayout([a, b]).items).toEqual([]);
    const l = trafficLayout([svc, a, b]);
    expect(l.items.map((i) => i.id)).toEqual([CLIENT_ID, 'pod:default/web-a', 'pod:default/web-b', 'service:default/web']);
    expect(l.edges.map((e) => e.id).sort()).toEqual([trafficEdgeId(CLIENT_ID, 'service:default/web'), trafficEdgeId('service:default/web', 'pod:default/web-a'), trafficEdgeId('service:default/web', 'pod:default/web-b')].sort());
  });
});
