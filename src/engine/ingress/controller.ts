// A simulated ingress-nginx controller (kubernetes/ingress-nginx: internal/ingress/controller,
// internal/ingress/status): it serves the Ingresses of IngressClasses whose spec.controller is
// `k8s.io/ingress-nginx`, publishes its address in status.loadBalancer.ingress, and proxies
// requests arriving on :80/:443 of the node it runs on (kind's ingress setup: hostPorts on the
// control-plane node) to the backend Service. Really a pod in the ingress-nginx namespace; here a
// component, like the cloud's service controller.
//
// Worked example: `kubectl create ingress web --rule="foo.com/=web:80"` at t=100 s → Event Sync
// "Scheduled for sync"; at 110 s status.loadBalancer.ingress [{ip: 172.18.0.2}] (ADDRESS column)
// and a second Sync. `curl -H 'Host: foo.com' http://172.18.0.2/` → routing.ts picks web:80 →
// kube-proxy's rules for web's ClusterIP → a web pod.
import type { Pod } from '../api/core';
import { keyOf, splitKey } from '../api/meta';
import type { EndpointSlice, Ingress, IngressClass, Service } from '../api/networking';
import { ANN_INGRESS_CLASS } from '../api/networking';
import type { Informer } from '../client/informer';
import type { Recorder } from '../client/recorder';
import type { ComponentContext } from '../component';
import { Controller } from '../controllers/controller';
import type { Node } from '../api/core';
import type { Hop } from '../proxy/types';
import type { Timer } from '../sim/clock';
import type { Client, ClusterNetwork, HostListener, HostRequest, HttpResult } from '../traffic/network';
import { errorPage } from './pages';
import { routeRequest, type RouteDecision } from './routing';

export const INGRESS_NGINX_CONTROLLER = 'k8s.io/ingress-nginx';
export const INGRESS_NGINX_NAMESPACE = 'ingress-nginx';
/** The node whose :80/:443 the controller listens on (kind's ingress guide: ingress-ready=true). */
export const INGRESS_NODE = 'kind-control-plane';
/**
 * ingress-nginx updates Ingress status from a periodic loop (statusSync, every 60 s at most);
 * the simulation publishes the address 10 s after it first sees an Ingress.
 */
export const STATUS_SYNC_MS = 10_000;
/** The controller pod's address on the control-plane node's pod network. */
export const CONTROLLER_POD_IP = '10.244.0.250';

const INGRESSES = { group: 'networking.k8s.io', resource: 'ingresses' };
const CLASSES = { group: 'networking.k8s.io', resource: 'ingressclasses' };
const STATUS_TIMER = 'statusSync';

interface State {
  pending: [string, number][];
  seen: [string, string][];
  lastTrace: string;
}

export class IngressNginxController extends Controller implements HostListener {
  private readonly ingresses: Informer<Ingress>;
  private readonly classes: Informer<IngressClass>;
  private readonly services: Informer<Service>;
  private readonly slices: Informer<EndpointSlice>;
  private readonly nodes: Informer<Node>;
  private readonly recorder: Recorder;
  /** Ingress key → when its status will be published. */
  private pending = new Map<string, number>();
  /** Ingress key → the resourceVersion last "Scheduled for sync". */
  private seen = new Map<string, string>();
  private lastTrace = '';

  constructor(ctx: ComponentContext, private readonly net: ClusterNetwork) {
    super('ingress-nginx-controller', ctx);
    this.ingresses = ctx.informers.for<Ingress>(INGRESSES);
    this.classes = ctx.informers.for<IngressClass>(CLASSES);
    this.services = ctx.informers.for<Service>({ group: '', resource: 'services' });
    this.slices = ctx.informers.for<EndpointSlice>({ group: 'discovery.k8s.io', resource: 'endpointslices' });
    this.nodes = ctx.informers.for<Node>({ group: '', resource: 'nodes' });
    this.recorder = ctx.events.for({ component: 'nginx-ingress-controller' });
    net.listeners.push(this);
  }

  start(): void {
    this.ingresses.addHandler({
      add: (i) => this.enqueue(keyOf(i)),
      update: (_o, i) => this.enqueue(keyOf(i)),
      delete: (i) => this.enqueue(keyOf(i)),
    });
    const all = () => {
      for (const i of this.ingresses.list()) this.enqueue(keyOf(i));
    };
    this.classes.addHandler({ add: all, update: all, delete: all });
    this.nodes.addHandler({ add: all, update: () => {}, delete: all });
  }

  /** The listener side: requests to the control-plane node's :80/:443 are ours. */
  handles(ip: string, port: number): boolean {
    return this.running && (port === 80 || port === 443) && ip === this.address();
  }

  /** Is this Ingress ours? Its class (or the deprecated annotation) names an nginx IngressClass. */
  private ours(i: Ingress): boolean {
    const cls = i.spec.ingressClassName ?? i.metadata.annotations?.[ANN_INGRESS_CLASS];
    if (!cls) return false;
    return this.classes.get(cls)?.spec.controller === INGRESS_NGINX_CONTROLLER;
  }

  /** What ingress-nginx publishes without --publish-service: the IP of the node it runs on. */
  address(): string | undefined {
    return this.nodes.get(INGRESS_NODE)?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
  }

  protected sync(key: string): void {
    const ing = this.ingresses.get(key);
    if (!ing) {
      this.pending.delete(key);
      this.seen.delete(key);
      return;
    }
    const addr = this.address();
    const published = (ing.status?.loadBalancer?.ingress ?? []).some((x) => x.ip === addr);
    if (!this.ours(ing)) {
      this.pending.delete(key);
      if (published && addr) {
        // No longer ours (class changed): take our address off it.
        this.ctx.api.update(INGRESSES, ing.metadata.namespace ?? 'default', { ...ing, status: { loadBalancer: {} } }, { subresource: 'status', user: this.name });
        this.trace(ing, 'release', `${key} no longer has an nginx IngressClass: address ${addr} removed`);
      }
      return;
    }
    if (this.seen.get(key) !== ing.metadata.resourceVersion) {
      this.seen.set(key, ing.metadata.resourceVersion ?? '');
      this.recorder.event(ing, 'Normal', 'Sync', 'Scheduled for sync');
    }
    if (published || !addr || this.pending.has(key)) return;
    const at = this.ctx.clock.now() + STATUS_SYNC_MS;
    this.pending.set(key, at);
    this.ctx.clock.schedule(at, this.name, STATUS_TIMER, { key, at });
    this.trace(ing, 'sync', `${key} uses IngressClass ${ing.spec.ingressClassName ?? ing.metadata.annotations?.[ANN_INGRESS_CLASS]}: configured; status will show ${addr} in ${STATUS_SYNC_MS / 1000} s`);
  }

  protected override handleTimer(t: Timer): void {
    if (t.kind !== STATUS_TIMER) return;
    const { key, at } = t.payload as { key: string; at: number };
    if (this.pending.get(key) !== at) return;
    this.pending.delete(key);
    const ing = this.ingresses.get(key);
    const addr = this.address();
    if (!ing || !addr || !this.ours(ing)) return this.enqueue(key);
    const { namespace } = splitKey(key);
    this.ctx.api.update(INGRESSES, namespace, { ...ing, status: { loadBalancer: { ingress: [{ ip: addr }] } } }, { subresource: 'status', user: this.name });
    this.trace(ing, 'status', `${key}: status.loadBalancer.ingress set to ${addr}`);
  }

  // ------------------------------------------------------------------ the dataplane

  /** The controller as a client of the backend Services (for kube-proxy and NetworkPolicy). */
  private controllerClient(): Client {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'ingress-nginx-controller', namespace: INGRESS_NGINX_NAMESPACE, labels: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' } },
      spec: { containers: [], nodeName: INGRESS_NODE },
      status: { podIP: CONTROLLER_POD_IP },
    } as unknown as Pod;
    return { kind: 'pod', pod };
  }

  serve(client: Client, req: HostRequest, at: number): HttpResult {
    const clientName = client.kind === 'pod' ? keyOf(client.pod) : client.ip;
    const served = this.ingresses.list().filter((i) => this.ours(i));
    const decision = routeRequest(served, { host: req.host, path: req.path });
    const hop: Hop = { kind: 'ingress', name: 'ingress-nginx-controller', detail: `${req.host}${req.path}` };
    const base = { ok: true, message: 'served by ingress-nginx-controller', hops: [{ kind: 'client' as const, name: clientName }, hop], sourceIP: client.kind === 'pod' ? client.pod.status?.podIP ?? '' : client.ip, crossNode: false, dstIP: req.ip, dstPort: req.port };
    const page = (code: 404 | 502 | 503 | 504, why: string): HttpResult => {
      hop.detail = `${req.host}${req.path} → ${code}: ${why}`;
      this.traceRequest(`${req.host}${req.path}: ${code} (${why})`);
      return { ...base, status: code, body: errorPage(code), response: { status: code, body: errorPage(code) } };
    };
    if (decision.kind === 'notFound') return page(404, decision.reason);
    const target = this.backendTarget(decision);
    if ('error' in target) return page(503, target.error);
    hop.detail = `${req.host}${req.path} → ${target.display} (ingress ${decision.ingress}, ${decision.pathType === 'default' ? 'defaultBackend' : `${decision.pathType} ${decision.path}`})`;
    this.traceRequest(`${req.host}${req.path} → ${target.display} (Ingress ${decision.ingress}, ${decision.pathType === 'default' ? 'defaultBackend' : `path ${decision.path} ${decision.pathType}`})`);
    const r = this.net.http(this.controllerClient(), target.ip, target.port, req.path, at);
    const hops = [...base.hops, ...r.hops.slice(1)];
    if (!r.ok) {
      const code = r.failure === 'refused' || r.failure === 'reset' ? 502 : 504;
      return { ...r, ok: true, hops, status: code, body: errorPage(code), response: { status: code, body: errorPage(code) }, dstIP: req.ip, dstPort: req.port };
    }
    return { ...r, hops };
  }

  /** The Service port a decision names: its ClusterIP:port, or why nginx answers 503. */
  private backendTarget(d: Extract<RouteDecision, { kind: 'backend' }>): { ip: string; port: number; display: string } | { error: string } {
    const ref = d.backend.service;
    if (!ref) return { error: `resource backends are not served by ingress-nginx` };
    const svc = this.services.get(`${d.namespace}/${ref.name}`);
    if (!svc) return { error: `service "${d.namespace}/${ref.name}" does not exist` };
    const sp = (svc.spec.ports ?? []).find((p) => (ref.port?.name ? p.name === ref.port.name : p.port === ref.port?.number));
    const portText = ref.port?.name ?? String(ref.port?.number ?? '');
    if (!sp) return { error: `service "${d.namespace}/${ref.name}" has no port ${portText}` };
    const ready = this.slices.list().some((s) => s.metadata.namespace === d.namespace && s.metadata.labels?.['kubernetes.io/service-name'] === ref.name && s.endpoints.some((e) => e.conditions.ready !== false));
    if (!ready) return { error: `service "${d.namespace}/${ref.name}" has no ready endpoints` };
    if (!svc.spec.clusterIP || svc.spec.clusterIP === 'None') return { error: `service "${d.namespace}/${ref.name}" has no ClusterIP` };
    return { ip: svc.spec.clusterIP, port: sp.port, display: `svc/${ref.name}:${portText}` };
  }

  private trace(ing: Ingress, action: string, message: string): void {
    this.ctx.trace.record({ component: 'ingress-nginx-controller', action, object: { kind: 'Ingress', namespace: ing.metadata.namespace, name: ing.metadata.name ?? '', uid: ing.metadata.uid }, message });
  }

  /** One trace per distinct routing decision in a row (a load generator repeats the same one). */
  private traceRequest(message: string): void {
    if (message === this.lastTrace) return;
    this.lastTrace = message;
    this.ctx.trace.record({ component: 'ingress-nginx-controller', action: 'route', message });
  }

  protected override saveExtra(): unknown {
    const s: State = { pending: [...this.pending.entries()], seen: [...this.seen.entries()].sort(), lastTrace: this.lastTrace };
    return s;
  }

  protected override loadExtra(s: unknown): void {
    const st = s as State | null;
    this.pending = new Map(st?.pending ?? []);
    this.seen = new Map(st?.seen ?? []);
    this.lastTrace = st?.lastTrace ?? '';
  }
}
