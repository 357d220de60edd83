import { describe, expect, it } from 'vitest';
import { throttledClock, type Wall } from './ageClock';

/** A simulated clock source and a fake wall clock whose timers run when the test moves time. */
function rig() {
  let sim = 0;
  const sourceListeners = new Set<() => void>();
  let wallNow = 0;
  let timers: { at: number; f: () => void }[] = [];
  const wall: Wall = {
    now: () => wallNow,
    schedule(f, ms) {
      const t = { at: wallNow + ms, f };
      timers.push(t);
      return () => (timers = timers.filter((x) => x !== t));
    },
  };
  const source = { read: () => sim, subscribe: (f: () => void) => (sourceListeners.add(f), () => sourceListeners.delete(f)) };
  return {
    clock: throttledClock(source, 1000, wall),
    sourceListeners,
    pendingTimers: () => timers.length,
    /** One clock message: simulated time moves to `t` at wall time `at`. */
    message(t: number, at: number) {
      this.wallTo(at);
      sim = t;
      for (const l of [...sourceListeners]) l();
    },
    wallTo(at: number) {
      wallNow = at;
      const due = timers.filter((x) => x.at <= at);
      timers = timers.filter((x) => x.at > at);
      for (const x of due) x.f();
    },
  };
}

describe('throttledClock (pod ages on the graph)', () => {
  it('follows the worked example: at speed 60, one update a second of wall time, the latest time landing', () => {
    const r = rig();
    const seen: number[] = [];
    r.clock.subscribe(() => seen.push(r.clock.now()));
    // Clock messages every 200 ms of wall time, 12 s of simulated time apart.
    for (let i = 1; i <= 10; i++) r.message(i * 12_000, i * 200);
    r.wallTo(2500);
    expect(seen).toEqual([12_000, 60_000, 120_000]);
    expect(r.clock.now()).toBe(120_000);
  });

  it('shows a change at once after a quiet second (speed 1, a paused clock resumed)', () => {
    const r = rig();
    const seen: number[] = [];
    r.clock.subscribe(() => seen.push(r.clock.now()));
    r.message(1000, 1000);
    r.message(2000, 2000);
    r.message(3000, 3000);
    expect(seen).toEqual([1000, 2000, 3000]);
  });

  it('listens to the store only while someone listens, and leaves no timer behind', () => {
    const r = rig();
    expect(r.sourceListeners.size).toBe(0);
    const off = r.clock.subscribe(() => {});
    expect(r.sourceListeners.size).toBe(1);
    r.message(1, 0);
    r.message(2, 100);
    expect(r.pendingTimers()).toBe(1);
    off();
    expect(r.sourceListeners.size).toBe(0);
    expect(r.pendingTimers()).toBe(0);
    // Without listeners it reads the source directly (nothing to keep consistent with).
    r.message(5, 5000);
    expect(r.clock.now()).toBe(5);
  });
});
