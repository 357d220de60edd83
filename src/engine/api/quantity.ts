// resource.Quantity: mirrors k8s.io/apimachinery/pkg/api/resource. We parse to a number of
// base units (cores for cpu, bytes for memory) and keep milli-precision for cpu.

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

const QUANTITY_RE = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)|([eE][+-]?\d+))?$/;

export const QUANTITY_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

export function isQuantity(v: unknown): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  return typeof v === 'string' && QUANTITY_RE.test(v.trim());
}

/**
 * Parsed quantity strings: a cluster uses a handful of distinct ones ('100m', '128Mi') but parses
 * them on every scheduling cycle and pod event, so the regular expression runs once per string.
 * Bounded: cleared when it grows past a few thousand entries (a lesson typing odd quantities).
 */
const parsed = new Map<string, number>();
const PARSED_MAX = 4096;

/** Value in base units; NaN when unparseable. */
export function parseQuantity(v: string | number | undefined | null): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return v;
  let q = parsed.get(v);
  if (q === undefined) {
    q = parseQuantityString(v);
    if (parsed.size >= PARSED_MAX) parsed.clear();
    parsed.set(v, q);
  }
  return q;
}

function parseQuantityString(v: string): number {
  const m = QUANTITY_RE.exec(v.trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  if (m[2]) return n * (BINARY[m[2]] ?? DECIMAL[m[2]]);
  if (m[3]) return n * 10 ** Number(m[3].slice(1));
  return n;
}

/** CPU in millicores, rounded up as the API server rounds sub-milli values. */
export function milliCPU(v: string | number | undefined | null): number {
  const q = parseQuantity(v);
  return Number.isNaN(q) ? NaN : Math.ceil(Math.round(q * 1e6) / 1e3);
}

/** Memory (or any byte quantity) in bytes, rounded up. */
export function bytes(v: string | number | undefined | null): number {
  const q = parseQuantity(v);
  return Number.isNaN(q) ? NaN : Math.ceil(q);
}

/** Format millicores the way kubectl prints them (`100m`, `2`). */
export function formatMilliCPU(m: number): string {
  return m % 1000 === 0 ? String(m / 1000) : `${m}m`;
}

/** Format bytes in the largest binary suffix that divides exactly (`128Mi`, `4Gi`), else plain. */
export function formatBytes(b: number): string {
  if (b === 0) return '0';
  for (const [suffix, f] of [['Ei', 2 ** 60], ['Pi', 2 ** 50], ['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) {
    if (b % f === 0) return `${b / f}${suffix}`;
  }
  return String(b);
}
