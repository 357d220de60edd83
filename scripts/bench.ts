// npm run bench: engine figures on this machine. Prints numbers; asserts nothing about time.
//   1. wall time to converge a 1,000-replica Deployment on 50 nodes
//   2. pods scheduled per wall-clock second on 100 nodes (scheduler alone, and end to end)
//   3. wall time to advance an idle default cluster by 24 simulated hours
//   4. peak memory (RSS) of this process
import { performance } from 'node:perf_hooks';
import { createCluster } from '../src/engine/index';
import type { Deployment } from '../src/engine/api/apps';
import type { Pod } from '../src/engine/api/core';

let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
const row = (label: string, value: string, target = '') => console.log(`${label.padEnd(58)} ${value.padStart(14)}  ${target}`);

function converge1000(): void {
  const t0 = performance.now();
  const c = createCluster({ seed: 1, nodes: 50 });
  const tCreated = performance.now();
  c.run('kubectl create deployment big --image=nginx:1.25 --replicas=1000');
  const simStart = c.now();
  let available = 0;
  while (c.now() - simStart < 30 * 60_000) {
    c.advance(1000);
    sample();
    const d = (c.objects('apps/deployments', 'default') as Deployment[]).find((x) => x.metadata.name === 'big');
    available = d?.status?.availableReplicas ?? 0;
    if (available === 1000) break;
  }
  const t1 = performance.now();
  row('1,000-replica Deployment on 50 nodes: wall time to converge', `${(t1 - tCreated).toFixed(0)} ms`, `(${available} available after ${((c.now() - simStart) / 1000).toFixed(0)} s simulated; cluster creation ${(tCreated - t0).toFixed(0)} ms)`);
}

function schedulingThroughput(): void {
  const c = createCluster({ seed: 2, nodes: 100, bare: true });
  const N = 5000;
  c.scheduler.running = false;
  for (let i = 0; i < N; i++) {
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `p-${i}`, namespace: 'default', labels: { app: 'bench' } },
      spec: { containers: [{ name: 'c', image: 'nginx:1.25', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] },
    };
    c.api.create({ group: '', resource: 'pods' }, 'default', pod);
  }
  sample();
  let schedMs = 0;
  const sched = c.scheduler as unknown as { runOnce: () => void };
  const orig = sched.runOnce.bind(sched);
  sched.runOnce = () => {
    const s = performance.now();
    orig();
    schedMs += performance.now() - s;
  };
  c.scheduler.running = true;
  const t0 = performance.now();
  c.settle();
  const wall = performance.now() - t0;
  sample();
  const bound = (c.objects('/pods', 'default') as Pod[]).filter((p) => p.spec.nodeName).length;
  row('Scheduling on 100 nodes: pods scheduled per second', `${Math.round(bound / (schedMs / 1000))}`, `(scheduler alone: ${bound} pods in ${schedMs.toFixed(0)} ms; target >= 5,000)`);
  row('  end to end, incl. API writes and kubelets picking pods up', `${Math.round(bound / (wall / 1000))}`, `(${wall.toFixed(0)} ms)`);
}

function idleDay(): void {
  const c = createCluster({ seed: 3 });
  sample();
  const t0 = performance.now();
  c.advance(24 * 3600_000);
  const wall = performance.now() - t0;
  sample();
  row('Idle default cluster: wall time to advance 24 simulated hours', `${wall.toFixed(1)} ms`, '(target < 100 ms)');
}

console.log(`kube-playground engine benchmark (node ${process.version}, ${process.platform}/${process.arch})`);
idleDay();
schedulingThroughput();
converge1000();
sample();
row('Peak memory (RSS)', mb(peakRss), `(heap used now ${mb(process.memoryUsage().heapUsed)})`);
