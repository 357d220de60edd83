// The engine host: one simulated cluster behind the messages in protocol.ts, with pacing, the
// command log and time travel. worker.ts runs it in a Web Worker; tests drive it directly.
//
// Pacing: the engine itself runs on simulated time only (STYLE.md habit 4). The host is handed
// the wall clock (`wallNow`) by worker.ts, the ONE place allowed to read it and to use
// setInterval: every tick we measure how much wall time passed and advance the simulated clock by
// that much times the speed.
// Worked example: at speed 2, a tick that arrives 50 ms after the previous one advances the
// cluster by 100 simulated ms; a 10 s container start then takes 5 s on the lecture screen.
import { completeCommandLine, createCluster, finishEdit, prepareEdit, startWatch, type WatchHandle } from './index';
import type { Cluster, ChangeBatch, CommandResult, Snapshot } from './cluster';
import type { KeyValueStore } from '../storage/idb';
import { History } from './history';
import {
  INITIAL_TRACES,
  MAX_SPEED,
  SESSION_KEY,
  isSession,
  type BootImage,
  type ClockState,
  type EngineCommand,
  type EngineMessage,
  type EngineQuery,
  type FullState,
  type LoggedCommand,
  type Session,
} from './protocol';

/** How often worker.ts calls tick(). */
export const TICK_MS = 50;
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
  private unsubscribe: (() => void) | undefined;
  private history = new History(0);
  private seed = 1;
  private speed = 1;
  private paused = false;
  private lastWall = 0;
  private carry = 0; // fractional simulated ms not yet advanced
  private lastClockPost = -Infinity;
  private failed = false;
  /** Open `kubectl get -w` watches by command id (the terminal closes them with `unwatch`). */
  private watches = new Map<number, WatchHandle>();
  /** A cluster booted before `init` arrived (see preboot), taken by the first load of its seed. */
  private prebooted: { seed: number; cluster: Cluster } | undefined;

  constructor(
    private readonly post: (m: EngineMessage) => void,
    private readonly wallNow: () => number,
    /** A booted cluster shipped with the page: its seed boots by restoring it (same cluster, faster). */
    private readonly image: BootImage | null = null,
    /** The browser's storage, where the session is saved and restored from (none: not kept). */
    private readonly storage?: KeyValueStore,
  ) {}

  handle(cmd: EngineCommand): void {
    switch (cmd.type) {
      case 'init':
        if (this.cluster) return this.post({ type: 'error', message: 'the cluster is already initialised' });
        if (cmd.speed !== undefined && Number.isFinite(cmd.speed) && cmd.speed > 0) this.speed = Math.min(cmd.speed, MAX_SPEED);
        this.paused = !!cmd.paused;
        if (cmd.restoreSaved && !cmd.session && this.storage) return void this.restoreSaved(cmd.seed, this.storage);
        return this.load(cmd.seed, cmd.session);
      case 'load':
        return this.load(cmd.seed, cmd.session);
      case 'run':
        return this.runLine(cmd.id, cmd.line, cmd.stdin);
      case 'watch':
        return this.watch(cmd.id, cmd.line);
      case 'unwatch':
        return this.endWatch(cmd.id);
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
      case 'seek':
        return this.seek(cmd.time);
      case 'branch':
        if (this.cluster) this.history.branch(this.cluster.now());
        return this.postTimeline();
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
    this.guard(() => this.advanceTo(c.now() + ms, true));
    if (c.now() !== before && wall - this.lastClockPost >= CLOCK_POST_MS) this.postClock();
  }

  // ------------------------------------------------------------------ cluster lifecycle

  /**
   * Boot the default cluster while the page is still loading (its scripts, the saved page from
   * IndexedDB, the first render), so `init` finds it ready. Booting advances 90 simulated
   * seconds and is most of the time to a first picture; the result is the same cluster that
   * `init` would boot from this seed, so nothing changes but when the work happens. Even a
   * restored session needs it: the boot is the history's first checkpoint.
   */
  preboot(seed: number): void {
    if (this.cluster || this.prebooted) return;
    try {
      this.prebooted = { seed, cluster: this.bootFresh(seed) };
    } catch {
      this.prebooted = undefined; // `init` boots again and reports the error
    }
  }

  private boot(seed: number): Cluster {
    const pre = this.prebooted;
    this.prebooted = undefined;
    return pre && pre.seed === seed ? pre.cluster : this.bootFresh(seed);
  }

  private bootFresh(seed: number): Cluster {
    const image = this.image;
    return image && image.seed === seed ? createCluster({ snapshot: JSON.parse(image.snapshot) as Snapshot }) : createCluster({ seed });
  }

  /**
   * Boot a cluster from `seed` (the history's first checkpoint), then bring in the session if
   * there is one: its snapshot as-is, or (a scenario without snapshot) a replay of its log.
   */
  private load(seed: number, session?: Session): void {
    this.guard(() => this.loadOrThrow(seed, session));
    this.lastWall = this.wallNow();
  }

  private loadOrThrow(seed: number, session?: Session): void {
    this.seed = session?.seed ?? seed;
    const boot = this.boot(this.seed);
    this.history = new History(boot.now());
    this.history.addCheckpoint(boot.now(), () => boot.snapshot());
    let c = boot;
    if (session) {
      this.history.log = session.log.map((l) => ({ ...l }));
      this.history.applied = 0;
      if (session.snapshot) {
        c = createCluster({ snapshot: session.snapshot });
        this.history.applied = session.applied ?? session.log.filter((l) => l.time <= c.now()).length;
        this.history.advanced(c.now());
        this.history.addCheckpoint(c.now(), () => c.snapshot());
      }
      this.history.advanced(Math.max(0, ...session.log.map((l) => l.time)));
    }
    this.attach(c);
    if (session && !session.snapshot) {
      // A scenario: replay its commands (quietly) up to its end, then hand over the result.
      const end = session.time ?? Math.max(c.now(), ...session.log.map((l) => l.time));
      this.advanceTo(end, false);
      this.history.advanced(end);
    }
    this.postFull();
  }

  /**
   * Bring back the session saved in the browser (a reload, a reopened laptop), or boot `seed`
   * when nothing usable is saved. Commands that arrive while storage is read find no cluster yet
   * and say so; a `load` that lands first wins over the saved session.
   */
  private async restoreSaved(seed: number, storage: KeyValueStore): Promise<void> {
    const saved: unknown = await storage.get(SESSION_KEY).catch(() => undefined);
    if (this.cluster) return;
    if (!isSession(saved)) return this.load(seed);
    try {
      this.loadOrThrow(saved.seed, saved);
      this.lastWall = this.wallNow();
      return;
    } catch {
      // The snapshot cannot be read (saved by another version of the engine, say). The seed and
      // the command log are the history itself: replaying them rebuilds the student's cluster.
    }
    const { snapshot: _unreadable, applied: _applied, ...replay } = saved;
    this.load(saved.seed, { ...replay, time: Math.max(0, ...saved.log.map((l) => l.time)) });
  }

  /** The `save` query: write the session to storage here, answer whether it was written. */
  private async save(id: number): Promise<void> {
    const c = this.cluster;
    let ok = false;
    if (c && this.storage) {
      try {
        await this.storage.set(SESSION_KEY, this.session(c));
        ok = true;
      } catch {
        // A full disk or a private window: the page keeps running, it just will not survive a reload.
      }
    }
    this.post({ type: 'queryResult', id, result: ok });
  }

  /** Make `c` the live cluster: batches of its changes go to the UI from now on. */
  private attach(c: Cluster): void {
    this.unsubscribe?.();
    // A watch follows one cluster: when it is replaced (load, seek back) the watch ends.
    for (const id of [...this.watches.keys()]) this.endWatch(id);
    this.cluster = c;
    this.unsubscribe = c.subscribe((batch: ChangeBatch) => {
      this.post({ type: 'batch', batch });
      this.postWatchRows();
    });
  }

  // ------------------------------------------------------------------ kubectl get --watch

  private watch(id: number, line: string): void {
    const c = this.cluster;
    let watch: WatchHandle | undefined;
    let result: CommandResult;
    if (!c) result = { stdout: '', stderr: 'error: the cluster is not running yet\n', exitCode: 1 };
    else {
      try {
        ({ result, watch } = startWatch(c, line));
      } catch (e) {
        result = { stdout: '', stderr: `internal error: ${messageOf(e)}\n`, exitCode: 1 };
      }
    }
    this.post({ type: 'result', id, result });
    if (watch) this.watches.set(id, watch);
    else this.post({ type: 'watchRows', id, rows: [], ended: true });
  }

  private endWatch(id: number): void {
    const w = this.watches.get(id);
    if (!w) return;
    this.watches.delete(id);
    const rows = w.poll();
    w.stop();
    this.post({ type: 'watchRows', id, rows, ended: true });
  }

  /** The rows each open watch printed since the last batch: one message per watch, not per row. */
  private postWatchRows(): void {
    for (const [id, w] of this.watches) {
      const rows = w.poll();
      if (rows.length) this.post({ type: 'watchRows', id, rows });
    }
  }

  private postFull(): void {
    const c = this.cluster;
    if (!c) return;
    this.post({ type: 'ready', state: this.fullState(c) });
    this.postTimeline();
  }

  // ------------------------------------------------------------------ commands and replay

  private runLine(id: number, line: string, stdin?: string): void {
    const c = this.cluster;
    if (!c) {
      return this.post({ type: 'result', id, result: { stdout: '', stderr: 'error: the cluster is not running yet\n', exitCode: 1 } });
    }
    let result: CommandResult;
    try {
      // A command typed after scrubbing back starts a new branch: the old future is gone.
      if (this.history.replaying) this.history.branch(c.now());
      this.history.addCheckpoint(c.now(), () => c.snapshot());
      // Changes made by the command reach the UI (as a batch) before its result does.
      result = runLogged(c, line, stdin);
      this.history.record({ time: c.now(), line, ...(stdin === undefined ? {} : { stdin }) });
    } catch (e) {
      result = { stdout: '', stderr: `internal error: ${messageOf(e)}\n`, exitCode: 1 };
    }
    this.post({ type: 'result', id, result });
    this.postTimeline();
    this.postClock();
  }

  /**
   * Advance to `target`, running each logged command that falls due on the way at its own time
   * (replay after a seek back), and keeping a checkpoint per simulated minute.
   */
  private advanceTo(target: number, announce: boolean): void {
    const c = this.cluster;
    if (!c) return;
    for (let cmd: LoggedCommand | undefined; (cmd = this.history.nextDue(target)); ) {
      if (cmd.time > c.now()) c.advance(cmd.time - c.now());
      const result = runLogged(c, cmd.line, cmd.stdin);
      this.history.applied++;
      if (announce) this.post({ type: 'replayed', command: cmd, result });
    }
    if (target > c.now()) c.advance(target - c.now());
    this.history.advanced(c.now());
    if (this.history.duePeriodic(c.now())) this.history.addCheckpoint(c.now(), () => c.snapshot());
  }

  /** Scrub: restore the nearest checkpoint at or before `time` and replay the log up to it. */
  private seek(time: number): void {
    const c = this.cluster;
    if (!c) return;
    const tl = this.history.timeline(c.now());
    const target = Math.min(Math.max(time, tl.start), tl.head);
    this.paused = true;
    this.guard(() => {
      if (target >= c.now()) {
        this.advanceTo(target, false); // forward within the history: just play it, quickly
        return;
      }
      const cp = this.history.checkpointFor(target);
      if (!cp) throw new Error(`no checkpoint before ${target} ms`);
      const restored = createCluster({ snapshot: JSON.parse(cp.json) as Snapshot });
      this.history.applied = cp.applied;
      this.unsubscribe?.();
      this.cluster = restored;
      this.advanceTo(target, false);
      this.attach(restored);
      this.post({ type: 'ready', state: this.fullState(restored) });
    });
    this.postTimeline();
    this.postClock();
  }

  private answer(id: number, q: EngineQuery): void {
    if (q.kind === 'save') return void this.save(id);
    const c = this.cluster;
    let result: unknown = null;
    if (c) {
      try {
        if (q.kind === 'schedulerDecision') result = c.schedulerDecision(q.namespace, q.name) ?? null;
        else if (q.kind === 'snapshot') result = c.snapshot();
        else if (q.kind === 'session') result = this.session(c);
        else if (q.kind === 'timeline') result = this.history.timeline(c.now());
        else if (q.kind === 'trafficStats') result = c.trafficStats();
        else if (q.kind === 'complete') result = completeCommandLine(c, q.line, q.cursor ?? q.line.length);
        else if (q.kind === 'edit') result = prepareEdit(c, q.line);
      } catch (e) {
        result = { error: messageOf(e) };
      }
    }
    this.post({ type: 'queryResult', id, result });
  }

  private session(c: Cluster): Session {
    return { format: 'kube-playground-session', version: 1, seed: this.seed, log: this.history.log.map((l) => ({ ...l })), snapshot: c.snapshot(), applied: this.history.applied };
  }

  private step(): void {
    const c = this.cluster;
    if (!c) return;
    // The next thing that happens: a timer, or a logged command waiting to be replayed.
    const timer = c.nextEventTime();
    const cmd = this.history.nextDue(Infinity)?.time;
    const next = timer === undefined ? cmd : cmd === undefined ? timer : Math.min(timer, cmd);
    if (next !== undefined) this.guard(() => this.advanceTo(Math.max(next, c.now()), true));
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
    return {
      time: c?.now() ?? 0,
      speed: this.speed,
      paused: this.paused,
      ...(next === undefined ? {} : { nextEventTime: next }),
      ...(c ? { controlPlane: c.controlPlaneStatus() } : {}),
    };
  }

  private postClock(): void {
    this.lastClockPost = this.wallNow();
    this.post({ type: 'clock', clock: this.clockState() });
  }

  private postTimeline(): void {
    const c = this.cluster;
    if (c) this.post({ type: 'timeline', timeline: this.history.timeline(c.now()) });
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

/**
 * Run one line of the command log. `kubectl edit TYPE/NAME` with stdin is a saved edit (the
 * terminal's editor sent the text): finishEdit saves it, exactly as it does on a replay. The
 * zero-length advance publishes the change at once (finishEdit settles but does not publish).
 */
function runLogged(c: Cluster, line: string, stdin: string | undefined): CommandResult {
  if (stdin === undefined || !/^(kubectl\s+)?edit(\s|$)/.test(line.trim())) return c.run(line, stdin === undefined ? {} : { stdin });
  const prepared = prepareEdit(c, line);
  const result = prepared.ok ? finishEdit(c, prepared.target, stdin) : prepared.result;
  c.advance(0);
  return result;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
