// What a container "does", computed once when it starts: the fake runtime's replacement for a
// real process. Log lines and file changes carry times (ms after start), so logs are rendered
// lazily when read (an endless `while true; do echo …; sleep 5; done` costs no timers at all).
import { DAY_NAMES, MONTH_NAMES, civil, pad2 } from '../sim/calendar';

/** A log line; `text` may hold DATE_TOKEN, replaced by the wall time of the line when rendered. */
export interface LogLine {
  at: number;
  text: string;
}

export interface FileEvent {
  at: number;
  path: string;
  /** null: the file was removed. */
  content: string | null;
  /** Set when the write appended this text (`>>`): how the change applies to a shared volume. */
  appended?: string;
}

export const DATE_TOKEN = '\u0000DATE\u0000';
export const EPOCH_SECONDS_TOKEN = '\u0000EPOCHS\u0000';
/** `2025/03/03 09:00:05`, the timestamp format of nginx's error log. */
export const YMDHMS_TOKEN = '\u0000YMDHMS\u0000';

export interface RenderedTime {
  date: string;
  epochSeconds: number;
  ymdhms: string;
}

export interface Program {
  kind: 'server' | 'script' | 'pause' | 'startError';
  lines: LogLine[];
  files: FileEvent[];
  /** When the process exits by itself (ms after start) and with which code; absent: runs until stopped. */
  exit?: { at: number; code: number };
  /** An endless loop that begins at `start` and repeats every `period` ms, printing `lines` each time. */
  loop?: { start: number; period: number; lines: LogLine[]; files?: FileEvent[] };
  /** `tail -F PATH`: the log is the file's content as it grows, computed when read. */
  follow?: { path: string; at: number };
  /** What a listening `ncat --send-only -c CMD` sends to each client (CMD's output at start). */
  sends?: string;
  /** PID 1 without a SIGTERM handler (sh, sleep, tail, python…): only SIGKILL at the deadline stops it. */
  ignoresSigterm: boolean;
  /** Time to exit after SIGTERM when it does not ignore it. */
  stopMs: number;
  /** Ports accepting connections once `startupMs` has passed. */
  ports: number[];
  startupMs: number;
  /** agnhost liveness: HTTP health answers 500 after this long. */
  healthyForMs?: number;
  /** Memory the process grows to (stress --vm-bytes); above the limit the kernel OOM-kills it. */
  memoryBytes?: number;
  /** The runtime could not start the process (exec: "foo": executable file not found in $PATH). */
  startError?: string;
}

/** Render the log of a process that started at `startedAt` (cluster ms), as seen at `until`. */
export function renderLogs(p: Program, startedAt: number, until: number, formatTime: (ms: number) => RenderedTime, maxLines = 5000): string[] {
  const elapsed = until - startedAt;
  const out: { at: number; text: string }[] = [];
  for (const l of p.lines) if (l.at <= elapsed) out.push(l);
  if (p.loop && elapsed >= p.loop.start) {
    const period = Math.max(1, p.loop.period);
    const iterations = Math.floor((elapsed - p.loop.start) / period) + 1;
    const perIter = Math.max(1, p.loop.lines.length);
    // Only the last `maxLines` lines matter (the log is capped as kubelet's log rotation would).
    const first = Math.max(0, iterations - Math.ceil(maxLines / perIter) - 1);
    for (let i = first; i < iterations; i++) {
      const base = p.loop.start + i * period;
      for (const l of p.loop.lines) if (base + l.at <= elapsed) out.push({ at: base + l.at, text: l.text });
    }
  }
  const lines = out.slice(-maxLines).map((l) => {
    if (!l.text.includes('\u0000')) return l.text;
    const t = formatTime(startedAt + l.at);
    return l.text.split(DATE_TOKEN).join(t.date).split(EPOCH_SECONDS_TOKEN).join(String(t.epochSeconds)).split(YMDHMS_TOKEN).join(t.ymdhms);
  });
  return lines;
}

/** Apply one file change; `appendOnly` applies appends as appends (a shared volume's view). */
export function applyFileEvent(m: Map<string, string>, f: FileEvent, appendOnly = false): void {
  if (f.appended !== undefined && (appendOnly || f.content === null)) m.set(f.path, (m.get(f.path) ?? '') + f.appended);
  else if (f.content === null) m.delete(f.path);
  else m.set(f.path, f.content);
}

/** At most this many rounds of an endless loop's appends are kept in a file (like log rotation). */
const MAX_LOOP_ROUNDS = 5000;

/**
 * The file changes an endless loop has made by `elapsed` ms after start, compressed: a file only
 * appended to gets one append of all rounds' text; one the loop rewrites gets its last two rounds.
 * Worked example: `while true; do echo logging >> /opt/logs.txt; sleep 1; done` at 3.5 s after the
 * loop started → one append of "logging\n" × 4.
 */
export function loopFileEvents(loop: NonNullable<Program['loop']>, elapsed: number): FileEvent[] {
  const ops = loop.files ?? [];
  if (!ops.length || elapsed < loop.start) return [];
  const period = Math.max(1, loop.period);
  const n = Math.floor((elapsed - loop.start) / period) + 1;
  const lastBase = loop.start + (n - 1) * period;
  const out: FileEvent[] = [];
  for (const path of [...new Set(ops.map((o) => o.path))]) {
    const mine = ops.filter((o) => o.path === path);
    const partial = mine.filter((o) => lastBase + o.at <= elapsed);
    if (mine.some((o) => o.appended === undefined)) {
      if (n >= 2) for (const o of mine) out.push({ ...o, at: lastBase - period + o.at });
      for (const o of partial) out.push({ ...o, at: lastBase + o.at });
      continue;
    }
    const text = mine.map((o) => o.appended).join('').repeat(Math.min(n - 1, MAX_LOOP_ROUNDS)) + partial.map((o) => o.appended).join('');
    if (text) out.push({ at: Math.min(elapsed, lastBase + (partial[partial.length - 1]?.at ?? 0)), path, content: null, appended: text });
  }
  return out;
}

/** Every file change of a process up to `elapsed` ms after start (its endless loop included). */
export function fileEventsUntil(p: Program, elapsed: number): FileEvent[] {
  const out = p.files.filter((f) => f.at <= elapsed);
  if (p.loop) out.push(...loopFileEvents(p.loop, elapsed));
  return out;
}

/** The files a container has at `elapsed` ms after start: `base` plus its own changes. */
export function filesAt(p: Program, elapsed: number, base?: Map<string, string>): Map<string, string> {
  const m = new Map(base ?? []);
  for (const f of fileEventsUntil(p, elapsed)) applyFileEvent(m, f);
  return m;
}

/** Format an absolute instant (Unix ms) as busybox `date` prints it: `Mon Mar  3 09:00:05 UTC 2025`. */
export function renderTime(unixMs: number): RenderedTime {
  const c = civil(unixMs);
  const hms = `${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)}`;
  return {
    date: `${DAY_NAMES[c.weekday]} ${MONTH_NAMES[c.month - 1]} ${String(c.day).padStart(2, ' ')} ${hms} UTC ${c.year}`,
    epochSeconds: Math.floor(unixMs / 1000),
    ymdhms: `${c.year}/${pad2(c.month)}/${pad2(c.day)} ${hms}`,
  };
}
