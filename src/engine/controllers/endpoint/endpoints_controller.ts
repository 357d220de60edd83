// Endpoints controller (legacy core/v1 Endpoints): mirrors pkg/controller/endpoint/
// endpoints_controller.go (syncService, addEndpointSubset) and RepackSubsets
// (pkg/api/v1/endpoints/util.go). One Endpoints object per Service with a selector, named like
// the Service; ready pods go to `addresses`, not-ready ones to `notReadyAddresses`; terminating
// pods are left out (unless publishNotReadyAddresses). Kept because `kubectl get endpoints` and
// many tutorials still show it, although kube-proxy reads EndpointSlices.
import type { Pod } from '../../api/core';
import { splitKey } from '../../api/meta';
import type { EndpointAddress, EndpointPort, Endpoints, EndpointSubset, Service } from '../../api/networking';
import { LABEL_HEADLESS, isHeadless } from '../../api/networking';
import { fromSet, matches } from '../../api/labels';
import { isNotFound } from '../../apiserver/errors';
import { BY_NAMESPACE, type Informer } from '../../client/informer';
import type { ComponentContext } from '../../component';
import { canonicalJSON } from '../../apiserver/validation/generic';
import { Controller } from '../controller';
import { isPodReady } from '../replicaset/controller_utils';
import { PODS, SERVICES, enqueueServicesOnChange, hasSelector } from '../endpointslice/endpointslice_controller';
import { findPort, shouldPodBeInEndpoints } from '../endpointslice/utils';
import { keyOf } from '../../api/meta';

export const ENDPOINTS = { group: '', resource: 'endpoints' };

function ipKey(ip: string): number {
  return ip.split('.').reduce((n, x) => n * 256 + Number(x), 0);
}

/**
 * The subsets for a Service: pods grouped by their resolved ports, addresses sorted by IP
 * (RepackSubsets). Worked example: web (80 → 8080), pods a (10.244.1.3, Ready) and
 * b (10.244.2.4, not Ready) → [{addresses: [10.244.1.3], notReadyAddresses: [10.244.2.4],
 * ports: [{port: 8080, protocol: TCP}]}].
 */
export function computeSubsets(svc: Service, pods: Pod[]): EndpointSubset[] {
  const tolerate = !!svc.spec.publishNotReadyAddresses;
  const groups = new Map<string, { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, tolerate)) continue;
    const ports: EndpointPort[] = [];
    for (const sp of svc.spec.ports ?? []) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      const ep: EndpointPort = { port, protocol: sp.protocol ?? 'TCP' };
      if (sp.name) ep.name = sp.name;
      ports.push(ep);
    }
    // A headless Service without ports still lists its pods (for DNS).
    if (!ports.length && (svc.spec.ports ?? []).length) continue;
    const addr: EndpointAddress = { ip: pod.status!.podIP!, ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}), targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid } };
    if (pod.spec.hostname && pod.spec.subdomain === svc.metadata.name) addr.hostname = pod.spec.hostname;
    const k = canonicalJSON(ports.map((p) => [p.name ?? '', p.port, p.protocol]).sort());
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { ports: [...ports].sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.port - b.port), ready: [], notReady: [] }));
    if (tolerate || isPodReady(pod)) g.ready.push(addr);
    else g.notReady.push(addr);
  }
  const byIP = (a: EndpointAddress, b: EndpointAddress) => ipKey(a.ip) - ipKey(b.ip);
  const subsets: EndpointSubset[] = [];
  for (const g of groups.values()) {
    const s: EndpointSubset = {};
    if (g.ready.length) s.addresses = g.ready.sort(byIP);
    if (g.notReady.length) s.notReadyAddresses = g.notReady.sort(byIP);
    if (g.ports.length) s.ports = g.ports;
    subsets.push(s);
  }
  return subsets.sort((a, b) => canonicalJSON(a.ports).localeCompare(canonicalJSON(b.ports)));
}

export class EndpointsController extends Controller {
  private readonly services: Informer<Service>;
  private readonly pods: Informer<Pod>;
  private readonly endpoints: Informer<Endpoints>;

  constructor(ctx: ComponentContext) {
    super('endpoint-controller', ctx);
    this.services = ctx.informers.for<Service>(SERVICES);
    this.pods = ctx.informers.for<Pod>(PODS);
    this.endpoints = ctx.informers.for<Endpoints>(ENDPOINTS);
  }

  start(): void {
    enqueueServicesOnChange(this.services, this.pods, (key) => this.enqueue(key));
    this.endpoints.addHandler({ delete: (e) => this.enqueue(keyOf(e)) });
  }

  protected sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const svc = this.services.get(key);
    const current = this.endpoints.get(key);
    if (!svc) {
      // The Service is gone: so is its Endpoints object (only one we would have written).
      if (current && !current.metadata.labels?.['endpointslice.kubernetes.io/skip-mirror']) {
        try {
          this.ctx.api.delete(ENDPOINTS, namespace, name, { user: this.name });
        } catch (e) {
          if (!isNotFound(e)) throw e;
        }
      }
      return;
    }
    if (!hasSelector(svc)) return; // selector-less Services' Endpoints belong to the user
    const pods = this.pods.byIndex(BY_NAMESPACE, namespace).filter((p) => matches(fromSet(svc.spec.selector), p.metadata.labels));
    const subsets = computeSubsets(svc, pods);
    const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
    if (isHeadless(svc)) labels[LABEL_HEADLESS] = '';
    if (current && canonicalJSON(current.subsets ?? []) === canonicalJSON(subsets) && canonicalJSON(current.metadata.labels ?? {}) === canonicalJSON(labels)) return;
    const body: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { ...(current?.metadata ?? { name, namespace }), labels },
      ...(subsets.length ? { subsets } : {}),
    };
    if (!Object.keys(labels).length) delete body.metadata.labels;
    if (current) this.ctx.api.update(ENDPOINTS, namespace, body, { user: this.name });
    else this.ctx.api.create(ENDPOINTS, namespace, body, { user: this.name });
    const ready = subsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0);
    const notReady = subsets.reduce((n, s) => n + (s.notReadyAddresses?.length ?? 0), 0);
    this.ctx.trace.record({
      component: this.name,
      action: current ? 'update' : 'create',
      object: { kind: 'Endpoints', namespace, name },
      cause: { kind: 'Service', namespace, name, uid: svc.metadata.uid },
      message: `Endpoints ${name}: ${ready} ready address(es)${notReady ? `, ${notReady} not ready` : ''}`,
    });
  }
}
