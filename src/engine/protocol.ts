// Messages between the UI and the engine's Worker (src/engine/worker.ts). Plain data only:
// everything here survives structuredClone, so the same shapes work over postMessage or in
// process. UI → engine is a closed union of commands; engine → UI is one full state message
// followed by incremental ChangeBatches (never a full copy per tick).
import type { ChangeBatch, CommandResult } from './cluster';
import type { KubeObject } from './api/meta';
import type { TraceEntry } from './sim/trace';

/** Speeds the UI offers; the Worker accepts any positive speed up to MAX_SPEED. */
export const SPEEDS = [0.5, 1, 2, 5, 10] as const;
export const MAX_SPEED = 100;

// ------------------------------------------------------------------ UI → engine

export type EngineCommand =
  /** First message: create the cluster. Same seed and same commands give the same cluster. */
  | { type: 'init'; seed: number; speed?: number; paused?: boolean }
  /** Run one terminal line (`kubectl …` or `sim …`); answered by a `result` with the same id. */
  | { type: 'run'; id: number; line: string; stdin?: string }
  /** Simulated milliseconds per wall-clock millisecond (1 = real time). */
  | { type: 'setSpeed'; speed: number }
  | { type: 'pause' }
  | { type: 'resume' }
  /** Jump simulated time to the next pending timer (a kubelet stage, a back-off, a heartbeat…). */
  | { type: 'step' }
  /** Ask for derived, read-only data; answered by a `queryResult` with the same id. */
  | { type: 'query'; id: number; query: EngineQuery };

/** Read-only questions the UI may ask the engine (answers are plain data). */
export type EngineQuery =
  /** The scheduler's last decision for a pod: every node × every filter and score plugin. */
  | { kind: 'schedulerDecision'; namespace: string; name: string }
  /** The whole cluster as plain data (for saving, export and replay). */
  | { kind: 'snapshot' };

export type EngineCommandType = EngineCommand['type'];

// ------------------------------------------------------------------ engine → UI

/** Pacing state of the simulated clock, as the Worker sees it. */
export interface ClockState {
  /** Simulated ms since the cluster epoch. */
  time: number;
  speed: number;
  paused: boolean;
  /** Simulated time of the next pending timer, if any (what `step` would jump to). */
  nextEventTime?: number;
}

/** Every stored object, grouped by resource ('/pods', 'apps/deployments', …). */
export interface FullState {
  clock: ClockState;
  objects: Record<string, KubeObject[]>;
  traces: TraceEntry[];
}

export type EngineMessage =
  /** Sent once after `init`: the whole cluster. Later changes come as `batch` messages. */
  | { type: 'ready'; state: FullState }
  /** Objects that changed and traces recorded since the previous batch. */
  | { type: 'batch'; batch: ChangeBatch }
  /** The clock moved (or was paused, or changed speed) without any object changing. */
  | { type: 'clock'; clock: ClockState }
  | { type: 'result'; id: number; result: CommandResult }
  | { type: 'queryResult'; id: number; result: unknown }
  /** Something went wrong inside the Worker (a bug, not a failed kubectl command). */
  | { type: 'error'; message: string };

/** How many trace entries the initial state carries. */
export const INITIAL_TRACES = 200;
