// Pod ages on the graph follow the simulated clock, refreshed at most once per AGE_REFRESH_MS of
// wall time. kubectl prints seconds for pods younger than 10 minutes ("5m12s"), so at speed 60
// every young pod's AGE text changes on every clock message (5 a second): 300 pods re-rendered
// and re-laid out 5 times a second, for text nobody can read that fast. Once a second is as
// often as `kubectl get pods -w` would show a change at speed 1, and the text stays kubectl's.
// Worked example, speed 60, a clock message every 200 ms of wall time (12 s of simulated time):
// the first message after a quiet second shows at once (a pod created then reads "12s"), the next
// four wait, and one second after the first the latest one shows ("60s"), a second later "2m".
// A paused clock sends nothing, so nothing runs.
import { createContext, useContext, useSyncExternalStore } from 'react';
import { ageOf } from './podVisual';

export const AGE_REFRESH_MS = 1000;

/** The simulated time the graph's ages are computed from, and a way to hear when it moves. */
export interface AgeClock {
  now(): number;
  subscribe(onChange: () => void): () => void;
}

/** Wall-clock time and timers (the browser's, or a test's fake). */
export interface Wall {
  now(): number;
  /** Runs `f` after `ms`; returns a function that cancels it. */
  schedule(f: () => void, ms: number): () => void;
}

const browserWall: Wall = {
  now: () => performance.now(),
  schedule(f, ms) {
    const t = window.setTimeout(f, ms);
    return () => window.clearTimeout(t);
  },
};

/**
 * Follows `source` (the store's simulated clock), telling listeners at most once per `everyMs` of
 * wall time; the latest time always lands, at most `everyMs` late. Listens to the source only
 * while someone listens to it.
 */
export function throttledClock(source: { read(): number; subscribe(onChange: () => void): () => void }, everyMs = AGE_REFRESH_MS, wall: Wall = browserWall): AgeClock {
  const listeners = new Set<() => void>();
  let shown = source.read();
  let lastShownAt = -Infinity;
  let cancelPending: (() => void) | undefined;
  let unsubscribe: (() => void) | undefined;

  const show = () => {
    cancelPending = undefined;
    const t = source.read();
    if (t === shown) return;
    shown = t;
    lastShownAt = wall.now();
    for (const l of [...listeners]) l();
  };
  const onSource = () => {
    if (cancelPending || source.read() === shown) return;
    const wait = lastShownAt + everyMs - wall.now();
    if (wait <= 0) show();
    else cancelPending = wall.schedule(show, wait);
  };

  return {
    now: () => (listeners.size ? shown : source.read()),
    subscribe(l) {
      if (listeners.size === 0) {
        shown = source.read();
        unsubscribe = source.subscribe(onSource);
      }
      listeners.add(l);
      return () => {
        listeners.delete(l);
        if (listeners.size > 0) return;
        unsubscribe?.();
        cancelPending?.();
        cancelPending = undefined;
      };
    },
  };
}

export const AgeClockContext = createContext<AgeClock | null>(null);

/** kubectl's AGE of an object created at `creationTimestamp`; re-renders only when the text changes. */
export function useAge(creationTimestamp: string | undefined): string {
  const clock = useContext(AgeClockContext);
  if (!clock) throw new Error('useAge must be used inside <AgeClockContext.Provider> (the graph provides it)');
  return useSyncExternalStore(clock.subscribe, () => ageOf(creationTimestamp, clock.now()));
}
