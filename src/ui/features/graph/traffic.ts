// Traffic lens: clients → Services → the pods behind them, with request counters. The engine
// sends its simulated requests on change batches (`requests`: RequestEvent, one per request,
// capped per batch) and answers a `trafficStats` query with exact counters. This file turns the
// engine's events into the lens's TrafficRequest (which Service, which pod, ok or why not),
// folds them into per-edge counts for the animation, and takes totals from the stats.
import type { KubeObject, Pod, RequestEvent, TrafficStats } from '../../../engine';
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
  /** Why it failed ("connect: connection refused", "HTTP 503"), for the tooltip. */
  reason?: string;
}

export interface Counter {
  ok: number;
  failed: number;
}

/** Per-edge counts of the recent window, with the latest failure reasons (at most a few). */
export interface EdgeCounter extends Counter {
  reasons?: readonly string[];
}

export interface TrafficCounters {
  /** service id or pod id → counts since the page loaded. */
  totals: Readonly<Record<ObjectId, Counter>>;
  /** edge id → requests in the recent window (drives how many dots run along the edge). */
  recent: Readonly<Record<string, EdgeCounter>>;
  seen: boolean;
}

export const EMPTY_COUNTERS: TrafficCounters = { totals: {}, recent: {}, seen: false };
export const CLIENT_ID = 'client:traffic';

export const trafficEdgeId = (source: ObjectId, target: ObjectId) => `traffic:${source}->${target}`;

const splitKey = (k: string): { namespace: string; name: string } | undefined => {
  const i = k.indexOf('/');
  return i > 0 ? { namespace: k.slice(0, i), name: k.slice(i + 1) } : undefined;
};

/**
 * One engine RequestEvent as the lens sees it, or undefined when it concerns no Service (a
 * request to a node address with no NodePort, say). Which Service: the route's Service hop
 * (`namespace/name`, one of `services`), else the target `svc/NAME` in the namespace of the
 * pod it reached or of its DNS name (`web.default.svc.cluster.local`), else `default`.
 * A request that got an answer counts as failed when the engine gave a reason (a 5xx).
 */
export function fromRequestEvent(e: RequestEvent, services: ReadonlySet<string>): TrafficRequest | undefined {
  const route = e.route ?? [];
  let service = splitKey(route.find((h) => services.has(h)) ?? '');
  if (!service && e.target.startsWith('svc/')) {
    const name = e.target.slice(4);
    const dns = route.map((h) => (h.startsWith(`${name}.`) ? h.slice(name.length + 1).split('.') : [])).find((p) => p[1] === 'svc');
    const namespace = dns?.[0] ?? (e.pod ? splitKey(e.pod)?.namespace : undefined) ?? 'default';
    service = { namespace, name };
  }
  if (!service) return undefined;
  const pod = e.pod ? splitKey(e.pod) : undefined;
  const ok = e.ok && !e.reason;
  return {
    time: e.time,
    service,
    ...(pod ? { pod } : {}),
    ok,
    ...(e.status !== undefined ? { status: e.status } : {}),
    ...(ok ? {} : { reason: e.reason ?? 'failed' }),
  };
}

/**
 * Reads a batch's `requests` field if the engine sent one (tolerates its absence and junk):
 * engine RequestEvents are converted (see fromRequestEvent); entries already in the lens's
 * shape pass through.
 */
export function requestsOf(batch: unknown, services: ReadonlySet<string> = new Set()): TrafficRequest[] {
  const r = (batch as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(r)) return [];
  const out: TrafficRequest[] = [];
  for (const x of r as unknown[]) {
    if (!x || typeof x !== 'object' || typeof (x as { ok?: unknown }).ok !== 'boolean') continue;
    if ((x as TrafficRequest).service) out.push(x as TrafficRequest);
    else if (typeof (x as RequestEvent).target === 'string') {
      const t = fromRequestEvent(x as RequestEvent, services);
      if (t) out.push(t);
    }
  }
  return out;
}

const MAX_REASONS = 3;

const bump = (m: Record<string, EdgeCounter>, k: string, ok: boolean, reason?: string) => {
  const c = m[k] ?? { ok: 0, failed: 0 };
  if (ok) m[k] = { ...c, ok: c.ok + 1 };
  else {
    const reasons = reason && !c.reasons?.includes(reason) ? [...(c.reasons ?? []), reason].slice(-MAX_REASONS) : c.reasons;
    m[k] = { ...c, failed: c.failed + 1, ...(reasons ? { reasons } : {}) };
  }
};

/** Pure: counters after these requests. `recent` is replaced by this window's counts. */
export function foldRequests(prev: TrafficCounters, reqs: readonly TrafficRequest[]): TrafficCounters {
  if (reqs.length === 0) return prev.seen ? { ...prev, recent: {} } : prev;
  const totals: Record<string, Counter> = { ...prev.totals };
  const recent: Record<string, EdgeCounter> = {};
  for (const r of reqs) {
    const svc = idOf('Service', r.service.namespace, r.service.name);
    const why = r.reason ?? (typeof r.status === 'string' ? r.status : undefined);
    bump(totals, svc, r.ok);
    if (r.pod) {
      // Failed before the Service picked a pod (no endpoints): the client → Service edge fails.
      // Failed at the pod (connection refused, reset): the Service → pod edge fails.
      bump(recent, trafficEdgeId(CLIENT_ID, svc), true);
      const pod = idOf('Pod', r.pod.namespace, r.pod.name);
      bump(totals, pod, r.ok);
      bump(recent, trafficEdgeId(svc, pod), r.ok, why);
    } else bump(recent, trafficEdgeId(CLIENT_ID, svc), r.ok, why);
  }
  return { totals, recent, seen: true };
}

/**
 * Totals from the engine's exact counters (batches carry at most a capped sample of requests):
 * Service and pod ids → { ok, failed }. Undefined when the engine has counted nothing yet.
 */
export function totalsFromStats(stats: TrafficStats | null | undefined): Record<ObjectId, Counter> | undefined {
  if (!stats || typeof stats !== 'object') return undefined;
  const totals: Record<ObjectId, Counter> = {};
  const put = (kind: 'Service' | 'Pod', m: TrafficStats['services'] | undefined) => {
    for (const [k, c] of Object.entries(m ?? {})) {
      const ref = splitKey(k);
      if (ref) totals[idOf(kind, ref.namespace, ref.name)] = { ok: c.requests - c.errors, failed: c.errors };
    }
  };
  put('Service', stats.services);
  put('Pod', stats.pods);
  return Object.keys(totals).length ? totals : undefined;
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
