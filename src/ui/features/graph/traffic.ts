// Traffic lens: clients → Services → the pods behind them, with request counters. The engine is
// adding per-request data to change batches (a `requests` field) and a `trafficStats` query; this
// file defines the shape the UI expects and folds requests into counters, and draws nothing when
// no request has been seen. (Shape agreed for the engine: one entry per simulated request.)
import type { KubeObject, Pod } from '../../../engine';
import { idOf, idOfObject, type ObjectId } from './ids';
import type { Layout, LayoutEdge, LayoutItem } from './layoutTypes';
import type { ObjectData } from './ownershipLayout';
import { inNamespace, selectorMatches, serviceSelector } from './objects';
import { POD_GAP, POD_H, POD_W } from './placementLayout';

export interface TrafficRequest {
  time?: number;
  /** Where the request came from: a client name (e.g. 'client') or a pod 'namespace/name'. */
  from?: string;
  service: { namespace: string; name: string };
  /** The endpoint kube-proxy picked; absent when no endpoint was ready. */
  pod?: { namespace: string; name: string };
  ok: boolean;
  /** HTTP-like status or error text, for the tooltip. */
  status?: number | string;
}

export interface Counter {
  ok: number;
  failed: number;
}

export interface TrafficCounters {
  /** service id or pod id → counts since the page loaded. */
  totals: Readonly<Record<ObjectId, Counter>>;
  /** edge id → requests in the recent window (drives how many dots run along the edge). */
  recent: Readonly<Record<string, Counter>>;
  seen: boolean;
}

export const EMPTY_COUNTERS: TrafficCounters = { totals: {}, recent: {}, seen: false };
export const CLIENT_ID = 'client:traffic';

export const trafficEdgeId = (source: ObjectId, target: ObjectId) => `traffic:${source}->${target}`;

/** Reads a batch's `requests` field if the engine sent one (tolerates its absence and junk). */
export function requestsOf(batch: unknown): TrafficRequest[] {
  const r = (batch as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(r)) return [];
  return r.filter((x): x is TrafficRequest => !!x && typeof x === 'object' && !!(x as TrafficRequest).service && typeof (x as TrafficRequest).ok === 'boolean');
}

const bump = (m: Record<string, Counter>, k: string, ok: boolean) => {
  const c = m[k] ?? { ok: 0, failed: 0 };
  m[k] = ok ? { ok: c.ok + 1, failed: c.failed } : { ok: c.ok, failed: c.failed + 1 };
};

/** Pure: counters after these requests. `recent` is replaced by this window's counts. */
export function foldRequests(prev: TrafficCounters, reqs: readonly TrafficRequest[]): TrafficCounters {
  if (reqs.length === 0) return prev.seen ? { ...prev, recent: {} } : prev;
  const totals: Record<string, Counter> = { ...prev.totals };
  const recent: Record<string, Counter> = {};
  for (const r of reqs) {
    const svc = idOf('Service', r.service.namespace, r.service.name);
    bump(totals, svc, r.ok);
    bump(recent, trafficEdgeId(CLIENT_ID, svc), r.ok);
    if (r.pod) {
      const pod = idOf('Pod', r.pod.namespace, r.pod.name);
      bump(totals, pod, r.ok);
      bump(recent, trafficEdgeId(svc, pod), r.ok);
    }
  }
  return { totals, recent, seen: true };
}

export function trafficLayout(all: readonly KubeObject[], namespace = ''): Layout {
  const services = all.filter((o) => o.kind === 'Service' && inNamespace(o, namespace)).sort((a, b) => idOfObject(a).localeCompare(idOfObject(b)));
  const pods = (all.filter((o) => o.kind === 'Pod' && inNamespace(o, namespace)) as Pod[]).sort((a, b) => idOfObject(a).localeCompare(idOfObject(b)));
  const items: LayoutItem[] = [];
  const edges: LayoutEdge[] = [];
  if (services.length === 0) return { items, edges };
  const placed = new Set<ObjectId>();
  let cursor = 0;
  const svcCentres: number[] = [];
  for (const s of services) {
    const sid = idOfObject(s);
    const mine = pods.filter((p) => p.metadata.namespace === s.metadata.namespace && selectorMatches(serviceSelector(s), p.metadata.labels));
    const start = cursor;
    for (const p of mine) {
      const pid = idOfObject(p);
      edges.push({ id: trafficEdgeId(sid, pid), source: sid, target: pid, kind: 'traffic' });
      if (placed.has(pid)) continue;
      placed.add(pid);
      items.push({ id: pid, type: 'pod', x: 640, y: cursor, width: POD_W, height: POD_H, z: 1, data: { pod: p } });
      cursor += POD_H + POD_GAP;
    }
    const c = mine.length ? (start + cursor - POD_GAP) / 2 : cursor + 33;
    const y = Math.max(c - 33, svcCentres.length ? svcCentres[svcCentres.length - 1] + 33 + 14 : -Infinity);
    if (!mine.length) cursor += 66 + 14;
    svcCentres.push(y + 33);
    items.push({ id: sid, type: 'service', x: 320, y, width: 240, height: 66, z: 1, data: { obj: s } satisfies ObjectData });
    edges.push({ id: trafficEdgeId(CLIENT_ID, sid), source: CLIENT_ID, target: sid, kind: 'traffic' });
    cursor += 28;
  }
  const mid = (svcCentres[0] + svcCentres[svcCentres.length - 1]) / 2;
  items.unshift({ id: CLIENT_ID, type: 'client', x: 0, y: mid - 40, width: 200, height: 80, z: 1, data: {} });
  return { items, edges };
}
