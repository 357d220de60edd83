// The fake container runtime's records (what containerd + the kubelet's pod workers know about a
// pod): sandboxes, container instances, restart counts and probe state. Plain JSON, so a snapshot
// carries them (Kubelet.save/load). Mirrors the data in pkg/kubelet/container/runtime.go
// (PodStatus, Status) and pkg/kubelet/pod_workers.go (podSyncStatus), reduced.
import type { Program } from './program';

export type ProbeType = 'readiness' | 'liveness' | 'startup';

/** One process run of a container (a containerd container: new ID on every restart). */
export interface ContainerInstance {
  /** 64 hex digits; status shows `containerd://<id>`. */
  id: string;
  /** Normalised image name (docker.io/library/nginx:1.25) and its digest reference. */
  image: string;
  imageID: string;
  startedAt: number;
  program: Program;
  finishedAt?: number;
  exitCode?: number;
  /** Completed (0), Error (non-zero), OOMKilled, StartError. */
  reason?: string;
  message?: string;
  /** SIGTERM was sent at this time (graceful stop); SIGKILL follows at stopDeadline. */
  stopRequestedAt?: number;
  stopDeadline?: number;
  /** Why the kubelet stopped it: deletion, a failed liveness/startup probe, or pod completion. */
  stopCause?: 'delete' | 'liveness' | 'startup' | 'completed' | 'crash';
}

/** Event-driven probe state: the last evaluated probe, its stable result and the current streak. */
export interface ProbeState {
  /** Index k of the next probe to evaluate; probe k runs at anchor + k·period. */
  nextK: number;
  anchor: number;
  result: 'success' | 'failure';
  /** Consecutive probes disagreeing with `result` so far. */
  run: number;
  /** Outcome of the last evaluated probe, to spot the start of a failure streak. */
  lastOutcome?: boolean;
}

/** A step in progress (pulling, creating) or a back-off wait, finishing at `until`. */
/** The image a container will start from, once pulled (or found in the cache). */
export interface ReadyImage {
  image: string;
  imageID: string;
  repository: string;
}

export type Step =
  | { kind: 'pull'; until: number; ready: ReadyImage; sizeBytes: number; message: string }
  | { kind: 'pullFail'; until: number; error: string }
  | { kind: 'start'; until: number; ready: ReadyImage }
  | { kind: 'pullBackOff'; until: number; reported: boolean }
  | { kind: 'crashBackOff'; until: number };

export interface ContainerRecord {
  name: string;
  kind: 'init' | 'sidecar' | 'regular';
  restartCount: number;
  /** The latest instance (running or exited) and the one before it (`kubectl logs --previous`). */
  current?: ContainerInstance;
  previous?: ContainerInstance;
  step?: Step;
  /** A waiting reason the kubelet reports (ErrImagePull, CrashLoopBackOff, …). */
  waiting?: { reason: string; message?: string };
  probes: Partial<Record<ProbeType, ProbeState>>;
  /** Startup probe passed (or none): liveness/readiness may run. */
  startupDoneAt?: number;
  /** Readiness result (true when the container has no readiness probe and is running). */
  ready: boolean;
}

export interface PodRecord {
  key: string;
  uid: string;
  namespace: string;
  name: string;
  static: boolean;
  acceptedAt: number;
  sandboxDueAt?: number;
  /** The last FailedMount message (a missing ConfigMap/Secret volume source), while it lasts. */
  mountError?: string;
  sandbox?: { id: string; readyAt: number; ip: string; torn?: boolean };
  containers: Record<string, ContainerRecord>;
  /** All init containers have completed (sidecars started): never re-run for this sandbox. */
  initDone: boolean;
  terminating?: { startedAt: number; deadline: number };
  /** The pod reached Succeeded/Failed: nothing will run again. */
  terminal?: 'Succeeded' | 'Failed';
  /** Times of wake-up timers already scheduled for this pod. */
  wakes: number[];
  /** Lesson overrides of probe results: `${container}/${type}` → pass|fail, since when. */
  overrides: Record<string, { mode: 'pass' | 'fail'; since: number }>;
}

export function isRunning(i: ContainerInstance | undefined): boolean {
  return !!i && i.finishedAt === undefined;
}

/**
 * When a running instance exits if nothing else happens: its program ends, the OOM killer, or a
 * stop (SIGTERM handled after stopMs; ignored → SIGKILL at the deadline).
 */
export function plannedExit(i: ContainerInstance, memoryLimit: number | undefined, minMemory: number | undefined): { at: number; code: number; reason: string } | undefined {
  const candidates: { at: number; code: number; reason: string }[] = [];
  const p = i.program;
  if (p.exit) candidates.push({ at: i.startedAt + p.exit.at, code: p.exit.code, reason: p.kind === 'startError' ? 'StartError' : p.exit.code === 0 ? 'Completed' : 'Error' });
  const needs = Math.max(p.memoryBytes ?? 0, minMemory ?? 0);
  if (memoryLimit && needs > memoryLimit) candidates.push({ at: i.startedAt + 500, code: 137, reason: 'OOMKilled' });
  if (i.stopRequestedAt !== undefined) {
    if (!p.ignoresSigterm) candidates.push({ at: i.stopRequestedAt + p.stopMs, code: p.kind === 'server' || p.kind === 'pause' ? 0 : 143, reason: 'Completed' });
    if (i.stopDeadline !== undefined) candidates.push({ at: i.stopDeadline, code: 137, reason: 'Error' });
  }
  candidates.sort((a, b) => a.at - b.at);
  const first = candidates[0];
  if (first && first.code === 143) first.reason = 'Error';
  return first;
}
