// Service environment variables: mirrors pkg/kubelet/envvars/envvars.go (FromServices,
// makeLinkVariables) and getServiceEnvVarMap in pkg/kubelet/kubelet_pods.go. Plugged into the
// kubelet through envvars.ts's ServiceEnvSource hook (Kubelet.serviceEnv) by the cluster wiring.
//
// Worked example: Service `redis-leader` (10.96.12.34, port 6379/TCP, unnamed) gives
//   REDIS_LEADER_SERVICE_HOST=10.96.12.34  REDIS_LEADER_SERVICE_PORT=6379
//   REDIS_LEADER_PORT=tcp://10.96.12.34:6379  REDIS_LEADER_PORT_6379_TCP=tcp://10.96.12.34:6379
//   REDIS_LEADER_PORT_6379_TCP_PROTO=tcp  REDIS_LEADER_PORT_6379_TCP_PORT=6379
//   REDIS_LEADER_PORT_6379_TCP_ADDR=10.96.12.34
// Only Services that existed when the container started are in its environment: the kubelet
// computes it once, at creation (a pod must be restarted to see a newer Service).
import type { Pod } from '../api/core';
import type { Service } from '../api/networking';
import type { ServiceEnvSource } from './envvars';

/** makeEnvVariableName: upper case, '-' → '_'. */
export function envVarName(s: string): string {
  return s.toUpperCase().replace(/-/g, '_');
}

function ipSet(s: Service): boolean {
  return !!s.spec.clusterIP && s.spec.clusterIP !== 'None';
}

/** FromServices: the variables of each Service, in the given order. */
export function fromServices(services: Service[]): [string, string][] {
  const out: [string, string][] = [];
  for (const s of services) {
    if (!ipSet(s) || !(s.spec.ports ?? []).length) continue;
    const prefix = envVarName(s.metadata.name ?? '');
    const ip = s.spec.clusterIP!;
    const ports = s.spec.ports!;
    out.push([`${prefix}_SERVICE_HOST`, ip]);
    out.push([`${prefix}_SERVICE_PORT`, String(ports[0].port)]);
    for (const p of ports) if (p.name) out.push([`${prefix}_SERVICE_PORT_${envVarName(p.name)}`, String(p.port)]);
    ports.forEach((p, i) => {
      const proto = (p.protocol ?? 'TCP').toUpperCase();
      const url = `${proto.toLowerCase()}://${ip}:${p.port}`;
      if (i === 0) out.push([`${prefix}_PORT`, url]);
      const pp = `${prefix}_PORT_${p.port}_${proto}`;
      out.push([pp, url], [`${pp}_PROTO`, proto.toLowerCase()], [`${pp}_PORT`, String(p.port)], [`${pp}_ADDR`, ip]);
    });
  }
  return out;
}

/**
 * getServiceEnvVarMap: the master Service `kubernetes` (default namespace) always; the other
 * Services of the pod's namespace when enableServiceLinks is not false. `visible` filters the
 * Services the container can know about (those created before it started).
 */
export function serviceEnvFor(pod: Pod, services: Service[]): [string, string][] {
  const ns = pod.metadata.namespace ?? 'default';
  const links = pod.spec.enableServiceLinks !== false;
  const byName = new Map<string, Service>();
  for (const s of services) {
    if (!ipSet(s)) continue;
    const name = s.metadata.name ?? '';
    if (s.metadata.namespace === 'default' && name === 'kubernetes') {
      if (!byName.has(name)) byName.set(name, s);
    } else if (s.metadata.namespace === ns && links) {
      byName.set(name, s);
    }
  }
  return fromServices([...byName.keys()].sort().map((k) => byName.get(k)!));
}

/**
 * A ServiceEnvSource over a Service lister. `startedAt(pod)` is when the container whose
 * environment is being built started (now, for one being created); Services created after it
 * are left out. Creation times have second precision, so a Service created in the same second
 * as the container counts as existing before it.
 */
export function serviceEnvSource(list: () => Service[], startedAt: (pod: Pod) => number, parse: (ts: string | undefined) => number): ServiceEnvSource {
  return (pod) => {
    const t = startedAt(pod);
    const visible = list().filter((s) => {
      const created = parse(s.metadata.creationTimestamp);
      return !Number.isFinite(created) || created <= t;
    });
    return serviceEnvFor(pod, visible);
  };
}
