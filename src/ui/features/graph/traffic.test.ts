import { describe, expect, it } from 'vitest';
import { obj, pod } from './fixtures.test-util';
import { CLIENT_ID, EMPTY_COUNTERS, foldRequests, requestsOf, trafficEdgeId, trafficLayout } from './traffic';

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
    expect(c.recent[trafficEdgeId(CLIENT_ID, 'service:default/web')]).toEqual({ ok: 1, failed: 2 });
    expect(foldRequests(c, []).recent).toEqual({});
    expect(foldRequests(c, []).totals).toBe(c.totals);
  });
  it('lays out client → service → its pods, and nothing without Services', () => {
    expect(trafficLayout([a, b]).items).toEqual([]);
    const l = trafficLayout([svc, a, b]);
    expect(l.items.map((i) => i.id)).toEqual([CLIENT_ID, 'pod:default/web-a', 'pod:default/web-b', 'service:default/web']);
    expect(l.edges.map((e) => e.id).sort()).toEqual([trafficEdgeId(CLIENT_ID, 'service:default/web'), trafficEdgeId('service:default/web', 'pod:default/web-a'), trafficEdgeId('service:default/web', 'pod:default/web-b')].sort());
  });
});
