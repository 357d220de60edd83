// Node heartbeats. A real kubelet renews its Lease in kube-node-lease every 10 s and the node
// lifecycle controller notices when renewals stop. Writing a Lease every 10 s would make an idle
// cluster cost work forever, so renewals are computed instead of stored: while a kubelet runs it
// is treated as having renewed at every 10 s tick since it started; when it stops, its last
// renewal is the last tick before that. (README, Fidelity: "Lease renewals are not stored".)

export const LEASE_RENEW_INTERVAL_MS = 10_000;

interface Beat {
  alive: boolean;
  /** alive: when the kubelet (re)started renewing; stopped: time of the last renewal. */
  at: number;
}

export class Heartbeats {
  private beats = new Map<string, Beat>();
  private listeners = new Set<(node: string) => void>();

  started(node: string, now: number): void {
    this.beats.set(node, { alive: true, at: now });
    this.emit(node);
  }

  stopped(node: string, now: number): void {
    const b = this.beats.get(node);
    const last = b && b.alive ? b.at + Math.floor((now - b.at) / LEASE_RENEW_INTERVAL_MS) * LEASE_RENEW_INTERVAL_MS : now;
    this.beats.set(node, { alive: false, at: last });
    this.emit(node);
  }

  forget(node: string): void {
    this.beats.delete(node);
    this.emit(node);
  }

  isAlive(node: string): boolean {
    return this.beats.get(node)?.alive ?? false;
  }

  /** Time of the node's most recent Lease renewal at `now`, or undefined if it never renewed. */
  lastRenewal(node: string, now: number): number | undefined {
    const b = this.beats.get(node);
    if (!b) return undefined;
    if (!b.alive) return b.at;
    return b.at + Math.floor((now - b.at) / LEASE_RENEW_INTERVAL_MS) * LEASE_RENEW_INTERVAL_MS;
  }

  onChange(l: (node: string) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private emit(node: string): void {
    for (const l of this.listeners) l(node);
  }

  save(): [string, Beat][] {
    return [...this.beats.entries()];
  }

  load(s: [string, Beat][]): void {
    this.beats = new Map(s);
  }
}
