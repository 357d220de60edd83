// `sim traffic start|stop|status`: the verbs that drive the load generators (traffic.ts).
import type { Cluster } from '../cluster';
import type { Ingress, Service } from '../api/networking';
import { parseFlags, type FlagSpec } from '../kubectl/flags';
import { tabwrite } from '../kubectl/printers/tabwriter';
import type { TrafficTarget } from './traffic';

export const TRAFFIC_USAGE = `usage: sim traffic start TARGET --rps N [--from POD | --external] [--path /PATH] [--host HOST] [-n NAMESPACE]
       sim traffic stop [TARGET]
       sim traffic status
TARGET: svc/NAME (or service/NAME), ingress/NAME, NODE_IP:NODE_PORT, LOAD_BALANCER_IP[:PORT]`;

const START_FLAGS: FlagSpec[] = [
  { name: 'rps', type: 'string' },
  { name: 'from', type: 'string' },
  { name: 'external', type: 'bool' },
  { name: 'path', type: 'string', default: '/' },
  { name: 'host', type: 'string' },
];

class TrafficUsageError extends Error {}

function usage(why: string): never {
  throw new TrafficUsageError(`${why}\n${TRAFFIC_USAGE}`);
}

/** Resolve what the user typed into a host, port and (for Services) the Service it names. */
export function parseTarget(cluster: Cluster, typed: string, namespace: string, path: string, hostHeader?: string): TrafficTarget {
  const slash = typed.indexOf('/');
  if (slash > 0) {
    const kind = typed.slice(0, slash).toLowerCase();
    const name = typed.slice(slash + 1);
    if (kind === 'ingress' || kind === 'ingresses' || kind === 'ing') return ingressTarget(cluster, name, namespace, path, hostHeader);
    if (!['svc', 'service', 'services'].includes(kind) || !name) usage(`invalid target "${typed}"`);
    const svc = cluster.api.tryGet({ group: '', resource: 'services' }, namespace, name) as Service | undefined;
    if (!svc) throw new TrafficUsageError(`services "${name}" not found in namespace "${namespace}"`);
    if (svc.spec.type === 'ExternalName') throw new TrafficUsageError(`service "${name}" is an ExternalName Service (${svc.spec.externalName}): it has no endpoints in the cluster`);
    const port = svc.spec.ports?.[0]?.port;
    if (!port) throw new TrafficUsageError(`service "${name}" has no ports`);
    return { display: `svc/${name}`, namespace, host: `${name}.${namespace}.svc.${cluster.config.clusterDomain}`, port, path, service: `${namespace}/${name}` };
  }
  const m = /^(\d+\.\d+\.\d+\.\d+)(?::(\d+))?$/.exec(typed);
  if (!m) usage(`invalid target "${typed}"`);
  const ip = m[1];
  let port = m[2] ? Number(m[2]) : undefined;
  let service: string | undefined;
  for (const o of cluster.objects('/services')) {
    const s = o as Service;
    const lb = (s.status?.loadBalancer?.ingress ?? []).some((i) => i.ip === ip);
    const np = port !== undefined && (s.spec.ports ?? []).some((p) => p.nodePort === port);
    if (lb || (np && cluster.network.nodeByIP(ip))) {
      service = `${s.metadata.namespace}/${s.metadata.name}`;
      if (port === undefined) port = s.spec.ports?.[0]?.port;
      break;
    }
  }
  if (port === undefined) port = 80;
  if (port < 1 || port > 65535) usage(`invalid port in "${typed}"`);
  return { display: `${ip}:${port}`, namespace, host: ip, port, path, ...(service ? { service } : {}) };
}

/**
 * `ingress/NAME`: requests to the Ingress's published address on port 80 (from outside the
 * cluster, like a browser), with Host set to --host or else the first rule's host.
 */
function ingressTarget(cluster: Cluster, name: string, namespace: string, path: string, hostHeader?: string): TrafficTarget {
  const ing = cluster.api.tryGet({ group: 'networking.k8s.io', resource: 'ingresses' }, namespace, name) as Ingress | undefined;
  if (!ing) throw new TrafficUsageError(`ingresses.networking.k8s.io "${name}" not found in namespace "${namespace}"`);
  const addr = ing.status?.loadBalancer?.ingress?.[0];
  const ip = addr?.ip ?? addr?.hostname;
  if (!ip) throw new TrafficUsageError(`ingress "${name}" has no address yet (ADDRESS is empty): is its IngressClass served by a controller? (kubectl get ingress ${name})`);
  const host = hostHeader ?? ing.spec.rules?.find((r) => r.host && !r.host.startsWith('*'))?.host ?? ip;
  return { display: `ingress/${name}`, namespace, host: ip, port: 80, path, hostHeader: host };
}

export function trafficCommand(cluster: Cluster, args: string[]): string {
  const [verb, ...rest] = args;
  switch (verb) {
    case 'start': {
      const f = parseFlags(rest, START_FLAGS);
      if (f.args.length !== 1) usage(f.args.length ? `expected one TARGET, got ${f.args.length}` : 'missing TARGET');
      if (!f.has('rps')) usage('missing --rps');
      const rps = Number(f.str('rps'));
      if (!Number.isFinite(rps) || rps <= 0 || rps > 10000) usage(`invalid --rps "${f.str('rps')}": must be a number between 1 and 10000`);
      if (f.has('from') && f.bool('external')) usage('--from and --external cannot be used together');
      const ns = f.str('namespace') || 'default';
      const path = f.str('path') || '/';
      if (!path.startsWith('/')) usage(`invalid --path "${path}": must start with /`);
      const target = parseTarget(cluster, f.args[0], ns, path, f.has('host') ? f.str('host') : undefined);
      let from: string | undefined;
      if (f.has('from')) {
        const name = f.str('from').replace(/^(pod|pods|po)\//, '');
        if (!cluster.api.tryGet({ group: '', resource: 'pods' }, ns, name)) throw new TrafficUsageError(`pods "${name}" not found in namespace "${ns}"`);
        from = `${ns}/${name}`;
      } else if (f.bool('external') || !target.display.startsWith('svc/')) {
        from = 'external';
      }
      const g = cluster.traffic.startGenerator(target, rps, from);
      return `traffic #${g.id} started: ${rps} req/s to ${target.display}${target.hostHeader ? ` (Host: ${target.hostHeader})` : ''}${path !== '/' ? ` (path ${path})` : ''} from ${from === 'external' ? 'outside the cluster' : from ? `pod/${from.split('/')[1]}` : 'an in-cluster client'}`;
    }
    case 'stop': {
      if (rest.length > 1) usage('expected at most one TARGET');
      let display = rest[0];
      if (display) {
        const m = /^(svc|service|services)\/(.+)$/.exec(display);
        if (m) display = `svc/${m[2]}`;
        const i = /^(ing|ingress|ingresses)\/(.+)$/.exec(display);
        if (i) display = `ingress/${i[2]}`;
      }
      const n = cluster.traffic.stopGenerators(display);
      if (!n) return display ? `no traffic to ${display}` : 'no traffic running';
      return `stopped ${n} traffic generator${n === 1 ? '' : 's'}`;
    }
    case 'status': {
      const st = cluster.trafficStats();
      const lines: string[] = [];
      if (!st.generators.length) lines.push('No traffic running.');
      else {
        let t = 'ID\tTARGET\tRPS\tFROM\tREQUESTS\tERRORS\tAVG LATENCY\n';
        for (const g of st.generators) {
          const c = st.targets[g.target];
          t += `${g.id}\t${g.target}\t${g.rps}\t${g.from}\t${c?.requests ?? 0}\t${c?.errors ?? 0}\t${c ? `${c.avgLatencyMs}ms` : '-'}\n`;
        }
        lines.push(tabwrite(t, 3).replace(/\n$/, ''));
      }
      const pods = Object.entries(st.pods);
      if (pods.length) {
        let t = 'POD\tREQUESTS\tERRORS\tAVG LATENCY\n';
        for (const [k, c] of pods) t += `${k}\t${c.requests}\t${c.errors}\t${c.avgLatencyMs}ms\n`;
        lines.push('', tabwrite(t, 3).replace(/\n$/, ''));
      }
      return lines.join('\n');
    }
    default:
      usage(verb ? `unknown traffic command "${verb}"` : 'missing traffic command');
  }
}
