// Module-level selectors. Derived values (sorted lists, pods grouped by node) are memoised on
// the identity of the maps they read: the reducer keeps a resource's map unchanged when a batch
// does not touch it, so e.g. a deployment change does not rebuild the pods-by-node grouping.
import type { KubeObject, TraceEntry } from '../../engine';
import type { Node, Pod } from '../../engine/api/core';
import type { Deployment, ReplicaSet } from '../../engine/api/apps';
import type { ClockState } from '../../engine/protocol';
import type { PlaygroundState } from './store';

type ObjectMap = Readonly<Record<string, KubeObject>>;
const EMPTY: ObjectMap = Object.freeze({});

/** Memoise `compute` on the identity of one input. */
function derive<I, O>(input: (s: PlaygroundState) => I, compute: (i: I) => O): (s: PlaygroundState) => O {
  let hasLast = false;
  let lastIn: I;
  let lastOut: O;
  return (s) => {
    const i = input(s);
    if (!hasLast || i !== lastIn) {
      hasLast = true;
      lastIn = i;
      lastOut = compute(i);
    }
    return lastOut;
  };
}

const resource = (r: string) => (s: PlaygroundState): ObjectMap => s.cluster.objects[r] ?? EMPTY;

function sortedByKey<T extends KubeObject>(m: ObjectMap): T[] {
  return Object.keys(m)
    .sort()
    .map((k) => m[k] as T);
}

export const selectConnection = (s: PlaygroundState) => s.connection;
export const selectError = (s: PlaygroundState) => s.error;
export const selectClock = (s: PlaygroundState): ClockState => s.cluster.clock;
export const selectTime = (s: PlaygroundState) => s.cluster.clock.time;
export const selectTraces = (s: PlaygroundState): readonly TraceEntry[] => s.cluster.traces;
export const selectTerminalEntries = (s: PlaygroundState) => s.terminal.entries;
export const selectHistory = (s: PlaygroundState) => s.terminal.history;

/** Control-plane nodes first, then by name (kind's order). */
export const selectNodes = derive(resource('/nodes'), (m) =>
  sortedByKey<Node>(m).sort((a, b) => rank(a) - rank(b) || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '')),
);

function rank(n: Node): number {
  return 'node-role.kubernetes.io/control-plane' in (n.metadata.labels ?? {}) ? 0 : 1;
}

export interface PodsByNode {
  /** node name → its pods, by namespace/name. */
  byNode: ReadonlyMap<string, readonly Pod[]>;
  /** Pods with no spec.nodeName yet (waiting for the scheduler). */
  unscheduled: readonly Pod[];
}

const NO_PODS: readonly Pod[] = Object.freeze([]);

export const selectPodsByNode = derive(resource('/pods'), (m): PodsByNode => {
  const byNode = new Map<string, Pod[]>();
  const unscheduled: Pod[] = [];
  for (const p of sortedByKey<Pod>(m)) {
    const node = p.spec?.nodeName;
    if (!node) unscheduled.push(p);
    else {
      const list = byNode.get(node);
      if (list) list.push(p);
      else byNode.set(node, [p]);
    }
  }
  return { byNode, unscheduled };
});

export function podsOn(g: PodsByNode, node: string): readonly Pod[] {
  return g.byNode.get(node) ?? NO_PODS;
}

export const selectDeployments = derive(resource('apps/deployments'), (m) => sortedByKey<Deployment>(m));
export const selectReplicaSets = derive(resource('apps/replicasets'), (m) => sortedByKey<ReplicaSet>(m));
