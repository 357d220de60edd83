// The metrics-server stand-in (kubernetes-sigs/metrics-server, serving metrics.k8s.io): what
// `kubectl top` and the HPA read. No real processes burn CPU here, so usage is a model:
//
//   pod CPU = idle baseline (1–3m, per pod) + its share of its workload's load + added load,
//             capped at the pod's CPU limit.
//
// Workload load comes from `sim load deployment/NAME --cpu 300%` (300 % of ONE pod's request,
// i.e. the whole workload's demand; php-apache requests 200m → 600m in total) or `--cpu 600m`,
// and is spread evenly over the workload's Running pods, as a load generator's requests are
// spread by a Service. With 1 pod: 600m → capped at the 500m limit → 250 % of the request; the
// HPA (target 50 %) asks for ceil(1 × 250/50) = 5 pods; 600m / 5 = 120m = 60 % → 6 pods → 50 %.
//
// Other components (the traffic model) add per-pod load with `addCpuLoad(podKey, millicores)`.
// Metrics appear only for pods Running for at least METRIC_RESOLUTION_MS (the scrape interval),
// as with a real metrics-server.
import type { Pod } from '../api/core';
import type { Deployment, ReplicaSet } from '../api/apps';
import { controllerOf, keyOf } from '../api/meta';
import { milliCPU, bytes } from '../api/quantity';
import { BY_NAMESPACE, type Informer } from '../client/informer';
import type { Component, ComponentContext } from '../component';

export const METRIC_RESOLUTION_MS = 15_000;

/** A workload's demand: absolute millicores, or a percentage of one pod's CPU request. */
export interface WorkloadLoad {
  millicores?: number;
  percentOfRequest?: number;
}

export interface PodMetrics {
  cpuMilli: number;
  memoryBytes: number;
}

interface State {
  workloads: [string, WorkloadLoad][];
  pods: [string, number][];
}

/** FNV-1a of a string: a stable per-pod number for the idle baseline (no randomness needed). */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function podCpuRequestMilli(pod: Pod): number | undefined {
  let total = 0;
  for (const c of pod.spec.containers ?? []) {
    const r = c.resources?.requests?.cpu;
    if (r === undefined) return undefined;
    total += milliCPU(r);
  }
  return total;
}

function podCpuLimitMilli(pod: Pod): number | undefined {
  let total = 0;
  for (const c of pod.spec.containers ?? []) {
    const l = c.resources?.limits?.cpu;
    if (l === undefined) return undefined;
    total += milliCPU(l);
  }
  return total;
}

export class MetricsServer implements Component {
  readonly name = 'metrics-server';
  running = true;
  private workloads = new Map<string, WorkloadLoad>();
  private podLoads = new Map<string, number>();
  private podInformer: Informer<Pod>;
  private rsInformer: Informer<ReplicaSet>;
  private deployInformer: Informer<Deployment>;

  constructor(private readonly ctx: ComponentContext) {
    this.podInformer = ctx.informers.for<Pod>({ group: '', resource: 'pods' });
    this.rsInformer = ctx.informers.for<ReplicaSet>({ group: 'apps', resource: 'replicasets' });
    this.deployInformer = ctx.informers.for<Deployment>({ group: 'apps', resource: 'deployments' });
  }

  start(): void {}
  hasWork(): boolean {
    return false;
  }
  runOnce(): void {}

  save(): State {
    return { workloads: [...this.workloads.entries()].sort(), pods: [...this.podLoads.entries()].sort() };
  }

  load(s: unknown): void {
    const st = s as State;
    this.workloads = new Map(st.workloads);
    this.podLoads = new Map(st.pods);
  }

  /** `sim load deployment/NAME --cpu …`: set (or with undefined, stop) a workload's demand. */
  setWorkloadLoad(namespace: string, kind: string, name: string, load: WorkloadLoad | undefined): void {
    const k = `${namespace}/${kind.toLowerCase()}/${name}`;
    if (load) this.workloads.set(k, load);
    else this.workloads.delete(k);
    this.ctx.trace.record({
      component: this.name, action: 'load', object: { kind, namespace, name },
      message: load ? `${kind} ${name}: simulated CPU demand set to ${load.millicores !== undefined ? `${load.millicores}m` : `${load.percentOfRequest}% of one pod's request`}, shared by its running pods` : `${kind} ${name}: simulated load stopped`,
    });
  }

  /**
   * Add CPU usage to one pod (`namespace/name`), e.g. from simulated traffic: 50 requests/s at
   * 2m each → addCpuLoad('default/web-abc12', 100). Negative values take load away (floor 0).
   */
  addCpuLoad(podKey: string, millicores: number): void {
    const v = Math.max(0, (this.podLoads.get(podKey) ?? 0) + millicores);
    if (v === 0) this.podLoads.delete(podKey);
    else this.podLoads.set(podKey, v);
  }

  /** The Deployment (or ReplicaSet) key whose load a pod shares, e.g. `default/deployment/web`. */
  private workloadKeys(pod: Pod): string[] {
    const ns = pod.metadata.namespace ?? '';
    const ref = controllerOf(pod);
    if (!ref) return [];
    const keys = [`${ns}/${ref.kind.toLowerCase()}/${ref.name}`];
    if (ref.kind === 'ReplicaSet') {
      const rs = this.rsInformer.get(`${ns}/${ref.name}`);
      const dref = rs ? controllerOf(rs) : undefined;
      if (dref?.kind === 'Deployment' && this.deployInformer.get(`${ns}/${dref.name}`)) keys.push(`${ns}/deployment/${dref.name}`);
    }
    return keys;
  }

  private hasMetrics(pod: Pod, now: number): boolean {
    if (pod.status?.phase !== 'Running' || pod.metadata.deletionTimestamp) return false;
    const started = this.ctx.clock.parse(pod.status.startTime);
    return Number.isFinite(started) && now - started >= METRIC_RESOLUTION_MS;
  }

  /** PodMetrics for one pod, or undefined when metrics-server has none (yet). */
  podMetrics(pod: Pod): PodMetrics | undefined {
    const now = this.ctx.clock.now();
    if (!this.hasMetrics(pod, now)) return undefined;
    const h = hash(pod.metadata.name ?? '');
    let cpu = 1 + (h % 3);
    for (const wk of this.workloadKeys(pod)) {
      const load = this.workloads.get(wk);
      if (!load) continue;
      const [ns] = wk.split('/');
      const sharers = this.podInformer.byIndex(BY_NAMESPACE, ns).filter((p) => this.hasMetrics(p, now) && this.workloadKeys(p).includes(wk));
      const req = podCpuRequestMilli(pod) ?? 100;
      const total = load.millicores ?? ((load.percentOfRequest ?? 0) / 100) * req;
      cpu += total / Math.max(1, sharers.length);
    }
    cpu += this.podLoads.get(keyOf(pod)) ?? 0;
    const limit = podCpuLimitMilli(pod);
    if (limit !== undefined) cpu = Math.min(cpu, limit);
    // Memory: a steady per-pod footprint (8–23 MiB), bounded by any limit.
    let mem = (8 + (h % 16)) * 1024 * 1024;
    const memLimit = (pod.spec.containers ?? []).reduce((s, c) => s + (c.resources?.limits?.memory ? bytes(c.resources.limits.memory) : Infinity), 0);
    mem = Math.min(mem, memLimit);
    return { cpuMilli: Math.round(cpu), memoryBytes: mem };
  }
}
