// kubectl top pod|node: mirrors staging/src/k8s.io/kubectl/pkg/cmd/top/top_pod.go, top_node.go
// and metricsutil/metrics_printer.go, reading the simulated metrics server.
import type { Node, Pod } from '../../api/core';
import { milliCPU, bytes } from '../../api/quantity';
import { parseSelector, matches } from '../../api/labels';
import type { Ctx } from '../context';
import { KubectlError } from '../errors';
import type { FlagSpec } from '../flags';
import { renderTable } from './top_table';

export const TOP_FLAGS: FlagSpec[] = [
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'containers', type: 'bool' },
  { name: 'no-headers', type: 'bool' },
  { name: 'sort-by', type: 'string' },
];

const mi = (b: number) => `${Math.floor(b / (1024 * 1024))}Mi`;

export function runTopPod(ctx: Ctx): void {
  const metrics = ctx.cluster.ctx.metrics;
  if (!metrics) throw new KubectlError('error: Metrics API not available');
  const all = ctx.flags.bool('all-namespaces');
  const sel = ctx.flags.str('selector') ? parseSelector(ctx.flags.str('selector')) : null;
  let pods = ctx.api.list({ group: '', resource: 'pods' }, all ? undefined : ctx.namespace).items as Pod[];
  if (ctx.flags.args[0]) pods = pods.filter((p) => p.metadata.name === ctx.flags.args[0]);
  if (sel) pods = pods.filter((p) => matches(sel, p.metadata.labels));
  const rows: string[][] = [];
  for (const p of pods) {
    const m = metrics.podMetrics(p);
    if (!m) continue;
    const row = [p.metadata.name ?? '', `${m.cpuMilli}m`, mi(m.memoryBytes)];
    rows.push(all ? [p.metadata.namespace ?? '', ...row] : row);
  }
  if (!rows.length) {
    if (ctx.flags.args[0]) throw new KubectlError(`error: Metrics not available for pod ${ctx.namespace}/${ctx.flags.args[0]}, age: 0s`);
    throw new KubectlError(all ? 'error: Metrics not available yet' : `error: Metrics not available yet`);
  }
  const head = all ? ['NAMESPACE', 'NAME', 'CPU(cores)', 'MEMORY(bytes)'] : ['NAME', 'CPU(cores)', 'MEMORY(bytes)'];
  ctx.out(renderTable(ctx.flags.bool('no-headers') ? null : head, rows));
}

export function runTopNode(ctx: Ctx): void {
  const metrics = ctx.cluster.ctx.metrics;
  if (!metrics) throw new KubectlError('error: Metrics API not available');
  const nodes = (ctx.api.list({ group: '', resource: 'nodes' }, undefined).items as Node[]).filter((n) => !ctx.flags.args[0] || n.metadata.name === ctx.flags.args[0]);
  const pods = ctx.api.list({ group: '', resource: 'pods' }, undefined).items as Pod[];
  const rows: string[][] = [];
  for (const n of nodes) {
    // Node usage: its pods plus the system's own overhead (kubelet, runtime): ~60m / 400Mi.
    let cpu = 60;
    let mem = 400 * 1024 * 1024;
    for (const p of pods.filter((x) => x.spec.nodeName === n.metadata.name)) {
      const m = metrics.podMetrics(p);
      if (m) (cpu += m.cpuMilli), (mem += m.memoryBytes);
    }
    const alloc = n.status?.allocatable ?? {};
    const cpuPct = Math.floor((cpu * 100) / Math.max(1, milliCPU(alloc.cpu ?? '1')));
    const memPct = Math.floor((mem * 100) / Math.max(1, bytes(alloc.memory ?? '1Gi')));
    rows.push([n.metadata.name ?? '', `${cpu}m`, `${cpuPct}%`, mi(mem), `${memPct}%`]);
  }
  ctx.out(renderTable(ctx.flags.bool('no-headers') ? null : ['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)'], rows));
}
