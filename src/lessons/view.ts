// What a lesson's checks may read: the cluster's objects, its events, the commands the student
// ran (with exit codes), simulated time and traffic counters. Checks are pure functions of a
// ClusterView, so the same check runs headless against an engine Cluster (tests) and live
// against the UI's store (the browser). Two adapters below build one from either.
import type { Cluster, Event, KubeObject } from '../engine';

export interface CommandRecord {
  line: string;
  /** Undefined while the command is still running (UI). */
  exitCode?: number;
  stdout?: string;
}

/** Requests and failed requests per traffic target (`svc/web`, `NODE_IP:PORT`…). */
export type TrafficCounters = Readonly<Record<string, { requests: number; errors: number }>>;

export interface ClusterView {
  /** Simulated ms since the cluster's epoch. */
  readonly now: number;
  /** Stored objects of a resource ('/pods', 'apps/deployments'); all namespaces when omitted. */
  list(resource: string, namespace?: string): readonly KubeObject[];
  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined;
  /** Event objects (all namespaces). */
  events(): readonly Event[];
  /** Commands the student ran in this lesson, oldest first (setup commands are not included). */
  readonly commands: readonly CommandRecord[];
  /** Present when the engine reports traffic (sim traffic). */
  readonly traffic?: TrafficCounters;
}

function viewOf(byResource: (resource: string) => readonly KubeObject[], now: number, commands: readonly CommandRecord[], traffic?: TrafficCounters): ClusterView {
  const list = (resource: string, namespace?: string) => {
    const all = byResource(resource);
    return namespace === undefined ? all : all.filter((o) => o.metadata.namespace === namespace);
  };
  return {
    now,
    list,
    get: (resource, namespace, name) => list(resource, namespace).find((o) => o.metadata.name === name),
    events: () => byResource('/events') as readonly Event[],
    commands,
    ...(traffic ? { traffic } : {}),
  };
}

/** Headless: a view of an engine Cluster (the caller keeps the command log). */
export function viewOfCluster(cluster: Cluster, commands: readonly CommandRecord[]): ClusterView {
  const stats = cluster.trafficStats();
  const traffic: Record<string, { requests: number; errors: number }> = {};
  for (const [target, c] of Object.entries(stats.targets)) traffic[target] = { requests: c.requests, errors: c.errors };
  return viewOf((r) => cluster.objects(r), cluster.now(), commands, traffic);
}

/** The UI store's shape, structurally (so this folder does not import the UI). */
export interface StoreClusterState {
  clock: { time: number };
  objects: Readonly<Record<string, Readonly<Record<string, KubeObject>>>>;
}

/** Live: a view of the UI store's copy of the cluster. */
export function viewOfState(state: StoreClusterState, commands: readonly CommandRecord[], traffic?: TrafficCounters): ClusterView {
  const cache = new Map<string, KubeObject[]>();
  const byResource = (r: string) => {
    let l = cache.get(r);
    if (!l) cache.set(r, (l = Object.values(state.objects[r] ?? {})));
    return l;
  };
  return viewOf(byResource, state.clock.time, commands, traffic);
}
