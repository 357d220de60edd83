// Simulated traffic (`sim traffic start|stop|status`): load generators whose requests go down
// the real request path (network.ts: DNS, kube-proxy's rules, the pod's container). Timers are
// batched: one timer per generator per 100 ms slice of simulated time, simulating every request
// due in that slice; an idle cluster (no generator) schedules nothing. No Kubernetes file mirrors
// this; it plays the part of a load tool such as `hey` or `fortio` run against the cluster.
//
// Latency model, worked: base 1 ms + 0.5 ms if the connection crosses nodes + 0.5 ms of server
// time stretched by load, 0.5 / (1 - ρ) with ρ = pod request rate / 1000 req/s (capped at 0.95).
// 3 pods sharing 300 req/s: ρ = 0.1 → 1 + 0.56 ≈ 1.6 ms (2.1 ms across nodes).
//
// In-flight requests: a request's connection lives from its start until start + latency. When a
// container dies without a graceful stop (sim pod crash) the requests of the previous slice that
// were still open on it fail with "connection reset by peer"; everything after goes elsewhere,
// because the pod leaves the endpoints at once.
import type { Pod } from '../api/core';
import { keyOf } from '../api/meta';
import type { Component, ComponentContext } from '../component';
import type { Timer } from '../sim/clock';
import type { Kubelet } from '../kubelet/kubelet';
import type { Hop } from '../proxy/types';
import { accessLine, appendAccess, type AccessLog } from './access_log';
import { EXTERNAL_CLIENT_IP, type Client, type ClusterNetwork, type HttpResult } from './network';

export const SLICE_MS = 100;
const SLICE_TIMER = 'slice';
/** Per-request CPU cost on the serving pod (for the metrics hook, e.g. HPA demos). */
export const CPU_MILLI_PER_RPS = 1;
/** Request events kept for the next ChangeBatch. */
export const REQUEST_EVENTS_CAP = 200;
export const TRAFFIC_USER_AGENT = 'traffic-generator/1.0';

export interface TrafficTarget {
  /** What the user typed: `svc/web`, `172.18.0.3:30080`, `172.18.255.200`. */
  display: string;
  namespace: string;
  host: string;
  port: number;
  path: string;
  /** `ns/svc` for per-Service counters, when the target is a Service. */
  service?: string;
  /** The Host header, when it is not `host` (ingress targets: `--host foo.com`). */
  hostHeader?: string;
}

export interface Generator {
  id: number;
  target: TrafficTarget;
  rps: number;
  /** `namespace/pod`, 'external', or undefined (a virtual in-cluster client). */
  from?: string;
  startedAt: number;
  carry: number;
  nextAt: number;
  seq: number;
  /** The previous slice's successful requests (for in-flight failures). */
  open: { pod: string; container: string; instance: string; doneAt: number; service?: string }[];
}

export interface Counter {
  requests: number;
  errors: number;
  latencyMsTotal: number;
}

export interface RequestEvent {
  time: number;
  target: string;
  pod?: string;
  ok: boolean;
  reason?: string;
  latencyMs?: number;
  status?: number;
  /** The route: client, DNS, load balancer, node, Service, endpoint, pod (compact names). */
  route?: string[];
}

export interface TrafficStats {
  generators: { id: number; target: string; rps: number; from: string; startedAt: number; requests: number; errors: number }[];
  services: Record<string, Counter & { avgLatencyMs: number }>;
  pods: Record<string, Counter & { avgLatencyMs: number }>;
  /** Per generator target. */
  targets: Record<string, Counter & { avgLatencyMs: number }>;
}

interface SavedState {
  nextId: number;
  generators: Generator[];
  services: Record<string, Counter>;
  pods: Record<string, Counter>;
  targets: Record<string, Counter>;
  accessLogs: Record<string, AccessLog>;
  cpu: Record<string, number>;
}

function counter(): Counter {
  return { requests: 0, errors: 0, latencyMsTotal: 0 };
}

function reasonText(r: HttpResult): string {
  switch (r.failure) {
    case 'refused': return `dial tcp ${r.dstIP}:${r.dstPort}: connect: connection refused`;
    case 'timeout': return `dial tcp ${r.dstIP}:${r.dstPort}: i/o timeout`;
    case 'dns': return r.message.startsWith(';;') ? 'dns lookup timed out' : `dial tcp: lookup ${r.dstIP}: no such host`;
    case 'reset': return r.message === 'Empty reply from server' ? 'empty reply from server (not an HTTP server)' : 'connection reset by peer';
    case 'policy': return `dial tcp ${r.dstIP}:${r.dstPort}: i/o timeout (${r.message})`;
    default: return r.message;
  }
}

export class TrafficManager implements Component {
  readonly name = 'traffic';
  running = true;
  private nextId = 1;
  private generators = new Map<number, Generator>();
  private services: Record<string, Counter> = {};
  private pods: Record<string, Counter> = {};
  private targets: Record<string, Counter> = {};
  private accessLogs: Record<string, AccessLog> = {};
  /** CPU this manager has added per pod through the metrics hook. */
  private cpu: Record<string, number> = {};
  private events: RequestEvent[] = [];
  private dropped = 0;

  constructor(private readonly ctx: ComponentContext, private readonly net: ClusterNetwork, private readonly kubelets: Map<string, Kubelet>) {}

  start(): void {}
  hasWork(): boolean {
    return false;
  }
  runOnce(): void {}

  // ------------------------------------------------------------------ verbs

  startGenerator(target: TrafficTarget, rps: number, from: string | undefined): Generator {
    const now = this.ctx.clock.now();
    const g: Generator = { id: this.nextId++, target, rps, from, startedAt: now, carry: 0, nextAt: now, seq: 0, open: [] };
    this.generators.set(g.id, g);
    this.schedule(g);
    this.ctx.trace.record({ component: 'traffic', action: 'start', message: `traffic generator #${g.id}: ${rps} req/s to ${target.display}${target.path !== '/' ? target.path : ''} from ${from ?? 'an in-cluster client'}` });
    return g;
  }

  /** Stop generators (all, or those whose target is `display`). Returns how many stopped. */
  stopGenerators(display?: string): number {
    let n = 0;
    for (const g of [...this.generators.values()]) {
      if (display && g.target.display !== display) continue;
      this.generators.delete(g.id);
      this.ctx.clock.cancel(g.seq);
      n++;
      this.ctx.trace.record({ component: 'traffic', action: 'stop', message: `traffic generator #${g.id} to ${g.target.display} stopped` });
    }
    if (!this.generators.size) this.setCpu({});
    return n;
  }

  list(): Generator[] {
    return [...this.generators.values()];
  }

  stats(): TrafficStats {
    const avg = (c: Counter) => ({ ...c, avgLatencyMs: c.requests - c.errors > 0 ? Math.round((c.latencyMsTotal / (c.requests - c.errors)) * 1000) / 1000 : 0 });
    const map = (r: Record<string, Counter>) => Object.fromEntries(Object.keys(r).sort().map((k) => [k, avg(r[k])]));
    return {
      generators: this.list().map((g) => ({ id: g.id, target: g.target.display, rps: g.rps, from: g.from ?? 'in-cluster', startedAt: g.startedAt, requests: this.targets[g.target.display]?.requests ?? 0, errors: this.targets[g.target.display]?.errors ?? 0 })),
      services: map(this.services),
      pods: map(this.pods),
      targets: map(this.targets),
    };
  }

  /** Request events since the last call (capped; the counters hold the full totals). */
  drainEvents(): RequestEvent[] {
    const out = this.events;
    this.events = [];
    this.dropped = 0;
    return out;
  }

  /** Access-log lines of a container instance (`ns/pod/container`), oldest first. */
  accessLog(podKey: string, container: string, instanceId: string): { at: number; text: string }[] {
    const l = this.accessLogs[`${podKey}/${container}`];
    return l && l.instance === instanceId ? l.lines.slice(-100) : [];
  }

  /** Record one request made by `kubectl exec … curl/wget` (access log and counters). */
  recordExternal(r: HttpResult, at: number, path: string, userAgent: string): void {
    this.serve(r, at, path, userAgent);
  }

  // ------------------------------------------------------------------ the slice loop

  private schedule(g: Generator): void {
    g.seq = this.ctx.clock.schedule(g.nextAt + SLICE_MS, this.name, SLICE_TIMER, { id: g.id, at: g.nextAt });
  }

  onTimer(t: Timer): void {
    if (t.kind !== SLICE_TIMER) return;
    const { id, at } = t.payload as { id: number; at: number };
    const g = this.generators.get(id);
    if (!g || g.nextAt !== at) return;
    this.runSlice(g, at);
    g.nextAt = at + SLICE_MS;
    this.schedule(g);
  }

  private client(g: Generator): Client | string {
    if (g.from === 'external') return { kind: 'external', ip: EXTERNAL_CLIENT_IP };
    if (g.from) {
      const p = this.net.pod(g.from);
      if (!p || !p.status?.podIP || p.metadata.deletionTimestamp) return `client pod ${g.from} is not running`;
      return { kind: 'pod', pod: p };
    }
    // A virtual client on the first worker (kind-worker), like a load tool run in a pod there.
    const node = [...this.kubelets.values()].map((k) => k.config).filter((c) => !c.taints.some((x) => x.effect === 'NoSchedule')).sort((a, b) => a.index - b.index)[0] ?? [...this.kubelets.values()][0]?.config;
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'traffic-generator', namespace: g.target.namespace }, spec: { containers: [], nodeName: node?.name }, status: { podIP: `10.244.${node?.index ?? 1}.250` } } as unknown as Pod;
    return { kind: 'pod', pod };
  }

  /**
   * The requests due in [at, at + 100 ms): n = rps × 0.1 plus the fraction carried over
   * (15 req/s → 1, 2, 1, 2… per slice), spread evenly over the slice.
   */
  private runSlice(g: Generator, at: number): void {
    this.failInFlight(g, at);
    const due = g.rps * (SLICE_MS / 1000) + g.carry;
    const n = Math.floor(due + 1e-9);
    g.carry = due - n;
    if (n <= 0) return;
    const client = this.client(g);
    const results: { t: number; r: HttpResult }[] = [];
    let host = g.target.host;
    if (typeof client !== 'string' && !/^\d+\.\d+\.\d+\.\d+$/.test(host)) {
      // One lookup per slice (the client's resolver caches for the TTL anyway).
      const d = this.net.dns(client, host, 'A', at);
      if (d.ok && d.ips.length) host = d.ips[0];
    }
    for (let i = 0; i < n; i++) {
      const t = at + Math.floor((i * SLICE_MS) / n);
      if (typeof client === 'string') {
        results.push({ t, r: { ok: false, failure: 'unreachable', message: client, hops: [], sourceIP: '', crossNode: false, dstIP: host, dstPort: g.target.port } });
        continue;
      }
      results.push({ t, r: this.net.http(client, host, g.target.port, g.target.path, t, g.target.hostHeader) });
    }
    // Load per pod in this slice → latency and CPU.
    const perPod = new Map<string, number>();
    for (const { r } of results) if (r.ok && r.pod) perPod.set(keyOf(r.pod), (perPod.get(keyOf(r.pod)) ?? 0) + 1);
    g.open = [];
    for (const { t, r } of results) {
      let latency: number | undefined;
      if (r.ok && r.pod) {
        const rps = (perPod.get(keyOf(r.pod)) ?? 0) * (1000 / SLICE_MS);
        const rho = Math.min(0.95, rps / 1000);
        latency = Math.round((1 + (r.crossNode ? 0.5 : 0) + 0.5 / (1 - rho)) * 1000) / 1000;
        g.open.push({ pod: keyOf(r.pod), container: r.container ?? '', instance: r.instance?.id ?? '', doneAt: t + latency, service: g.target.service });
      }
      this.count(g, r, t, latency);
      if (r.ok) this.serve(r, t, g.target.path, TRAFFIC_USER_AGENT);
    }
    this.setCpu(Object.fromEntries([...perPod].map(([k, c]) => [k, c * (1000 / SLICE_MS) * CPU_MILLI_PER_RPS])));
  }

  /** Requests still open on a container that has since died (not a graceful stop) fail. */
  private failInFlight(g: Generator, now: number): void {
    for (const o of g.open) {
      const pod = this.net.pod(o.pod);
      const rec = pod ? this.kubelets.get(pod.spec.nodeName ?? '')?.records[o.pod] : undefined;
      const c = rec?.containers[o.container];
      const inst = c?.current?.id === o.instance ? c.current : c?.previous?.id === o.instance ? c.previous : undefined;
      const died = inst?.finishedAt !== undefined && inst.finishedAt < o.doneAt && inst.finishedAt <= now && inst.stopRequestedAt === undefined;
      if (!died) continue;
      const ev: RequestEvent = { time: inst!.finishedAt!, target: g.target.display, pod: o.pod, ok: false, reason: 'connection reset by peer (in flight when the container died)' };
      this.bump(this.targets, g.target.display, 0, 1);
      this.bump(this.pods, o.pod, 0, 1);
      if (o.service) this.bump(this.services, o.service, 0, 1);
      this.pushEvent(ev);
    }
    g.open = [];
  }

  private bump(r: Record<string, Counter>, k: string, requests: number, errors: number, latency = 0): void {
    const c = (r[k] ??= counter());
    c.requests += requests;
    c.errors += errors;
    c.latencyMsTotal = Math.round((c.latencyMsTotal + latency) * 1000) / 1000;
  }

  private count(g: Generator, r: HttpResult, t: number, latency: number | undefined): void {
    // A 5xx answer (an ingress controller's 503 for a missing Service) is an error too.
    const err = r.ok && (r.status ?? 200) < 500 ? 0 : 1;
    this.bump(this.targets, g.target.display, 1, err, latency);
    if (g.target.service) this.bump(this.services, g.target.service, 1, err, latency);
    if (r.pod) this.bump(this.pods, keyOf(r.pod), 1, err, latency);
    this.pushEvent({
      time: t,
      target: g.target.display,
      ...(r.pod ? { pod: keyOf(r.pod) } : {}),
      ok: r.ok,
      ...(r.ok ? (err ? { reason: `HTTP ${r.status}` } : {}) : { reason: reasonText(r) }),
      ...(latency !== undefined ? { latencyMs: latency } : {}),
      ...(r.status ? { status: r.status } : {}),
      route: r.hops.map((h: Hop) => h.name),
    });
  }

  private pushEvent(e: RequestEvent): void {
    if (this.events.length < REQUEST_EVENTS_CAP) this.events.push(e);
    else this.dropped++;
  }

  /** A served request: the server's access-log line. */
  private serve(r: HttpResult, t: number, path: string, userAgent: string): void {
    if (!r.ok || !r.pod || !r.instance || !r.response?.log) return;
    const key = `${keyOf(r.pod)}/${r.container}`;
    const text = accessLine(r.response.log, r.sourceIP, this.ctx.clock.epochMs + t, path, r.status ?? 200, utf8Length(r.body ?? ''), userAgent);
    appendAccess(this.accessLogs, key, r.instance.id, { at: t, text });
  }

  /** Keep the metrics hook's per-pod load equal to `want` (millicores). */
  private setCpu(want: Record<string, number>): void {
    const m = this.ctx.metrics;
    const keys = new Set([...Object.keys(this.cpu), ...Object.keys(want)]);
    for (const k of [...keys].sort()) {
      const delta = (want[k] ?? 0) - (this.cpu[k] ?? 0);
      if (delta !== 0) m?.addCpuLoad(k, delta);
      if (want[k]) this.cpu[k] = want[k];
      else delete this.cpu[k];
    }
  }

  save(): SavedState {
    return JSON.parse(JSON.stringify({
      nextId: this.nextId, generators: [...this.generators.values()], services: this.services, pods: this.pods,
      targets: this.targets, accessLogs: this.accessLogs, cpu: this.cpu,
    })) as SavedState;
  }

  load(state: unknown): void {
    const s = JSON.parse(JSON.stringify(state)) as SavedState;
    this.nextId = s.nextId;
    this.generators = new Map(s.generators.map((g) => [g.id, g]));
    this.services = s.services;
    this.pods = s.pods;
    this.targets = s.targets;
    this.accessLogs = s.accessLogs;
    this.cpu = s.cpu;
  }
}

/** Bytes of a UTF-8 string (the body size in the access log), without Node's Buffer. */
function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
