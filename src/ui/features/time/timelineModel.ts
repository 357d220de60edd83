// Pure helpers for the timeline scrubber: where markers sit, and what the labels say.
import type { Timeline } from '../../../engine/protocol';

export interface Marker {
  time: number;
  /** 0..1 along the track. */
  at: number;
  label: string;
  /** Already applied at the current moment (left of the playhead) or waiting to be replayed. */
  past: boolean;
}

/** The span the scrubber shows: from the first reachable moment to the latest reached. */
export function span(tl: Timeline | undefined, now: number): { start: number; end: number } {
  if (!tl) return { start: now, end: now };
  return { start: tl.start, end: Math.max(tl.head, now, tl.start + 1) };
}

export function markers(tl: Timeline | undefined, now: number): Marker[] {
  if (!tl) return [];
  const { start, end } = span(tl, now);
  return tl.commands.map((c, i) => ({
    time: c.time,
    at: (c.time - start) / (end - start),
    label: c.line,
    past: i < tl.applied,
  }));
}

/** How many logged commands lie in the future of a scrubbed-back clock. */
export function pendingCommands(tl: Timeline | undefined): number {
  return tl ? tl.commands.length - tl.applied : 0;
}
