// The trace: every decision a component makes, in plain words, with what it saw. The UI's
// narration feed and causality view read only this (they never re-derive decisions).

export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
}

export interface TraceEntry {
  id: number;
  time: number; // simulated ms
  /** Component as Kubernetes names it: 'replicaset-controller', 'default-scheduler', 'kubelet', … */
  component: string;
  /** Instance for per-node components (the node name), else omitted. */
  instance?: string;
  /** Short verb: 'create', 'delete', 'scale', 'bind', 'pull', 'start', 'evict', … */
  action: string;
  object?: ObjectRef;
  /** What made the component act: usually the owner or the object whose change it observed. */
  cause?: ObjectRef;
  message: string;
  /** Structured data for explanations (e.g. the scheduler's per-node plugin results). */
  details?: unknown;
}

export type TraceInput = Omit<TraceEntry, 'id' | 'time'>;

/** Ring buffer of recent trace entries, with listeners for the subscription API. */
export class Trace {
  private entries: TraceEntry[] = [];
  private nextId = 1;
  private listeners = new Set<(e: TraceEntry) => void>();
  constructor(private readonly now: () => number, private readonly capacity = 20000) {}

  record(e: TraceInput): TraceEntry {
    const entry: TraceEntry = { id: this.nextId++, time: this.now(), ...e };
    this.entries.push(entry);
    if (this.entries.length > this.capacity * 1.25) this.entries.splice(0, this.entries.length - this.capacity);
    for (const l of this.listeners) l(entry);
    return entry;
  }

  recent(n = this.capacity): TraceEntry[] {
    return this.entries.slice(-n);
  }

  onRecord(l: (e: TraceEntry) => void): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  save(): { nextId: number; entries: TraceEntry[] } {
    return { nextId: this.nextId, entries: this.entries.slice(-2000) };
  }

  load(s: { nextId: number; entries: TraceEntry[] }): void {
    this.nextId = s.nextId;
    this.entries = s.entries.slice();
  }
}
