// Service strategy: mirrors pkg/registry/core/service/strategy.go (PrepareForCreate/Update,
// dropTypeDependentFields), SetDefaults_Service (pkg/apis/core/v1/defaults.go) and the
// allocation steps of pkg/registry/core/service/storage/alloc.go (ClusterIPs, NodePorts,
// healthCheckNodePort). Allocation conflicts are 422 Invalid errors with allocator texts:
// `spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated`.
import type { KubeObject } from '../../../../api/meta';
import type { Service, ServicePort } from '../../../../api/networking';
import type { Rng } from '../../../../sim/rng';
import type { Store } from '../../../../store/store';
import { newInvalid } from '../../../errors';
import type { RequestContext, Strategy } from '../../../types';
import type { FieldError } from '../../../validation/field';
import { invalid } from '../../../validation/field';
import { needsClusterIP, needsNodePorts, validateService, validateServiceUpdate } from '../../../validation/service';
import { allocateIP, allocateNextIP, serviceIPRange, type IPRange } from './ipallocator';
import { allocateNextPort, allocatePort, DEFAULT_NODE_PORT_RANGE, type PortRange } from './portallocator';

/** kind's --service-cluster-ip-range (kubeadm's default is 10.96.0.0/12; kind narrows it). */
export const SERVICE_CIDR = '10.96.0.0/16';
/** The default ClientIP affinity timeout: 3 hours (v1.DefaultClientIPServiceAffinitySeconds). */
export const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;

export function setDefaultsService(svc: Service): void {
  const spec = svc.spec;
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  if (spec.sessionAffinity === 'ClientIP') {
    spec.sessionAffinityConfig ??= {};
    spec.sessionAffinityConfig.clientIP ??= {};
    spec.sessionAffinityConfig.clientIP.timeoutSeconds ??= DEFAULT_CLIENT_IP_AFFINITY_SECONDS;
  }
  for (const p of spec.ports ?? []) {
    p.protocol ??= 'TCP';
    // targetPort defaults to port (0 or "" count as unset).
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if ((spec.type === 'NodePort' || spec.type === 'LoadBalancer') && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (spec.type !== 'ExternalName' && !spec.internalTrafficPolicy) spec.internalTrafficPolicy = 'Cluster';
  if (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) spec.allocateLoadBalancerNodePorts = true;
  if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
  if (!spec.clusterIP && spec.clusterIPs?.length) spec.clusterIP = spec.clusterIPs[0];
}

/** Everything the API server has handed out, read from the stored Services. */
function usedAllocations(store: Store, exceptKey?: string): { ips: Set<string>; ports: Set<number> } {
  const ips = new Set<string>();
  const ports = new Set<number>();
  for (const o of store.list('/services')) {
    const s = o as Service;
    if (`${s.metadata.namespace}/${s.metadata.name}` === exceptKey) continue;
    for (const ip of s.spec.clusterIPs ?? (s.spec.clusterIP ? [s.spec.clusterIP] : [])) if (ip !== 'None') ips.add(ip);
    for (const p of s.spec.ports ?? []) if (p.nodePort) ports.add(p.nodePort);
    if (s.spec.healthCheckNodePort) ports.add(s.spec.healthCheckNodePort);
  }
  return { ips, ports };
}

function fail(svc: Service, errs: FieldError[]): never {
  throw newInvalid('Service', '', svc.metadata.name ?? '', errs);
}

/** allocClusterIPs: a requested ClusterIP is checked, an empty one drawn at random. */
function allocateClusterIP(svc: Service, range: IPRange, used: Set<string>, rng: Rng): void {
  const spec = svc.spec;
  if (!needsClusterIP(svc) || spec.clusterIP === 'None') {
    if (spec.clusterIP === 'None') spec.clusterIPs = ['None'];
    return;
  }
  if (spec.clusterIP) {
    const r = allocateIP(range, used, spec.clusterIP);
    if (!r.ok) fail(svc, [invalid('spec.clusterIPs', spec.clusterIPs ?? [spec.clusterIP], `failed to allocate IP ${spec.clusterIP}: ${r.error}`)]);
  } else {
    const r = allocateNextIP(range, used, rng);
    if (!r.ok) fail(svc, [invalid('spec.clusterIPs', [], `failed to allocate a serviceIP: ${r.error}`)]);
    spec.clusterIP = r.ip;
  }
  spec.clusterIPs = [spec.clusterIP];
  spec.ipFamilies ??= ['IPv4'];
  spec.ipFamilyPolicy ??= 'SingleStack';
}

/**
 * initNodePorts: requested ports are checked, missing ones allocated. Two ports of one Service
 * with the same port number but different protocols share a NodePort (upstream does the same).
 */
function allocateNodePorts(svc: Service, range: PortRange, used: Set<number>, rng: Rng): void {
  const errs: FieldError[] = [];
  const mine = new Map<number, number>(); // service port -> node port chosen for it
  (svc.spec.ports ?? []).forEach((p: ServicePort, i) => {
    if (p.nodePort) {
      if (mine.get(p.port) === p.nodePort) return;
      const r = allocatePort(range, used, p.nodePort);
      if (!r.ok) errs.push(invalid(`spec.ports[${i}].nodePort`, p.nodePort, r.error));
      else {
        used.add(p.nodePort);
        mine.set(p.port, p.nodePort);
      }
      return;
    }
    const shared = mine.get(p.port);
    if (shared) {
      p.nodePort = shared;
      return;
    }
    const r = allocateNextPort(range, used, rng);
    if (!r.ok) errs.push(invalid(`spec.ports[${i}].nodePort`, 0, `failed to allocate a nodePort: ${r.error}`));
    else {
      p.nodePort = r.port;
      used.add(r.port);
      mine.set(p.port, r.port);
    }
  });
  if (errs.length) fail(svc, errs);
}

/** A LoadBalancer with externalTrafficPolicy Local gets a node port for the cloud's health checks. */
function allocateHealthCheckNodePort(svc: Service, range: PortRange, used: Set<number>, rng: Rng): void {
  const spec = svc.spec;
  if (spec.type !== 'LoadBalancer' || spec.externalTrafficPolicy !== 'Local') {
    delete spec.healthCheckNodePort;
    return;
  }
  if (spec.healthCheckNodePort) {
    const r = allocatePort(range, used, spec.healthCheckNodePort);
    if (!r.ok) fail(svc, [invalid('spec.healthCheckNodePort', spec.healthCheckNodePort, r.error)]);
    return;
  }
  const r = allocateNextPort(range, used, rng);
  if (r.ok) spec.healthCheckNodePort = r.port;
}

function allocate(svc: Service, ctx: RequestContext, old?: Service): void {
  if (validateService(svc).length) return; // validation reports the problem first
  const { ips, ports } = usedAllocations(ctx.store, old ? `${old.metadata.namespace}/${old.metadata.name}` : undefined);
  if (!old || !old.spec.clusterIP || !needsClusterIP(old)) allocateClusterIP(svc, serviceIPRange(SERVICE_CIDR), ips, ctx.rng);
  if (needsNodePorts(svc)) {
    // Ports the Service already holds stay its own.
    for (const p of old?.spec.ports ?? []) if (p.nodePort) ports.delete(p.nodePort);
    allocateNodePorts(svc, DEFAULT_NODE_PORT_RANGE, ports, ctx.rng);
  }
  if (old?.spec.healthCheckNodePort) ports.delete(old.spec.healthCheckNodePort);
  allocateHealthCheckNodePort(svc, DEFAULT_NODE_PORT_RANGE, ports, ctx.rng);
}

/**
 * PatchAllocatedValues + dropTypeDependentFields: a PUT that leaves out the ClusterIP or the
 * node ports keeps the allocated ones; a type change that makes them meaningless drops them
 * (NodePort → ClusterIP releases the node ports, anything → ExternalName releases the IP).
 */
function patchAllocatedValues(svc: Service, old: Service): void {
  const spec = svc.spec;
  if (needsClusterIP(old) && needsClusterIP(svc) && !spec.clusterIP && old.spec.clusterIP) {
    spec.clusterIP = old.spec.clusterIP;
    spec.clusterIPs = old.spec.clusterIPs ?? [old.spec.clusterIP];
    spec.ipFamilies ??= old.spec.ipFamilies;
    spec.ipFamilyPolicy ??= old.spec.ipFamilyPolicy;
  }
  if (!needsClusterIP(svc) && needsClusterIP(old) && spec.clusterIP === old.spec.clusterIP) {
    delete spec.clusterIP;
    delete spec.clusterIPs;
    delete spec.ipFamilies;
    delete spec.ipFamilyPolicy;
  }
  const oldPorts = old.spec.ports ?? [];
  if (needsNodePorts(old) && needsNodePorts(svc)) {
    for (const p of spec.ports ?? []) {
      if (p.nodePort) continue;
      const match = oldPorts.find((o) => o.port === p.port && (o.protocol ?? 'TCP') === (p.protocol ?? 'TCP')) ?? oldPorts.find((o) => o.name && o.name === p.name);
      if (match?.nodePort) p.nodePort = match.nodePort;
    }
  }
  if (needsNodePorts(old) && !needsNodePorts(svc)) {
    for (const p of spec.ports ?? []) {
      const match = oldPorts.find((o) => o.port === p.port && (o.protocol ?? 'TCP') === (p.protocol ?? 'TCP'));
      if (p.nodePort && match?.nodePort === p.nodePort) delete p.nodePort;
    }
  }
  if (spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local' && !spec.healthCheckNodePort) spec.healthCheckNodePort = old.spec.healthCheckNodePort;
  if (spec.type !== 'LoadBalancer' && svc.status?.loadBalancer?.ingress) svc.status = { loadBalancer: {} };
}

export const serviceStrategy: Strategy = {
  hasStatus: true,
  defaultPropagation: 'Background',
  defaults(obj) {
    const svc = obj as Service;
    svc.spec ??= {};
    setDefaultsService(svc);
  },
  prepareForCreate(obj, ctx) {
    const svc = obj as Service;
    svc.status = { loadBalancer: {} };
    allocate(svc, ctx);
  },
  prepareForUpdate(obj, old, ctx) {
    const svc = obj as Service;
    patchAllocatedValues(svc, old as Service);
    allocate(svc, ctx, old as Service);
    if (svc.spec.type !== 'LoadBalancer') svc.status = { loadBalancer: {} };
  },
  validate: (obj: KubeObject) => validateService(obj as Service),
  validateUpdate: (obj, old) => validateServiceUpdate(obj as Service, old as Service),
};
