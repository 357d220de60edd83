// Pure reducer: engine messages in, a new ClusterState out (in the spirit of React Flow's
// applyNodeChanges). Structural sharing: a batch that touches only pods leaves the deployments
// map (and every selector reading it) untouched, so only the pod views re-render.
import type { ChangeBatch, KubeObject, TraceEntry } from '../../engine';
import type { EngineMessage, FullState } from '../../engine/protocol';
import { EMPTY_STATE, MAX_TRACES, keyOfObject, type ClusterState, type ObjectKey } from './state';

export function fromFullState(full: FullState): ClusterState {
  const objects: Record<string, Record<ObjectKey, KubeObject>> = {};
  for (const [resource, list] of Object.entries(full.objects)) {
    const byKey: Record<ObjectKey, KubeObject> = {};
    for (const o of list) byKey[keyOfObject(o)] = o;
    objects[resource] = byKey;
  }
  return { clock: full.clock, objects, traces: capTraces(full.traces) };
}

export function applyBatch(state: ClusterState, batch: ChangeBatch): ClusterState {
  let objects = state.objects;
  if (batch.changes.length > 0) {
    const touched: Record<string, Record<ObjectKey, KubeObject>> = {};
    for (const ch of batch.changes) {
      // Copy each resource's map once per batch, on its first change.
      const map = (touched[ch.resource] ??= { ...(state.objects[ch.resource] ?? {}) });
      const key = keyOfObject(ch.object);
      if (ch.type === 'deleted') delete map[key];
      else map[key] = ch.object;
    }
    objects = { ...state.objects, ...touched };
  }
  const traces = batch.traces.length > 0 ? capTraces([...state.traces, ...batch.traces]) : state.traces;
  const clock = batch.time === state.clock.time ? state.clock : { ...state.clock, time: batch.time };
  return { clock, objects, traces };
}

/** Applies any engine message that carries cluster state; other messages leave it unchanged. */
export function reduceMessage(state: ClusterState, msg: EngineMessage): ClusterState {
  switch (msg.type) {
    case 'ready':
      return fromFullState(msg.state);
    case 'batch':
      return applyBatch(state, msg.batch);
    case 'clock':
      return { ...state, clock: msg.clock };
    default:
      return state;
  }
}

function capTraces(t: readonly TraceEntry[]): readonly TraceEntry[] {
  return t.length > MAX_TRACES ? t.slice(t.length - MAX_TRACES) : t;
}

export { EMPTY_STATE };
