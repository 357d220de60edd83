// The scheduling queue: mirrors PriorityQueue in pkg/scheduler/backend/queue/scheduling_queue.go.
// activeQ (a heap ordered by PrioritySort), backoffQ (pods waiting out their back-off) and
// unschedulablePods (pods that failed, waiting for a cluster event that might help them).
import { backoffDuration, POD_MAX_IN_UNSCHEDULABLE_PODS_DURATION_MS } from './backoff';
import type { ClusterEvent } from '../framework/types';

export interface QueuedPodInfo {
  key: string;
  priority: number;
  /** When the pod was added, or when its last attempt failed: PrioritySort's tie-break and the back-off base. */
  timestamp: number;
  /** Scheduling attempts so far (incremented on every pop). */
  attempts: number;
  /** Plugins that rejected the pod in its last attempt. */
  unschedulablePlugins: string[];
  /** Insertion order into activeQ: breaks ties between equal timestamps (FIFO). */
  seq: number;
}

type Where = 'active' | 'backoff' | 'unschedulable';

/** How the queue asks its owner for clock timers (the queue itself holds no clock). */
export interface QueueTimers {
  schedule(at: number, kind: 'backoff' | 'flushUnschedulable'): number;
  cancel(seq: number): void;
}

export interface SavedQueue {
  seq: number;
  active: QueuedPodInfo[];
  backoff: QueuedPodInfo[];
  unschedulable: QueuedPodInfo[];
  backoffTimers: [number, number][];
  flushTimer: { at: number; seq: number } | null;
}

/** PrioritySort.Less: higher spec.priority first, then the earlier timestamp, then FIFO. */
export function less(a: QueuedPodInfo, b: QueuedPodInfo): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  if (a.timestamp !== b.timestamp) return a.timestamp < b.timestamp;
  return a.seq < b.seq;
}

export class SchedulingQueue {
  private where = new Map<string, Where>();
  private heap: QueuedPodInfo[] = [];
  private backoffQ = new Map<string, QueuedPodInfo>();
  private unschedulablePods = new Map<string, QueuedPodInfo>();
  private seq = 0;
  private backoffTimers = new Map<number, number>();
  private flushTimer: { at: number; seq: number } | null = null;

  constructor(private readonly timers: QueueTimers) {}

  // ------------------------------------------------------------ sizes

  activeLen(): number {
    return this.heap.length;
  }

  has(key: string): boolean {
    return this.where.has(key);
  }

  location(key: string): Where | undefined {
    return this.where.get(key);
  }

  unschedulableKeys(): string[] {
    return [...this.unschedulablePods.keys()];
  }

  backoffKeys(): string[] {
    return [...this.backoffQ.keys()];
  }

  // ------------------------------------------------------------ adds and removes

  /** A new pending pod: straight into activeQ. */
  add(key: string, priority: number, now: number): void {
    if (this.where.has(key)) return;
    this.pushActive({ key, priority, timestamp: now, attempts: 0, unschedulablePlugins: [], seq: 0 });
  }

  /** Take the next pod to schedule; it leaves the queue until its attempt is over. */
  pop(): QueuedPodInfo | undefined {
    const e = this.heapPop();
    if (!e) return undefined;
    this.where.delete(e.key);
    e.attempts++;
    return e;
  }

  delete(key: string): void {
    const w = this.where.get(key);
    if (!w) return;
    this.where.delete(key);
    if (w === 'active') {
      const i = this.heap.findIndex((e) => e.key === key);
      if (i >= 0) this.heapRemoveAt(i);
    } else if (w === 'backoff') {
      this.backoffQ.delete(key);
      this.tidyBackoffTimers();
    } else {
      this.unschedulablePods.delete(key);
      this.tidyFlushTimer();
    }
  }

  /** AddUnschedulableIfNotPresent: the attempt failed; wait for an event that may help. */
  addUnschedulable(e: QueuedPodInfo, plugins: string[], now: number): void {
    if (this.where.has(e.key)) return;
    e.timestamp = now;
    e.unschedulablePlugins = plugins;
    this.unschedulablePods.set(e.key, e);
    this.where.set(e.key, 'unschedulable');
    this.tidyFlushTimer();
  }

  /** The attempt hit an error (e.g. the binding failed): retry after the back-off. */
  addBackoff(e: QueuedPodInfo, now: number): void {
    if (this.where.has(e.key)) return;
    e.timestamp = now;
    e.unschedulablePlugins = [];
    this.requeue(e, now);
  }

  // ------------------------------------------------------------ moves

  /**
   * MoveAllToActiveOrBackoffQueue: a cluster event happened. Each unschedulable pod that one of its
   * rejecting plugins cares about goes to activeQ, or to backoffQ if still backing off.
   */
  moveAllToActiveOrBackoff(event: ClusterEvent, now: number, mayHelp: (plugins: readonly string[], event: ClusterEvent) => boolean): number {
    let moved = 0;
    for (const e of [...this.unschedulablePods.values()]) {
      if (!mayHelp(e.unschedulablePlugins, event)) continue;
      this.unschedulablePods.delete(e.key);
      this.where.delete(e.key);
      this.requeue(e, now);
      moved++;
    }
    if (moved) this.tidyFlushTimer();
    return moved;
  }

  /** The pending pod's own spec changed: if it is waiting as unschedulable, try it again. */
  podUpdated(key: string, now: number, mayHelp: (plugins: readonly string[], event: ClusterEvent) => boolean): void {
    const e = this.unschedulablePods.get(key);
    if (!e || !mayHelp(e.unschedulablePlugins, 'UnscheduledPodUpdate')) return;
    this.unschedulablePods.delete(key);
    this.where.delete(key);
    this.requeue(e, now);
    this.tidyFlushTimer();
  }

  /** flushBackoffQCompleted: back-off over, into activeQ. */
  flushBackoffCompleted(now: number): void {
    for (const e of [...this.backoffQ.values()]) {
      if (this.backoffExpiry(e) > now) continue;
      this.backoffQ.delete(e.key);
      this.where.delete(e.key);
      this.pushActive(e);
    }
    this.tidyBackoffTimers();
  }

  /** flushUnschedulablePodsLeftover: retry pods that have waited 5 minutes with no helpful event. */
  flushUnschedulableLeftover(now: number): void {
    for (const e of [...this.unschedulablePods.values()]) {
      if (now - e.timestamp < POD_MAX_IN_UNSCHEDULABLE_PODS_DURATION_MS) continue;
      this.unschedulablePods.delete(e.key);
      this.where.delete(e.key);
      this.requeue(e, now);
    }
    this.tidyFlushTimer();
  }

  onTimer(kind: string, at: number, now: number): void {
    if (kind === 'backoff') {
      this.backoffTimers.delete(at);
      this.flushBackoffCompleted(now);
    } else if (kind === 'flushUnschedulable') {
      if (this.flushTimer?.at === at) this.flushTimer = null;
      this.flushUnschedulableLeftover(now);
    }
  }

  /** A back-off or the 5-minute flush that is already due (its timer was missed while stopped). */
  hasOverdue(now: number): boolean {
    for (const e of this.backoffQ.values()) if (this.backoffExpiry(e) <= now) return true;
    const first = this.unschedulablePods.values().next();
    return !first.done && now - first.value.timestamp >= POD_MAX_IN_UNSCHEDULABLE_PODS_DURATION_MS;
  }

  backoffExpiry(e: QueuedPodInfo): number {
    return e.timestamp + backoffDuration(e.attempts);
  }

  // ------------------------------------------------------------ snapshot

  /** Drop everything (after a restore the saved state is loaded instead). */
  clear(): void {
    for (const seq of this.backoffTimers.values()) this.timers.cancel(seq);
    if (this.flushTimer) this.timers.cancel(this.flushTimer.seq);
    this.where.clear();
    this.heap = [];
    this.backoffQ.clear();
    this.unschedulablePods.clear();
    this.backoffTimers.clear();
    this.flushTimer = null;
  }

  save(): SavedQueue {
    const active = [...this.heap].sort((a, b) => (less(a, b) ? -1 : 1)).map((e) => ({ ...e }));
    return {
      seq: this.seq,
      active,
      backoff: [...this.backoffQ.values()].map((e) => ({ ...e })),
      unschedulable: [...this.unschedulablePods.values()].map((e) => ({ ...e })),
      backoffTimers: [...this.backoffTimers.entries()],
      flushTimer: this.flushTimer ? { ...this.flushTimer } : null,
    };
  }

  /** Restore (timers are restored by the clock itself, so none are scheduled here). */
  load(s: SavedQueue): void {
    this.where.clear();
    this.heap = [];
    this.backoffQ.clear();
    this.unschedulablePods.clear();
    for (const e of s.active) {
      this.heapPush({ ...e });
      this.where.set(e.key, 'active');
    }
    for (const e of s.backoff) {
      this.backoffQ.set(e.key, { ...e });
      this.where.set(e.key, 'backoff');
    }
    for (const e of s.unschedulable) {
      this.unschedulablePods.set(e.key, { ...e });
      this.where.set(e.key, 'unschedulable');
    }
    this.seq = s.seq;
    this.backoffTimers = new Map(s.backoffTimers);
    this.flushTimer = s.flushTimer ? { ...s.flushTimer } : null;
  }

  // ------------------------------------------------------------ internals

  private requeue(e: QueuedPodInfo, now: number): void {
    const expiry = this.backoffExpiry(e);
    if (expiry > now) {
      this.backoffQ.set(e.key, e);
      this.where.set(e.key, 'backoff');
      if (!this.backoffTimers.has(expiry)) this.backoffTimers.set(expiry, this.timers.schedule(expiry, 'backoff'));
    } else {
      this.pushActive(e);
    }
  }

  private pushActive(e: QueuedPodInfo): void {
    e.seq = ++this.seq;
    this.where.set(e.key, 'active');
    this.heapPush(e);
  }

  /** No back-off timers while nothing backs off: an idle cluster keeps no scheduler timers. */
  private tidyBackoffTimers(): void {
    if (this.backoffQ.size > 0) return;
    for (const seq of this.backoffTimers.values()) this.timers.cancel(seq);
    this.backoffTimers.clear();
  }

  /**
   * One flush timer, due when the longest-waiting unschedulable pod reaches 5 minutes. Entries are
   * kept in insertion order and every insertion is stamped "now", so the first is the oldest.
   */
  private tidyFlushTimer(): void {
    const first = this.unschedulablePods.values().next();
    if (first.done) {
      if (this.flushTimer) this.timers.cancel(this.flushTimer.seq);
      this.flushTimer = null;
      return;
    }
    const due = first.value.timestamp + POD_MAX_IN_UNSCHEDULABLE_PODS_DURATION_MS;
    if (this.flushTimer && this.flushTimer.at <= due) return;
    if (this.flushTimer) this.timers.cancel(this.flushTimer.seq);
    this.flushTimer = { at: due, seq: this.timers.schedule(due, 'flushUnschedulable') };
  }

  private heapPush(e: QueuedPodInfo): void {
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private heapPop(): QueuedPodInfo | undefined {
    if (this.heap.length === 0) return undefined;
    return this.heapRemoveAt(0);
  }

  private heapRemoveAt(i: number): QueuedPodInfo {
    const h = this.heap;
    const out = h[i];
    const last = h.pop()!;
    if (i < h.length) {
      h[i] = last;
      this.siftDown(i);
      this.siftUp(i);
    }
    return out;
  }

  private siftUp(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private siftDown(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && less(h[l], h[m])) m = l;
      if (r < h.length && less(h[r], h[m])) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
}
