// The request path of the simulated cluster network: client → (DNS) → node netfilter rules
// programmed by kube-proxy → endpoint → pod → container listening on the port. One place so
// later layers plug in without touching the rest: `filters` (NetworkPolicy: may this packet reach
// this pod?) run before delivery, `listeners` (the ingress controller on a node's :80/:443)
// answer requests to node addresses before kube-proxy's rules. Mirrors no single Kubernetes
// file: it is the dataplane (kernel + kindnet + kube-proxy's rules) that a real cluster does not
// have as one program.
import type { Node, Pod } from '../api/core';
import { keyOf } from '../api/meta';
import type { Informer } from '../client/informer';
import type { ComponentContext } from '../component';
import { lookup, query, resolveA, type DNSAnswer, type DNSData, type RRType } from '../dns/resolver';
import type { Kubelet } from '../kubelet/kubelet';
import { plannedExit, type ContainerInstance } from '../kubelet/runtime';
import { resolveArgv } from '../kubelet/interpreter';
import type { KubeProxy } from '../proxy/proxier';
import type { Hop } from '../proxy/types';
import type { EndpointSlice, Service } from '../api/networking';
import { respond, type HttpResponse } from './responses';

export const KUBE_DNS_IP = '10.96.0.10';
/** Where traffic "from outside" comes from: the docker network's gateway on kind. */
export const EXTERNAL_CLIENT_IP = '172.18.0.1';
const POD_IP_INDEX = 'status.podIP';

export type Client = { kind: 'pod'; pod: Pod } | { kind: 'external'; ip: string };

export type Failure = 'refused' | 'timeout' | 'dns' | 'reset' | 'unreachable' | 'policy';

/**
 * A NetworkPolicy-style check: undefined lets the packet through, a string is why it is dropped.
 * `sourceIP` is the address the pod sees (after any SNAT), `protocol` TCP/UDP.
 */
export type PacketFilter = (client: Client, pod: Pod, port: number, protocol: string, sourceIP: string) => string | undefined;

/** One HTTP request as a listener on a node address sees it (Host header included). */
export interface HostRequest {
  ip: string;
  port: number;
  path: string;
  host: string;
}

/** Something serving on a node's own address (hostPort), e.g. the ingress controller on :80/:443. */
export interface HostListener {
  handles(ip: string, port: number): boolean;
  serve(client: Client, req: HostRequest, at: number): HttpResult;
}

export interface Delivery {
  ok: boolean;
  failure?: Failure;
  message: string;
  hops: Hop[];
  pod?: Pod;
  container?: string;
  instance?: ContainerInstance;
  /** The source address the server sees (after any SNAT). */
  sourceIP: string;
  /** The node that served it and whether the path crossed nodes. */
  crossNode: boolean;
  dstIP: string;
  dstPort: number;
}

export interface HttpResult extends Delivery {
  status?: number;
  body?: string;
  response?: HttpResponse;
  resolvedIP?: string;
}

export class ClusterNetwork {
  readonly filters: PacketFilter[] = [];
  /** Listeners on node addresses, asked before kube-proxy's rules (ingress/controller.ts). */
  readonly listeners: HostListener[] = [];
  private pods!: Informer<Pod>;
  private nodes!: Informer<Node>;
  private services!: Informer<Service>;
  private slices!: Informer<EndpointSlice>;

  constructor(private readonly ctx: ComponentContext, private readonly proxy: KubeProxy, private readonly kubelets: Map<string, Kubelet>) {}

  /** Called before the informers start. */
  start(): void {
    this.pods = this.ctx.informers.for<Pod>({ group: '', resource: 'pods' });
    this.pods.addIndex(POD_IP_INDEX, (p) => (p.status?.podIP ? [p.status.podIP] : []));
    this.nodes = this.ctx.informers.for<Node>({ group: '', resource: 'nodes' });
    this.services = this.ctx.informers.for<Service>({ group: '', resource: 'services' });
    this.slices = this.ctx.informers.for<EndpointSlice>({ group: 'discovery.k8s.io', resource: 'endpointslices' });
  }

  dnsData(): DNSData {
    return { services: this.services.list(), slices: this.slices.list(), zone: this.ctx.config.clusterDomain };
  }

  podByIP(ip: string): Pod | undefined {
    return this.pods.byIndex(POD_IP_INDEX, ip).find((p) => !(p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed'));
  }

  pod(key: string): Pod | undefined {
    return this.pods.get(key);
  }

  nodeIP(node: string): string | undefined {
    return this.nodes.get(node)?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
  }

  nodeByIP(ip: string): Node | undefined {
    return this.nodes.list().find((n) => n.status?.addresses?.some((a) => a.type === 'InternalIP' && a.address === ip));
  }

  private clientNode(client: Client): string | undefined {
    return client.kind === 'pod' ? client.pod.spec.nodeName : undefined;
  }

  private clientIP(client: Client): string {
    return client.kind === 'pod' ? client.pod.status?.podIP ?? '' : client.ip;
  }

  /**
   * DNS as a pod sees it: the query goes to 10.96.0.10:53/UDP, which kube-proxy sends to a
   * ready CoreDNS pod. No ready CoreDNS endpoint → the query times out.
   */
  dns(client: Client, name: string, qtype: RRType, at: number): { ok: true; answer: DNSAnswer; server: string; ips: string[]; cname?: string } | { ok: false; message: string } {
    const path = this.deliver(client, KUBE_DNS_IP, 53, 'UDP', at);
    if (!path.ok) return { ok: false, message: ';; connection timed out; no servers could be reached' };
    const ns = client.kind === 'pod' ? client.pod.metadata.namespace ?? 'default' : 'default';
    const d = this.dnsData();
    if (qtype === 'A') {
      const r = resolveA(d, name, ns);
      return { ok: true, answer: r.answer, server: KUBE_DNS_IP, ips: r.ips, ...(r.cname ? { cname: r.cname } : {}) };
    }
    const answer = /^\d+\.\d+\.\d+\.\d+$/.test(name) ? query(d, name, 'PTR') : lookup(d, name, qtype, ns);
    return { ok: true, answer, server: KUBE_DNS_IP, ips: [] };
  }

  /**
   * One connection from `client` to dstIP:dstPort: through the Service rules of the node the
   * packet enters (the client's node, the node addressed by a NodePort, or a node the cloud load
   * balancer picks), then to the pod, whose container must be listening on the port.
   */
  deliver(client: Client, dstIP: string, dstPort: number, protocol: string, at: number): Delivery {
    const srcIP = this.clientIP(client);
    const hops: Hop[] = [{ kind: 'client', name: client.kind === 'pod' ? keyOf(client.pod) : client.ip }];
    const base = { sourceIP: srcIP, crossNode: false, dstIP, dstPort, hops };
    const fail = (failure: Failure, message: string): Delivery => ({ ...base, ok: false, failure, message });
    if (client.kind === 'pod' && /^127\./.test(dstIP)) {
      // Loopback: the pod's containers share its network namespace (no rules, no policy).
      const pod = client.pod;
      hops.push({ kind: 'pod', name: keyOf(pod), detail: 'localhost' });
      const serving = this.listening(pod, dstPort, protocol, Math.max(at, this.ctx.clock.now()));
      if (!serving) return { ...fail('refused', `dial tcp ${dstIP}:${dstPort}: connect: connection refused`), pod };
      return { ...base, sourceIP: dstIP, ok: true, message: `served by ${keyOf(pod)} (localhost)`, pod, container: serving.container, instance: serving.instance };
    }
    let node = this.clientNode(client);
    let external = client.kind === 'external';
    let target = { ip: dstIP, port: dstPort };
    let entryNode: string | undefined;

    // A LoadBalancer IP: the cloud's load balancer forwards to a healthy node's NodePort.
    const lbEntry = this.findLoadBalancer(dstIP, dstPort, protocol);
    if (lbEntry) {
      const nodes = this.lbNodes(lbEntry.entry.key, lbEntry.entry.externalTrafficPolicy === 'Local');
      if (!nodes.length) return fail('timeout', `load balancer ${dstIP} has no healthy nodes`);
      node = nodes[this.ctx.rng.intn(nodes.length)];
      hops.push({ kind: 'loadbalancer', name: dstIP, detail: `to ${node}:${lbEntry.entry.nodePort ?? dstPort}` });
      external = true;
    }
    const dstNode = this.nodeByIP(dstIP);
    if (dstNode) {
      node = dstNode.metadata.name;
      external = true;
    }
    if (!node) {
      if (client.kind === 'external') return fail('timeout', `${dstIP}:${dstPort} is not reachable from outside the cluster`);
      return fail('unreachable', `pod ${keyOf(client.pod)} is not on a node`);
    }
    entryNode = node;
    const svc = this.proxy.lookup(node, dstIP, dstPort, protocol, !!dstNode);
    if (svc) {
      const r = this.proxy.route(svc.entry, { clientIP: srcIP, node, dstIP, dstPort, protocol, external: svc.external || external, at }, hops);
      if (!r.ok) return fail(r.failure === 'refused' ? 'refused' : r.failure, r.message);
      target = { ip: r.endpoint.ip, port: r.endpoint.port };
    } else if (dstNode) {
      return fail('refused', `nothing listens on ${dstIP}:${dstPort} (no NodePort ${dstPort})`);
    } else if (this.proxy.isServiceIP(node, dstIP)) {
      return fail('timeout', `${dstIP} has no port ${dstPort}/${protocol}`);
    }
    const pod = this.podByIP(target.ip);
    if (!pod) return fail('timeout', `no host has the address ${target.ip}`);
    hops.push({ kind: 'pod', name: keyOf(pod), detail: pod.spec.nodeName });
    const crossNode = pod.spec.nodeName !== entryNode;
    // SNAT: traffic from outside with externalTrafficPolicy Cluster is masqueraded to the entry
    // node (its bridge address on the same node, its node IP across nodes); Local keeps the client.
    let sourceIP = srcIP;
    if (external && svc && svc.entry.externalTrafficPolicy === 'Cluster') {
      const idx = this.kubelets.get(entryNode ?? '')?.config.index;
      sourceIP = crossNode ? this.nodeIP(entryNode ?? '') ?? srcIP : idx !== undefined ? `10.244.${idx}.1` : srcIP;
    }
    for (const f of this.filters) {
      const why = f(client, pod, target.port, protocol, sourceIP);
      if (why) return { ...fail('policy', why), pod, dstIP: target.ip, dstPort: target.port };
    }
    // Requests of a traffic slice are routed with the rules as they are now, so the container is
    // checked now too (a pod that just became Ready is listening by the time its rules exist).
    const serving = this.listening(pod, target.port, protocol, Math.max(at, this.ctx.clock.now()));
    if (!serving) return { ...base, sourceIP, crossNode, ok: false, failure: 'refused', message: `dial tcp ${target.ip}:${target.port}: connect: connection refused`, pod, dstIP: target.ip, dstPort: target.port };
    return { ...base, sourceIP, crossNode, ok: true, message: `served by ${keyOf(pod)}`, pod, container: serving.container, instance: serving.instance, dstIP: target.ip, dstPort: target.port };
  }

  /** The container of `pod` with a running server on `port` at time `at`, if any. */
  listening(pod: Pod, port: number, protocol: string, at: number): { container: string; instance: ContainerInstance } | undefined {
    const k = this.kubelets.get(pod.spec.nodeName ?? '');
    const rec = k?.records[keyOf(pod)];
    if (!rec || rec.uid !== pod.metadata.uid) return undefined;
    // UDP/53 to CoreDNS, or any port of a running server whose image does not say which it uses.
    for (const spec of pod.spec.containers) {
      const inst = rec.containers[spec.name]?.current;
      if (!inst || inst.startedAt > at) continue;
      const end = inst.finishedAt ?? plannedExit(inst, undefined, undefined)?.at ?? Infinity;
      if (end <= at || inst.program.kind !== 'server') continue;
      const ports = inst.program.ports;
      if (ports.includes(port) || (protocol === 'UDP' && ports.includes(53) && port === 53)) return { container: spec.name, instance: inst };
    }
    return undefined;
  }

  private findLoadBalancer(ip: string, port: number, protocol: string): { entry: ReturnType<KubeProxy['table']>[number] } | undefined {
    for (const node of [...this.kubelets.keys()].sort()) {
      const e = this.proxy.table(node).find((x) => x.loadBalancerIPs.includes(ip) && x.port === port && x.protocol === protocol);
      if (e) return { entry: e };
    }
    return undefined;
  }

  /**
   * Nodes the load balancer sends to: Ready workers (kind's control plane carries
   * node.kubernetes.io/exclude-from-external-load-balancers); with externalTrafficPolicy Local
   * only those whose health check passes (a ready endpoint on the node).
   */
  private lbNodes(entryKey: string, local: boolean): string[] {
    const out: string[] = [];
    for (const n of this.nodes.list().sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''))) {
      const name = n.metadata.name ?? '';
      if (n.metadata.labels?.['node.kubernetes.io/exclude-from-external-load-balancers'] !== undefined) continue;
      if (n.status?.conditions?.find((c) => c.type === 'Ready')?.status !== 'True') continue;
      if (local) {
        const e = this.proxy.table(name).find((x) => x.key === entryKey);
        if (!e?.endpoints.some((ep) => ep.nodeName === name && ep.ready)) continue;
      }
      out.push(name);
    }
    return out;
  }

  /**
   * An HTTP GET: DNS for names, then the connection, then the server's answer. `hostHeader`
   * (curl -H 'Host: …') defaults to the host of the URL; only listeners such as the ingress
   * controller look at it.
   */
  http(client: Client, host: string, port: number, path: string, at: number, hostHeader?: string): HttpResult {
    let ip = host === 'localhost' && client.kind === 'pod' ? '127.0.0.1' : host;
    if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip)) {
      const r = this.dns(client, host, 'A', at);
      if (!r.ok || !r.ips.length) {
        return { ok: false, failure: 'dns', message: r.ok ? `Could not resolve host: ${host}` : r.message, hops: [{ kind: 'client', name: client.kind === 'pod' ? keyOf(client.pod) : client.ip }, { kind: 'dns', name: host, detail: r.ok ? 'NXDOMAIN' : 'timeout' }], sourceIP: this.clientIP(client), crossNode: false, dstIP: host, dstPort: port };
      }
      ip = r.ips[0];
    }
    const listener = this.listeners.find((l) => l.handles(ip, port));
    if (listener) {
      const r = listener.serve(client, { ip, port, path, host: hostHeader ?? host }, at);
      if (ip !== host) r.hops.splice(1, 0, { kind: 'dns', name: host, detail: ip });
      return { ...r, resolvedIP: ip };
    }
    const d = this.deliver(client, ip, port, 'TCP', at);
    if (ip !== host) d.hops.splice(1, 0, { kind: 'dns', name: host, detail: ip });
    if (!d.ok || !d.pod || !d.instance) return { ...d, resolvedIP: ip };
    const image = this.ctx.images.get(repositoryOf(d.instance.image));
    const spec = d.pod.spec.containers.find((c) => c.name === d.container);
    const argv = image && spec ? resolveArgv(image, spec.command, spec.args) : [];
    const hostname = d.pod.spec.hostname ?? d.pod.metadata.name ?? '';
    let response = respond(image?.repository ?? '', d.instance, argv, path, hostname, d.pod.status?.podIP ?? '');
    if (response.log === 'nginx' && spec) {
      // nginx serves its html directory: a file there (a shared emptyDir, a ConfigMap) wins.
      const file = this.kubelets.get(d.pod.spec.nodeName ?? '')?.readFile(d.pod, spec, d.instance, `/usr/share/nginx/html${path.endsWith('/') ? `${path}index.html` : path}`);
      if (file !== undefined) response = { ...response, status: 200, body: file };
    }
    if (response.notHttp) return { ...d, ok: false, failure: 'reset', message: 'Empty reply from server', resolvedIP: ip, response };
    return { ...d, status: response.status, body: response.body, response, resolvedIP: ip };
  }
}

/** `docker.io/library/nginx:1.27` → `nginx`, `registry.k8s.io/e2e-test-images/agnhost:2.53` → as is. */
export function repositoryOf(image: string): string {
  let s = image.replace(/@.*$/, '');
  const colon = s.lastIndexOf(':');
  if (colon > s.lastIndexOf('/')) s = s.slice(0, colon);
  return s.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '');
}
