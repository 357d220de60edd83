// kube-proxy: mirrors cmd/kube-proxy and pkg/proxy/iptables/proxier.go (syncProxyRules). One
// kube-proxy runs on every node (a DaemonSet pod on kind); here one component holds each node's
// programmed table. A change to Services or EndpointSlices queues one sync, which rebuilds the
// desired table (service_table.ts) and programs it on every node whose kubelet is up: a node
// whose kubelet has failed keeps routing with the rules it had (stale endpoints included), as a
// partitioned node would.
import type { Node } from '../api/core';
import type { EndpointSlice, Service } from '../api/networking';
import type { Informer } from '../client/informer';
import { WorkQueue, clearQueue } from '../client/workqueue';
import type { Component, ComponentContext } from '../component';
import { canonicalJSON } from '../apiserver/validation/generic';
import { buildServiceTable } from './service_table';
import { endpointsFor, pickEndpoint } from './topology';
import type { Connection, Hop, RouteResult, ServicePortEntry } from './types';

const SYNC_KEY = 'syncProxyRules';

interface AffinityRecord {
  ip: string;
  port: number;
  last: number;
}

interface SavedState {
  programmed: Record<string, Record<string, ServicePortEntry>>;
  affinity: Record<string, AffinityRecord>;
}

export class KubeProxy implements Component {
  readonly name = 'kube-proxy';
  running = true;
  private readonly queue = new WorkQueue();
  private services!: Informer<Service>;
  private slices!: Informer<EndpointSlice>;
  private nodes!: Informer<Node>;
  /** node → service port key → entry: what each node's iptables rules say. */
  private programmed: Record<string, Record<string, ServicePortEntry>> = {};
  /** `node|service port|client IP` → the endpoint it is stuck to (the `recent` module). */
  private affinity: Record<string, AffinityRecord> = {};
  /** Lookup indexes per node, rebuilt from `programmed` on demand (not saved). */
  private indexes = new Map<string, Map<string, string>>();

  constructor(private readonly ctx: ComponentContext) {}

  start(): void {
    this.services = this.ctx.informers.for<Service>({ group: '', resource: 'services' });
    this.slices = this.ctx.informers.for<EndpointSlice>({ group: 'discovery.k8s.io', resource: 'endpointslices' });
    this.nodes = this.ctx.informers.for<Node>({ group: '', resource: 'nodes' });
    const kick = () => this.queue.add(SYNC_KEY);
    this.services.addHandler({ add: kick, update: kick, delete: kick });
    this.slices.addHandler({ add: kick, update: kick, delete: kick });
    this.nodes.addHandler({ add: kick, update: kick, delete: kick });
    // A kubelet coming back (sim node recover) lets that node's kube-proxy catch up.
    this.ctx.heartbeats.onChange(kick);
  }

  hasWork(): boolean {
    return this.running && this.queue.len() > 0;
  }

  runOnce(): void {
    while (this.queue.get() !== undefined);
    this.syncProxyRules();
  }

  discardQueuedWork(): void {
    clearQueue(this.queue);
  }

  save(): SavedState {
    return JSON.parse(JSON.stringify({ programmed: this.programmed, affinity: this.affinity })) as SavedState;
  }

  load(state: unknown): void {
    const s = JSON.parse(JSON.stringify(state)) as SavedState;
    this.programmed = s.programmed ?? {};
    this.affinity = s.affinity ?? {};
    this.indexes.clear();
  }

  /** syncProxyRules: the desired table, written on every node that can take it. */
  private syncProxyRules(): void {
    const desired = buildServiceTable(this.services.list(), this.slices.list());
    const text = canonicalJSON(desired);
    const nodeNames = this.nodes.list().map((n) => n.metadata.name ?? '').sort();
    const changed: string[] = [];
    for (const node of nodeNames) {
      if (!this.ctx.heartbeats.isAlive(node)) continue;
      if (this.programmed[node] && canonicalJSON(this.programmed[node]) === text) continue;
      this.programmed[node] = JSON.parse(text) as Record<string, ServicePortEntry>;
      this.indexes.delete(node);
      changed.push(node);
    }
    for (const node of Object.keys(this.programmed)) {
      if (!nodeNames.includes(node)) {
        delete this.programmed[node];
        this.indexes.delete(node);
      }
    }
    if (changed.length) {
      const entries = Object.values(desired);
      const eps = entries.reduce((n, e) => n + e.endpoints.length, 0);
      this.ctx.trace.record({
        component: 'kube-proxy',
        action: 'sync',
        message: `programmed ${entries.length} service port(s) with ${eps} endpoint(s) on ${changed.join(', ')}`,
        details: { nodes: changed, services: entries.map((e) => ({ key: e.key, clusterIP: e.clusterIP, port: e.port, nodePort: e.nodePort, endpoints: e.endpoints.map((x) => `${x.ip}:${x.port}${x.ready ? '' : x.serving ? ' (terminating)' : ' (not ready)'}`) })) },
      });
    }
  }

  /** The table a node has programmed (for the UI and `describe`-style explanations). */
  table(node: string): ServicePortEntry[] {
    return Object.values(this.programmed[node] ?? {});
  }

  private index(node: string): Map<string, string> {
    let idx = this.indexes.get(node);
    if (idx) return idx;
    idx = new Map();
    for (const e of Object.values(this.programmed[node] ?? {})) {
      idx.set(`vip|${e.clusterIP}|${e.port}|${e.protocol}`, e.key);
      for (const ip of e.loadBalancerIPs) idx.set(`ext|${ip}|${e.port}|${e.protocol}`, e.key);
      for (const ip of e.externalIPs) idx.set(`ext|${ip}|${e.port}|${e.protocol}`, e.key);
      if (e.nodePort) idx.set(`np|${e.nodePort}|${e.protocol}`, e.key);
    }
    this.indexes.set(node, idx);
    return idx;
  }

  /** The Service port a destination names on this node, if any (and whether it is external). */
  lookup(node: string, dstIP: string, dstPort: number, protocol: string, dstIsNode: boolean): { entry: ServicePortEntry; external: boolean } | undefined {
    const idx = this.index(node);
    const table = this.programmed[node] ?? {};
    let key = idx.get(`vip|${dstIP}|${dstPort}|${protocol}`);
    if (key) return { entry: table[key], external: false };
    key = idx.get(`ext|${dstIP}|${dstPort}|${protocol}`);
    if (key) return { entry: table[key], external: true };
    if (dstIsNode) {
      key = idx.get(`np|${dstPort}|${protocol}`);
      if (key) return { entry: table[key], external: true };
    }
    return undefined;
  }

  /** True when `ip` is a ClusterIP programmed on the node (on any port). */
  isServiceIP(node: string, ip: string): boolean {
    return Object.values(this.programmed[node] ?? {}).some((e) => e.clusterIP === ip);
  }

  /**
   * Route one new connection through a Service port's rules on `conn.node`:
   *   - no endpoints at all, or none usable → REJECT (`connect: connection refused`);
   *   - a Local traffic policy with no endpoint on this node → DROP (the client times out);
   *   - ClientIP affinity → the endpoint this client used last, while it is still a candidate
   *     and the timeout (default 10800 s) has not run out since its last use;
   *   - otherwise one candidate uniformly at random (the statistic chain, topology.ts).
   */
  route(entry: ServicePortEntry, conn: Connection, hops: Hop[]): RouteResult {
    const svcHop: Hop = { kind: 'service', name: entry.service, detail: `${entry.clusterIP}:${entry.port}/${entry.protocol}${entry.nodePort ? ` (nodePort ${entry.nodePort})` : ''}` };
    hops.push({ kind: 'node', name: conn.node, detail: 'kube-proxy (iptables)' }, svcHop);
    const { candidates, local } = endpointsFor(entry, conn.node, conn.external);
    if (!candidates.length) {
      const anyUsable = endpointsFor(entry, conn.node, false).candidates.length > 0 || entry.endpoints.some((e) => e.ready);
      if (local && anyUsable) {
        return { ok: false, failure: 'timeout', message: `${entry.service} has no local endpoints on ${conn.node}: the packet is dropped`, hops };
      }
      return { ok: false, failure: 'refused', message: `${entry.service} has no endpoints: kube-proxy rejects the connection`, hops };
    }
    let chosen = undefined as (typeof candidates)[number] | undefined;
    const akey = `${conn.node}|${entry.key}|${conn.clientIP}`;
    if (entry.affinitySeconds !== undefined) {
      const rec = this.affinity[akey];
      if (rec && conn.at - rec.last <= entry.affinitySeconds * 1000) chosen = candidates.find((c) => c.ip === rec.ip && c.port === rec.port);
    }
    chosen ??= pickEndpoint(candidates, this.ctx.rng);
    if (entry.affinitySeconds !== undefined) this.affinity[akey] = { ip: chosen.ip, port: chosen.port, last: conn.at };
    hops.push({ kind: 'endpoint', name: `${chosen.ip}:${chosen.port}`, detail: `1 of ${candidates.length} ${local ? 'local ' : ''}endpoint(s)${entry.affinitySeconds !== undefined ? ', ClientIP affinity' : ''}` });
    return { ok: true, entry, endpoint: chosen, hops };
  }
}
