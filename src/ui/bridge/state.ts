// The UI's normalised copy of the cluster: objects by resource, then by `namespace/name` key.
// Built and updated only by the pure reducer in reducer.ts.
import type { KubeObject, TraceEntry } from '../../engine';
import type { ClockState } from '../../engine/protocol';

/** 'namespace/name' for namespaced objects, 'name' for cluster-scoped ones (like the engine). */
export type ObjectKey = string;

export interface ClusterState {
  clock: ClockState;
  /** resource ('/pods', 'apps/deployments') → key → object. Unchanged maps keep their identity. */
  objects: Readonly<Record<string, Readonly<Record<ObjectKey, KubeObject>>>>;
  /** Most recent trace entries, oldest first, at most MAX_TRACES. */
  traces: readonly TraceEntry[];
}

/** How many trace entries the UI keeps for the narration feed. */
export const MAX_TRACES = 300;

export const EMPTY_STATE: ClusterState = {
  clock: { time: 0, speed: 1, paused: false },
  objects: {},
  traces: [],
};

export function keyOfObject(o: KubeObject): ObjectKey {
  const ns = o.metadata.namespace;
  const name = o.metadata.name ?? '';
  return ns ? `${ns}/${name}` : name;
}
