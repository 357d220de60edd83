// The Worker entry: hosts one simulated cluster off the UI thread and speaks the messages in
// protocol.ts. This file and the UI's bridge are the only code that knows a Worker exists.
//
// Pacing: the engine itself runs on simulated time only (STYLE.md habit 4). This is the ONE place
// allowed to read the wall clock (performance.now) and to use setInterval: every TICK_MS we measure
// how much wall time passed and advance the simulated clock by that much times the speed.
// Worked example: at speed 2, a tick that arrives 50 ms after the previous one advances the
// cluster by 100 simulated ms; a 10 s container start then takes 5 s on the lecture screen.
import { createCluster } from './index';
import type { Cluster, ChangeBatch } from './cluster';
import { INITIAL_TRACES, MAX_SPEED, type ClockState, type EngineCommand, type EngineMessage, type EngineQuery, type FullState } from './protocol';

const TICK_MS = 50;
/** A backgrounded tab may deliver ticks seconds apart: never jump more than this much wall time. */
const MAX_WALL_STEP_MS = 1000;
/** Clock-only messages (no object changed) are throttled to this wall-time interval. */
const CLOCK_POST_MS = 200;

/**
 * The message handler and pacer, independent of the Worker global so it can be tested in Node:
 * `post` sends a message to the UI, `wallNow` reads the wall clock in ms.
 */
export class EngineHost {
  private cluster: Cluster | undefined;
  private speed = 1;
  private paused = false;
  private lastWall = 0;
  private carry = 0; // fractional simulated ms not yet advanced
  private lastClockPost = -Infinity;
  private failed = false;

  constructor(
    private readonly post: (m: EngineMessage) => void,
    private readonly wallNow: () => number,
  ) {}

  handle(cmd: EngineCommand): void {
    switch (cmd.type) {
      case 'init':
        return this.init(cmd.seed, cmd.speed, cmd.paused);
      case 'run':
        return this.runLine(cmd.id, cmd.line, cmd.stdin);
      case 'setSpeed':
        if (Number.isFinite(cmd.speed) && cmd.speed > 0) this.speed = Math.min(cmd.speed, MAX_SPEED);
        return this.postClock();
      case 'pause':
        this.paused = true;
        return this.postClock();
      case 'resume':
        this.paused = false;
        this.failed = false;
        this.lastWall = this.wallNow();
        return this.postClock();
      case 'step':
        return this.step();
      case 'query':
        return this.answer(cmd.id, cmd.query);
      default: {
        // Closed union: a message of another shape is a bug in the sender.
        const unknown: never = cmd;
        this.post({ type: 'error', message: `unknown command: ${JSON.stringify(unknown)}` });
      }
    }
  }

  /** Advance simulated time by the wall time elapsed since the last tick, times the speed. */
  tick(): void {
    const wall = this.wallNow();
    const elapsed = Math.min(Math.max(0, wall - this.lastWall), MAX_WALL_STEP_MS);
    this.lastWall = wall;
    const c = this.cluster;
    if (!c || this.paused || this.failed) return;
    this.carry += elapsed * this.speed;
    const ms = Math.floor(this.carry);
    if (ms <= 0) return;
    this.carry -= ms;
    const before = c.now();
    this.guard(() => c.advance(ms));
    if (c.now() !== before && wall - this.lastClockPost >= CLOCK_POST_MS) this.postClock();
  }

  private init(seed: number, speed?: number, paused?: boolean): void {
    if (this.cluster) return this.post({ type: 'error', message: 'the cluster is already initialised' });
    if (speed !== undefined && Number.isFinite(speed) && speed > 0) this.speed = Math.min(speed, MAX_SPEED);
    this.paused = !!paused;
    this.guard(() => {
      const c = createCluster({ seed });
      this.cluster = c;
      this.post({ type: 'ready', state: this.fullState(c) });
      c.subscribe((batch: ChangeBatch) => this.post({ type: 'batch', batch }));
    });
    this.lastWall = this.wallNow();
  }

  private runLine(id: number, line: string, stdin?: string): void {
    const c = this.cluster;
    if (!c) {
      return this.post({ type: 'result', id, result: { stdout: '', stderr: 'error: the cluster is not running yet\n', exitCode: 1 } });
    }
    try {
      // Changes made by the command reach the UI (as a batch) before its result does.
      const result = c.run(line, stdin === undefined ? {} : { stdin });
      this.post({ type: 'result', id, result });
    } catch (e) {
      this.post({ type: 'result', id, result: { stdout: '', stderr: `internal error: ${messageOf(e)}\n`, exitCode: 1 } });
    }
    this.postClock();
  }

  private answer(id: number, q: EngineQuery): void {
    const c = this.cluster;
    let result: unknown = null;
    if (c) {
      try {
        if (q.kind === 'schedulerDecision') result = c.schedulerDecision(q.namespace, q.name) ?? null;
        else if (q.kind === 'snapshot') result = c.snapshot();
      } catch (e) {
        result = { error: messageOf(e) };
      }
    }
    this.post({ type: 'queryResult', id, result });
  }

  private step(): void {
    const c = this.cluster;
    if (!c) return;
    const next = c.nextEventTime();
    if (next !== undefined) this.guard(() => c.advance(Math.max(0, next - c.now())));
    this.postClock();
  }

  private fullState(c: Cluster): FullState {
    const objects: Record<string, FullState['objects'][string]> = {};
    for (const { gr, object } of c.snapshot().store.objects) (objects[gr] ??= []).push(object);
    return { clock: this.clockState(), objects, traces: c.recentTraces(INITIAL_TRACES) };
  }

  private clockState(): ClockState {
    const c = this.cluster;
    const next = c?.nextEventTime();
    return { time: c?.now() ?? 0, speed: this.speed, paused: this.paused, ...(next === undefined ? {} : { nextEventTime: next }) };
  }

  private postClock(): void {
    this.lastClockPost = this.wallNow();
    this.post({ type: 'clock', clock: this.clockState() });
  }

  /** A thrown engine error stops the pacing (instead of repeating every tick) and is reported once. */
  private guard(f: () => void): void {
    try {
      f();
    } catch (e) {
      this.failed = true;
      this.post({ type: 'error', message: messageOf(e) });
    }
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

// ------------------------------------------------------------------ Worker wiring

interface WorkerScope {
  postMessage(m: EngineMessage): void;
  addEventListener(type: 'message', l: (e: MessageEvent<EngineCommand>) => void): void;
}

function isWorkerScope(g: unknown): g is WorkerScope {
  // Inside a Worker the global object is a WorkerGlobalScope; in Node (tests) that class is absent.
  return typeof WorkerGlobalScope !== 'undefined' && g instanceof WorkerGlobalScope;
}

if (isWorkerScope(globalThis)) {
  const scope = globalThis;
  const host = new EngineHost(
    (m) => scope.postMessage(m),
    () => performance.now(), // wall clock: allowed here only, for pacing
  );
  scope.addEventListener('message', (e) => host.handle(e.data));
  setInterval(() => host.tick(), TICK_MS); // wall-clock pacing: allowed here only
}
