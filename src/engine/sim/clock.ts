// Simulated time: a discrete-event clock. Nothing in the engine reads the wall clock; every
// delay ("restart this container in 10 s") is a timer on this clock. Timers are plain data
// (owner, kind, payload) rather than closures so that a snapshot can carry them and a restored
// cluster replays byte for byte.
import { rfc3339 } from './calendar';

export interface Timer {
  at: number; // simulated ms since the cluster's epoch
  seq: number; // insertion order: breaks ties deterministically
  owner: string; // component that handles it, e.g. 'kubelet/kind-worker'
  kind: string; // what to do, e.g. 'containerExited'
  payload: unknown; // JSON data
}

export type TimerHandler = (t: Timer) => void;

/** Binary min-heap ordered by (at, seq). */
export class SimClock {
  private heap: Timer[] = [];
  private nowMs: number;
  private seq = 0;
  private cancelled = new Set<number>();
  readonly epochMs: number;

  constructor(epochMs: number, nowMs = 0) {
    this.epochMs = epochMs;
    this.nowMs = nowMs;
  }

  now(): number {
    return this.nowMs;
  }

  /** RFC 3339 timestamp (second precision, like metav1.Time) of a simulated instant. */
  iso(ms: number = this.nowMs): string {
    // Many writes happen within one simulated second: format each second once.
    const sec = Math.floor(ms / 1000);
    if (sec !== this.isoSec) {
      this.isoSec = sec;
      this.isoText = rfc3339(this.epochMs + sec * 1000);
    }
    return this.isoText;
  }
  private isoSec = NaN;
  private isoText = '';

  /** Milliseconds since the cluster epoch for an RFC 3339 timestamp written by `iso`. */
  parse(ts: string | undefined): number {
    if (!ts) return NaN;
    return Date.parse(ts) - this.epochMs;
  }

  schedule(at: number, owner: string, kind: string, payload: unknown = null): number {
    const t: Timer = { at: Math.max(at, this.nowMs), seq: ++this.seq, owner, kind, payload };
    this.push(t);
    return t.seq;
  }

  after(delayMs: number, owner: string, kind: string, payload: unknown = null): number {
    return this.schedule(this.nowMs + delayMs, owner, kind, payload);
  }

  cancel(seq: number): void {
    this.cancelled.add(seq);
  }

  /** Next live timer time, or undefined when the queue is empty. */
  peek(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  /** Pop the next timer due at or before `until`, moving the clock to its time. */
  popDue(until: number): Timer | undefined {
    this.dropCancelled();
    const top = this.heap[0];
    if (!top || top.at > until) return undefined;
    this.pop();
    this.nowMs = Math.max(this.nowMs, top.at);
    return top;
  }

  /** Move the clock forward with no timer (the caller has run every timer due before `to`). */
  setNow(to: number): void {
    if (to > this.nowMs) this.nowMs = to;
  }

  pending(): number {
    return this.heap.length - this.cancelled.size;
  }

  /** Serialisable state: timers sorted, cancelled ones dropped. */
  save(): { now: number; seq: number; timers: Timer[] } {
    const timers = this.heap.filter((t) => !this.cancelled.has(t.seq)).sort((a, b) => a.at - b.at || a.seq - b.seq);
    return { now: this.nowMs, seq: this.seq, timers: timers.map((t) => ({ ...t })) };
  }

  load(s: { now: number; seq: number; timers: Timer[] }): void {
    this.nowMs = s.now;
    this.seq = s.seq;
    this.heap = [];
    this.cancelled.clear();
    for (const t of s.timers) this.push({ ...t });
  }

  private dropCancelled(): void {
    while (this.heap.length && this.cancelled.has(this.heap[0].seq)) {
      this.cancelled.delete(this.heap[0].seq);
      this.pop();
    }
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(t: Timer): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}
