// The shape of every controller in kube-controller-manager: informer handlers enqueue a
// `namespace/name` key; `sync(key)` re-reads current state and acts (level-triggered).
import { WorkQueue, clearQueue } from '../client/workqueue';
import type { Component, ComponentContext } from '../component';
import type { Timer } from '../sim/clock';
import { isStatusError } from '../apiserver/errors';

export abstract class Controller implements Component {
  readonly queue = new WorkQueue();
  running = true;
  /** Keys with a pending delayed re-sync, so repeated requests do not pile up timers. */
  private delayed = new Map<string, number>();
  private failures = new Map<string, number>();

  constructor(readonly name: string, protected readonly ctx: ComponentContext) {}

  abstract start(): void;
  protected abstract sync(key: string): void;

  enqueue(key: string): void {
    this.queue.add(key);
  }

  /** Re-sync `key` after `ms` (AddAfter). Keeps only the earliest pending request per key. */
  enqueueAfter(key: string, ms: number): void {
    const at = this.ctx.clock.now() + Math.max(0, ms);
    const existing = this.delayed.get(key);
    if (existing !== undefined && existing <= at) return;
    this.delayed.set(key, at);
    this.ctx.clock.schedule(at, this.name, 'resync', { key, at });
  }

  discardQueuedWork(): void {
    clearQueue(this.queue);
  }

  hasWork(): boolean {
    return this.running && this.queue.len() > 0;
  }

  runOnce(): void {
    let n = this.queue.len();
    while (n-- > 0) {
      const key = this.queue.get();
      if (key === undefined) break;
      try {
        this.sync(key);
        this.failures.delete(key);
      } catch (e) {
        // As with a rate-limited workqueue: retry with exponential back-off (5 ms doubling).
        const f = (this.failures.get(key) ?? 0) + 1;
        this.failures.set(key, f);
        if (!isStatusError(e)) {
          this.ctx.trace.record({ component: this.name, action: 'error', message: `sync ${key} failed: ${e instanceof Error ? e.message : String(e)}` });
        }
        if (f < 15) this.enqueueAfter(key, Math.min(5 * 2 ** f, 1000_000));
      }
    }
  }

  onTimer(t: Timer): void {
    if (t.kind === 'resync') {
      const { key, at } = t.payload as { key: string; at: number };
      if (this.delayed.get(key) === at) this.delayed.delete(key);
      this.enqueue(key);
      return;
    }
    this.handleTimer(t);
  }

  /** Controllers with their own timer kinds override this. */
  protected handleTimer(_t: Timer): void {}

  save(): unknown {
    return { delayed: [...this.delayed.entries()], failures: [...this.failures.entries()], extra: this.saveExtra() };
  }

  load(s: unknown): void {
    const st = s as { delayed: [string, number][]; failures: [string, number][]; extra: unknown };
    this.delayed = new Map(st.delayed);
    this.failures = new Map(st.failures);
    this.loadExtra(st.extra);
  }

  protected saveExtra(): unknown {
    return null;
  }

  protected loadExtra(_s: unknown): void {}
}
