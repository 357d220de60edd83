// A de-duplicating FIFO of object keys (client-go util/workqueue). A key added while queued is
// queued once; delayed adds become clock timers owned by the controller.

export class WorkQueue {
  private items: string[] = [];
  private head = 0;
  private queued = new Set<string>();

  add(key: string): void {
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.items.push(key);
  }

  get(): string | undefined {
    if (this.head >= this.items.length) return undefined;
    const k = this.items[this.head++];
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    this.queued.delete(k);
    return k;
  }

  len(): number {
    return this.items.length - this.head;
  }
}

export function clearQueue(q: WorkQueue): void {
  while (q.get() !== undefined);
}
