// Messages between the UI and the engine's Worker (src/engine/worker.ts). Plain data only:
// everything here survives structuredClone, so the same shapes work over postMessage or in
// process. UI → engine is a closed union of commands; engine → UI is one full state message
// followed by incremental ChangeBatches (never a full copy per tick).
import type { ChangeBatch, CommandResult, Snapshot } from './cluster';
import type { KubeObject } from './api/meta';
import type { TraceEntry } from './sim/trace';
import type { TrafficStats } from './traffic/traffic';
import type { ControlPlaneStatus } from './sim/controlplane';
import type { Completion } from './index';
import type { PreparedEdit } from './kubectl/cmd/edit';

export type { ControlPlaneStatus, Completion, PreparedEdit, TrafficStats };

/** Speeds the UI offers; the Worker accepts any positive speed up to MAX_SPEED. */
export const SPEEDS = [0.25, 1, 2, 5, 10, 60] as const;
export const MAX_SPEED = 100;

// ------------------------------------------------------------------ UI → engine

export type EngineCommand =
  /**
   * First message: create the cluster. Same seed and same commands give the same cluster.
   * With `session` (an imported file, a share link) the cluster is restored from it; with
   * `restoreSaved` the Worker restores the session it saved in the browser (see the `save`
   * query), or boots `seed` when there is none.
   */
  | { type: 'init'; seed: number; speed?: number; paused?: boolean; session?: Session; restoreSaved?: boolean }
  /** Replace the cluster: a fresh one from `seed` ("Reset cluster"), or a session (import). */
  | { type: 'load'; seed: number; session?: Session }
  /**
   * Move simulated time to any moment of the current history (earlier or later than now): the
   * Worker restores the nearest checkpoint and replays the logged commands up to `time`. Pauses.
   */
  | { type: 'seek'; time: number }
  /** Discard the history after the current moment (the commands that would be replayed). */
  | { type: 'branch' }
  /**
   * Run one terminal line (`kubectl …` or `sim …`); answered by a `result` with the same id.
   * `kubectl edit TYPE/NAME` with `stdin` saves an edit: stdin is the edited text (see the
   * `edit` query), handed to finishEdit, and logged like any line so a replay repeats it.
   */
  | { type: 'run'; id: number; line: string; stdin?: string }
  /**
   * `kubectl get … --watch` in the terminal: answered by a `result` with the same id (the first
   * table), then `watchRows` messages as objects change, until `unwatch` (Ctrl-C). Not logged:
   * a watch only reads.
   */
  | { type: 'watch'; id: number; line: string }
  /** Close the watch started with this id. */
  | { type: 'unwatch'; id: number }
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
  | { kind: 'snapshot' }
  /** Seed, current snapshot and command log: what a page saves and an export file holds. */
  | { kind: 'session' }
  /**
   * Save the session in the browser's storage (SESSION_KEY), from the Worker itself so the
   * snapshot never crosses to the page. Answered (true, or false when it could not) once written.
   */
  | { kind: 'save' }
  /** Command log, checkpoints and the span of the current history (the UI's scrubber). */
  | { kind: 'timeline' }
  /** Request counters per load generator, Service and pod (answer: TrafficStats). */
  | { kind: 'trafficStats' }
  /**
   * Tab completion of a terminal line at `cursor` (default: its end), as the engine's kubectl
   * completes it (answer: Completion, or null when the engine cannot complete).
   */
  | { kind: 'complete'; line: string; cursor?: number }
  /**
   * Start a `kubectl edit …` line: the object's YAML under kubectl's header comment, or the
   * error kubectl prints (answer: PreparedEdit). Saving is a `run` of the same line with the
   * edited text as stdin.
   */
  | { kind: 'edit'; line: string };

/** One command line as the Worker ran it, at its simulated time. */
export interface LoggedCommand {
  time: number;
  line: string;
  stdin?: string;
}

/**
 * Everything needed to bring a cluster back: the seed it booted from, the command log and
 * (optionally) a snapshot of the present so restoring does not have to replay from boot.
 * `applied` says how many logged commands the snapshot includes (the rest are replayed as time
 * passes). A session without a snapshot is a scenario: boot from the seed and replay the log.
 */
export interface Session {
  format: 'kube-playground-session';
  version: 1;
  seed: number;
  log: LoggedCommand[];
  snapshot?: Snapshot;
  applied?: number;
  /** Simulated time to replay to when there is no snapshot (default: the last command's time). */
  time?: number;
}

/** Is `x` a Session this version wrote (a saved page, an exported cluster file)? */
export function isSession(x: unknown): x is Session {
  return (
    isRecord(x) &&
    x.format === 'kube-playground-session' &&
    x.version === 1 &&
    typeof x.seed === 'number' &&
    Array.isArray(x.log) &&
    x.log.every((l) => isRecord(l) && typeof l.time === 'number' && typeof l.line === 'string')
  );
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Where the engine Worker keeps the page's cluster session in the browser's storage (src/storage). */
export const SESSION_KEY = 'session';

export interface Timeline {
  /** Earliest reachable simulated time (the booted cluster, or a restored snapshot). */
  start: number;
  /** Latest simulated time reached in this history. */
  head: number;
  now: number;
  /** How many of `commands` have run at `now` (the rest lie in the future of a scrubbed-back clock). */
  applied: number;
  commands: { time: number; line: string }[];
  /** Simulated times of the kept checkpoints. */
  checkpoints: number[];
}

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
  /** Which control-plane components run (`sim controlplane stop|start …`). */
  controlPlane?: ControlPlaneStatus;
}

/** Every stored object, grouped by resource ('/pods', 'apps/deployments', …). */
export interface FullState {
  clock: ClockState;
  objects: Record<string, KubeObject[]>;
  traces: TraceEntry[];
}

export type EngineMessage =
  /**
   * Sent after `init`, and again whenever the cluster is replaced (load, seek back): the whole
   * cluster. Later changes come as `batch` messages.
   */
  | { type: 'ready'; state: FullState }
  /** Objects that changed and traces recorded since the previous batch. */
  | { type: 'batch'; batch: ChangeBatch }
  /** The clock moved (or was paused, or changed speed) without any object changing. */
  | { type: 'clock'; clock: ClockState }
  | { type: 'result'; id: number; result: CommandResult }
  /** The history changed (a command was logged, a seek, a branch, a load). */
  | { type: 'timeline'; timeline: Timeline }
  /** A command replayed from the log after a seek (so a terminal can show what happened). */
  | { type: 'replayed'; command: LoggedCommand; result: CommandResult }
  | { type: 'queryResult'; id: number; result: unknown }
  /**
   * Rows a `watch` printed since the last message (each a formatted table line). `ended`: the
   * watch is closed (it failed to start, the cluster was replaced, or `unwatch` arrived).
   */
  | { type: 'watchRows'; id: number; rows: string[]; ended?: boolean }
  /** Something went wrong inside the Worker (a bug, not a failed kubectl command). */
  | { type: 'error'; message: string };

/** How many trace entries the initial state carries. */
export const INITIAL_TRACES = 200;

/** The seed whose booted cluster production builds ship as a boot image (a page's default). */
export const BOOT_IMAGE_SEED = 1;

/**
 * A booted cluster shipped with the page (scripts/boot-snapshot.ts): restoring `snapshot` (JSON
 * text) gives exactly what createCluster({ seed }) boots, without simulating the boot.
 */
export interface BootImage {
  seed: number;
  snapshot: string;
}
