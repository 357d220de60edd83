// The Worker's memory of how the cluster got here, so the UI can scrub back in time.
//
// The engine is deterministic (STYLE.md habit 4): the cluster at simulated time T is fully
// determined by an earlier snapshot plus the command lines run since, each at its simulated time.
// So we keep two things:
//   - the command log: every line run, with the simulated time it ran at;
//   - checkpoints: snapshots taken every simulated minute and just before each command.
// Seeking to T restores the nearest checkpoint at or before T and replays the logged commands up
// to T. Worked example: checkpoints at 1:00, 2:00 and 2:10 (before `kubectl scale` at 2:10),
// seek to 2:30 → restore 2:10, run `kubectl scale`, advance 20 s. Seeking back keeps the later
// commands in the log, so pressing play replays them at their times; running a new command there
// (or `branch`) discards everything after "now".
import type { Snapshot } from './cluster';
import type { LoggedCommand, Timeline } from './protocol';

/** A simulated minute between periodic checkpoints. */
export const CHECKPOINT_EVERY_MS = 60_000;
/**
 * Memory budget for checkpoints (JSON characters). A default cluster's snapshot is about 240 k
 * characters, so this keeps about 250 of them; a 300-pod cluster's are larger and fewer are kept.
 * Past the budget every other old checkpoint is dropped (seeking gets slower, never wrong).
 */
export const MAX_CHECKPOINT_CHARS = 64 * 2 ** 20;

export interface Checkpoint {
  time: number;
  /** How many logged commands the snapshot already includes. */
  applied: number;
  /** The snapshot as JSON text: compact, immutable, and cheap to hand to the restorer. */
  json: string;
}

export class History {
  /** Every command of the current history, in the order (and at the times) they ran. */
  log: LoggedCommand[] = [];
  /** Index of the next logged command to replay; equals log.length when "live". */
  applied = 0;
  /** The latest simulated time reached in the current history (the end of the timeline). */
  head = 0;
  private checkpoints: Checkpoint[] = [];
  private chars = 0;

  constructor(readonly start: number) {
    this.head = start;
  }

  /** True when time has been scrubbed back and later commands wait to be replayed. */
  get replaying(): boolean {
    return this.applied < this.log.length;
  }

  /** The next logged command due at or before `until`, if any (during replay). */
  nextDue(until: number): LoggedCommand | undefined {
    const c = this.log[this.applied];
    return c && c.time <= until ? c : undefined;
  }

  addCheckpoint(time: number, snapshot: () => Snapshot): void {
    const last = this.checkpoints.at(-1);
    if (last && last.time === time && last.applied === this.applied) return;
    this.checkpoints.push({ time, applied: this.applied, json: JSON.stringify(snapshot()) });
    this.checkpoints.sort((a, b) => a.time - b.time || a.applied - b.applied);
    this.chars += this.checkpoints.at(-1)!.json.length;
    while (this.chars > MAX_CHECKPOINT_CHARS && this.checkpoints.length > 3) this.thin();
  }

  /** Whether simulated minute of `now` has no checkpoint yet (one per minute is kept). */
  duePeriodic(now: number): boolean {
    const minute = Math.floor(now / CHECKPOINT_EVERY_MS);
    return !this.checkpoints.some((c) => Math.floor(c.time / CHECKPOINT_EVERY_MS) === minute);
  }

  /** The checkpoint to restore for a seek to `time`: the latest at or before it. */
  checkpointFor(time: number): Checkpoint | undefined {
    // Commands logged at exactly `time` belong before it (seeking to T shows their effect), so
    // any checkpoint at `time` is usable: the replay then runs the remaining commands at T.
    let best: Checkpoint | undefined;
    for (const c of this.checkpoints) if (c.time <= time) best = c;
    return best;
  }

  /** Forget everything after the current position: the log beyond `applied`, later checkpoints. */
  branch(now: number): void {
    this.log = this.log.slice(0, this.applied);
    this.checkpoints = this.checkpoints.filter((c) => c.time < now || (c.time === now && c.applied <= this.applied));
    this.chars = this.checkpoints.reduce((n, c) => n + c.json.length, 0);
    this.head = now;
  }

  record(cmd: LoggedCommand): void {
    this.log.push(cmd);
    this.applied = this.log.length;
    this.advanced(cmd.time);
  }

  advanced(now: number): void {
    if (now > this.head) this.head = now;
  }

  timeline(now: number): Timeline {
    return {
      start: this.start,
      head: Math.max(this.head, now),
      now,
      applied: this.applied,
      commands: this.log.map((c) => ({ time: c.time, line: c.line })),
      checkpoints: this.checkpoints.map((c) => c.time),
    };
  }

  /** Drop every other checkpoint in the older half; the newest ones stay dense. */
  private thin(): void {
    const half = Math.floor(this.checkpoints.length / 2);
    // Keep index 0 (the start): the earliest reachable moment must stay reachable.
    this.checkpoints = this.checkpoints.filter((_, i) => i === 0 || i >= half || i % 2 === 0);
    this.chars = this.checkpoints.reduce((n, c) => n + c.json.length, 0);
  }
}
