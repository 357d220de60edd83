// `sim load deployment/NAME --cpu 300%|600m [-n NS]` and `sim load deployment/NAME --stop`: set
// a workload's simulated CPU demand in the metrics server (see metrics/metrics_server.ts), the
// stand-in for the Kubernetes docs' busybox load generator hitting php-apache.
import type { Cluster } from '../cluster';
import { milliCPU, isQuantity } from '../api/quantity';
import { parseFlags, type FlagSpec } from '../kubectl/flags';

const LOAD_FLAGS: FlagSpec[] = [
  { name: 'cpu', type: 'string' },
  { name: 'stop', type: 'bool' },
];

export const LOAD_USAGE = 'usage: sim load deployment/NAME --cpu 300%|600m [-n NAMESPACE] | sim load deployment/NAME --stop';

export function loadCommand(cluster: Cluster, args: string[]): string {
  const f = parseFlags(args, LOAD_FLAGS);
  const target = f.args[0];
  const m = /^(deployment|deploy|deployments|replicaset|rs|replicasets)\/(.+)$/.exec(target ?? '');
  if (!m || f.args.length !== 1) throw new Error(LOAD_USAGE);
  const kind = m[1].startsWith('d') ? 'Deployment' : 'ReplicaSet';
  const name = m[2];
  const ns = f.str('namespace') || 'default';
  const metrics = cluster.ctx.metrics;
  if (!metrics) throw new Error('the metrics server is not running');
  const gvr = { group: 'apps', resource: kind === 'Deployment' ? 'deployments' : 'replicasets' };
  if (!cluster.api.tryGet(gvr, ns, name)) throw new Error(`${kind.toLowerCase()} "${name}" not found in namespace "${ns}"`);
  if (f.bool('stop')) {
    metrics.setWorkloadLoad(ns, kind, name, undefined);
    return `${kind.toLowerCase()}/${name}: load stopped`;
  }
  const cpu = f.str('cpu');
  if (/^\d+(\.\d+)?%$/.test(cpu)) {
    metrics.setWorkloadLoad(ns, kind, name, { percentOfRequest: Number(cpu.slice(0, -1)) });
  } else if (cpu && isQuantity(cpu)) {
    metrics.setWorkloadLoad(ns, kind, name, { millicores: milliCPU(cpu) });
  } else {
    throw new Error(`invalid --cpu "${cpu}": use a percentage of one pod's CPU request (300%) or a quantity (600m)`);
  }
  return `${kind.toLowerCase()}/${name}: CPU load ${cpu} (shared by its running pods)`;
}
