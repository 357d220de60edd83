// Per-decision record of every plugin's verdict on every node, kept by the framework (not by each
// plugin) so the UI can explain any placement — the idea of kube-scheduler-simulator's result store.
// Stored compactly (typed arrays indexed by node row × plugin column) in a ring buffer.
import { CODE_NAMES, type CodeName } from './types';

export interface DecisionRecord {
  uid: string;
  namespace: string;
  name: string;
  time: number;
  filterPlugins: readonly string[];
  scorePlugins: readonly string[];
  weights: readonly number[];
  /** Evaluated nodes, in evaluation order (rows). */
  nodes: string[];
  /** rows × filterPlugins status codes (see framework/types.ts). */
  filterCodes: Uint8Array;
  /** Sparse reasons of failing cells: cell index (row * filterPlugins + column) and reasons. */
  failCells: number[];
  failReasons: (readonly string[])[];
  /** Per row: the filter column whose reasons went into the message (upstream stops there), or -1. */
  firstFail: Int8Array;
  /** Rows that were scored, in order. Empty when scoring was skipped (0 or 1 feasible node). */
  scoredRows: number[];
  /** Per score plugin: 1 when its PreScore returned Skip. */
  scoreSkipped: Uint8Array;
  /** scoredRows × scorePlugins. */
  raw: Int32Array;
  normalized: Int32Array;
  totals: number[];
  selected: string | null;
  message: string;
}

/**
 * Where decision records get their typed arrays: slices of large shared buffers, handed out in
 * order (a bump allocator). A fresh small typed array costs a separate off-heap buffer (an
 * allocation, zeroing and GC bookkeeping each), several per scheduled pod; a view into a 256 KiB
 * slab costs only the view. Old slabs are freed by the GC once no record in the ring uses them.
 * Example: 100 nodes × 7 filters = 700 bytes of codes, 100 × 6 scores × 4 bytes × 2 = 4.8 KB of
 * scores: a slab serves about 45 such decisions.
 */
export class RecordArena {
  private buf = new ArrayBuffer(0);
  private off = 0;

  constructor(private readonly slabBytes = 256 * 1024) {}

  /** Reserve `bytes` zeroed bytes aligned to `align` (a power of two): in `this.buf` at the returned offset. */
  private take(bytes: number, align: number): number {
    let off = (this.off + align - 1) & ~(align - 1);
    if (off + bytes > this.buf.byteLength) {
      // A record larger than a quarter slab (thousands of nodes) gets a buffer of its own.
      if (bytes > this.slabBytes / 4) {
        this.own = new ArrayBuffer(bytes);
        return -1;
      }
      this.buf = new ArrayBuffer(this.slabBytes);
      off = 0;
    }
    this.off = off + bytes;
    return off;
  }

  private own = new ArrayBuffer(0);

  uint8(n: number): Uint8Array {
    const o = this.take(n, 1);
    return o < 0 ? new Uint8Array(this.own) : new Uint8Array(this.buf, o, n);
  }

  int8(n: number): Int8Array {
    const o = this.take(n, 1);
    return o < 0 ? new Int8Array(this.own) : new Int8Array(this.buf, o, n);
  }

  int32(n: number): Int32Array {
    const o = this.take(n * 4, 4);
    return o < 0 ? new Int32Array(this.own) : new Int32Array(this.buf, o, n);
  }
}

/** The plain-JSON explanation the UI reads. */
export interface Decision {
  pod: { namespace: string; name: string; uid: string };
  time: number;
  nodes: {
    name: string;
    filters: { plugin: string; status: CodeName; reasons: string[] }[];
    /** The plugin whose rejection the FailedScheduling message counts for this node (null: fits). */
    failedPlugin: string | null;
    scores: { plugin: string; raw: number; normalized: number; weighted: number }[];
    /** Σ weighted, or null when the node was not scored (infeasible, or the only feasible node). */
    total: number | null;
  }[];
  selected: string | null;
  message: string;
}

export function expandDecision(d: DecisionRecord): Decision {
  const F = d.filterPlugins.length;
  const S = d.scorePlugins.length;
  const reasons = new Map<number, readonly string[]>();
  d.failCells.forEach((c, i) => reasons.set(c, d.failReasons[i]));
  const scoredIndex = new Map<number, number>();
  d.scoredRows.forEach((row, i) => scoredIndex.set(row, i));
  return {
    pod: { namespace: d.namespace, name: d.name, uid: d.uid },
    time: d.time,
    nodes: d.nodes.map((name, row) => {
      const filters = d.filterPlugins.map((plugin, j) => ({
        plugin,
        status: CODE_NAMES[d.filterCodes[row * F + j]],
        reasons: [...(reasons.get(row * F + j) ?? [])],
      }));
      const si = scoredIndex.get(row);
      const scores: Decision['nodes'][number]['scores'] = [];
      if (si !== undefined) {
        for (let j = 0; j < S; j++) {
          if (d.scoreSkipped[j]) continue;
          const normalized = d.normalized[si * S + j];
          scores.push({ plugin: d.scorePlugins[j], raw: d.raw[si * S + j], normalized, weighted: normalized * d.weights[j] });
        }
      }
      const ff = d.firstFail[row];
      return { name, filters, failedPlugin: ff >= 0 ? d.filterPlugins[ff] : null, scores, total: si === undefined ? null : d.totals[si] };
    }),
    selected: d.selected,
    message: d.message,
  };
}

/** JSON form of a record (typed arrays as plain arrays; plugin name lists kept once per record). */
export interface SavedDecision extends Omit<DecisionRecord, 'filterCodes' | 'firstFail' | 'scoreSkipped' | 'raw' | 'normalized'> {
  filterCodes: number[];
  firstFail: number[];
  scoreSkipped: number[];
  raw: number[];
  normalized: number[];
}

function toSaved(d: DecisionRecord): SavedDecision {
  return {
    ...d,
    filterCodes: Array.from(d.filterCodes),
    firstFail: Array.from(d.firstFail),
    scoreSkipped: Array.from(d.scoreSkipped),
    raw: Array.from(d.raw),
    normalized: Array.from(d.normalized),
  };
}

function fromSaved(s: SavedDecision): DecisionRecord {
  return {
    ...s,
    filterCodes: Uint8Array.from(s.filterCodes),
    firstFail: Int8Array.from(s.firstFail),
    scoreSkipped: Uint8Array.from(s.scoreSkipped),
    raw: Int32Array.from(s.raw),
    normalized: Int32Array.from(s.normalized),
  };
}

/** The most recent `capacity` decisions, findable by pod uid and by namespace/name. */
export class DecisionLog {
  private ring: (DecisionRecord | undefined)[];
  private next = 0;
  private byUid = new Map<string, number>();
  private byName = new Map<string, number>();

  constructor(readonly capacity = 1000) {
    this.ring = new Array(capacity);
  }

  add(d: DecisionRecord): void {
    const slot = this.next;
    const old = this.ring[slot];
    if (old) {
      if (this.byUid.get(old.uid) === slot) this.byUid.delete(old.uid);
      const k = `${old.namespace}/${old.name}`;
      if (this.byName.get(k) === slot) this.byName.delete(k);
    }
    this.ring[slot] = d;
    this.byUid.set(d.uid, slot);
    this.byName.set(`${d.namespace}/${d.name}`, slot);
    this.next = (slot + 1) % this.capacity;
  }

  forUid(uid: string): DecisionRecord | undefined {
    const i = this.byUid.get(uid);
    return i === undefined ? undefined : this.ring[i];
  }

  forName(namespace: string, name: string): DecisionRecord | undefined {
    const i = this.byName.get(`${namespace}/${name}`);
    return i === undefined ? undefined : this.ring[i];
  }

  /** Oldest first. */
  all(): DecisionRecord[] {
    const out: DecisionRecord[] = [];
    for (let k = 0; k < this.capacity; k++) {
      const d = this.ring[(this.next + k) % this.capacity];
      if (d) out.push(d);
    }
    return out;
  }

  /** The most recent `limit` decisions (all by default), oldest first, as plain data. */
  save(limit = this.capacity): SavedDecision[] {
    const all = this.all();
    return all.slice(Math.max(0, all.length - limit)).map(toSaved);
  }

  load(saved: SavedDecision[]): void {
    this.ring = new Array(this.capacity);
    this.next = 0;
    this.byUid.clear();
    this.byName.clear();
    for (const s of saved) this.add(fromSaved(s));
  }
}
