// Per-item exponential back-off: mirrors client-go util/flowcontrol/backoff.go (without jitter,
// as the kubelet constructs it). Used for container restarts (CrashLoopBackOff) and image pulls.
//
// Worked example, initial 10 s, max 300 s: exits at t=0 (no entry: restart at once, entry=10 s),
// t=5 (5 s since the exit < 10 s: wait until 15, then entry=20 s), next exit waits 20 s, then 40,
// 80, 160, 300, 300 … An entry whose last update is more than 2×max = 600 s old has expired:
// a container that ran fine for 10 minutes restarts at once again.

interface Entry {
  backoff: number;
  lastUpdate: number;
}

export class Backoff {
  private entries: Record<string, Entry> = {};
  constructor(private readonly initial: number, private readonly max: number) {}

  private expired(eventTime: number, e: Entry): boolean {
    return eventTime - e.lastUpdate > this.max * 2;
  }

  /** Current back-off of an item (0 if none). */
  get(id: string): number {
    return this.entries[id]?.backoff ?? 0;
  }

  /** Move to the next back-off step: initial for a new or expired entry, else double (capped). */
  next(id: string, eventTime: number, now: number): void {
    const e = this.entries[id];
    if (!e || this.expired(eventTime, e)) this.entries[id] = { backoff: this.initial, lastUpdate: now };
    else this.entries[id] = { backoff: Math.min(e.backoff * 2, this.max), lastUpdate: now };
  }

  /** IsInBackOffSince: is `now` still within the back-off that started at `eventTime`? */
  inBackOffSince(id: string, eventTime: number, now: number): boolean {
    const e = this.entries[id];
    if (!e || this.expired(eventTime, e)) return false;
    return now - eventTime < e.backoff;
  }

  /** IsInBackOffSinceUpdate: is `now` within the back-off since the last update? */
  inBackOffSinceUpdate(id: string, now: number): boolean {
    const e = this.entries[id];
    if (!e || this.expired(now, e)) return false;
    return now - e.lastUpdate < e.backoff;
  }

  lastUpdate(id: string): number | undefined {
    return this.entries[id]?.lastUpdate;
  }

  /** Drop entries for items that are gone (GC). */
  forgetPrefix(prefix: string): void {
    for (const k of Object.keys(this.entries)) if (k.startsWith(prefix)) delete this.entries[k];
  }

  save(): Record<string, Entry> {
    return JSON.parse(JSON.stringify(this.entries)) as Record<string, Entry>;
  }

  load(s: Record<string, Entry>): void {
    this.entries = JSON.parse(JSON.stringify(s)) as Record<string, Entry>;
  }
}
