// Pod → endpoint helpers shared by the EndpointSlice and Endpoints controllers: mirrors
// staging/src/k8s.io/endpointslice/utils.go (podToEndpoint, ShouldPodBeInEndpoints) and
// pkg/api/v1/pod/util.go (FindPort).
import type { Pod } from '../../api/core';
import type { Endpoint, Service, ServicePort } from '../../api/networking';
import { isPodReady } from '../replicaset/controller_utils';

/**
 * ShouldPodBeInEndpoints: a pod with an IP that has not finished. Terminating pods are kept
 * only when `includeTerminating` (EndpointSlices list them with terminating: true; the legacy
 * Endpoints drop them unless the Service publishes not-ready addresses).
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (!pod.status?.podIP) return false;
  if (pod.status.phase === 'Succeeded' || pod.status.phase === 'Failed') return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/**
 * FindPort: a numeric targetPort is used as is; a named one is looked up among the pod's
 * container ports with the same protocol. Undefined: this pod does not serve that port
 * (targetPort "http" on a pod whose containers name no port "http"), so it is left out.
 */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const tp = sp.targetPort ?? sp.port;
  if (typeof tp === 'number') return tp;
  if (/^\d+$/.test(tp)) return Number(tp);
  for (const c of pod.spec.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === tp && (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP')) return p.containerPort;
  }
  return undefined;
}

/**
 * podToEndpoint. The conditions, worked through the four cases (publishNotReadyAddresses false):
 *   Ready pod, not deleting      → ready true,  serving true,  terminating false
 *   Not-ready pod                → ready false, serving false, terminating false
 *   Ready pod being deleted      → ready false, serving true,  terminating true
 *   Not-ready pod being deleted  → ready false, serving false, terminating true
 * With publishNotReadyAddresses: true, ready is true in every case ("publish them anyway").
 */
export function podToEndpoint(pod: Pod, svc: Service): Endpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  const ready = !!svc.spec.publishNotReadyAddresses || (serving && !terminating);
  const ep: Endpoint = {
    addresses: [pod.status!.podIP!],
    conditions: { ready, serving, terminating },
  };
  if (pod.spec.hostname && pod.spec.subdomain === svc.metadata.name && pod.metadata.namespace === svc.metadata.namespace) ep.hostname = pod.spec.hostname;
  if (pod.spec.nodeName) ep.nodeName = pod.spec.nodeName;
  ep.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
  return ep;
}
