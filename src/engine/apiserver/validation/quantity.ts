// Quantity.String(): the canonical form the API server prints in error messages ("500m", "1Gi",
// "2k"). Mirrors k8s.io/apimachinery/pkg/api/resource/quantity.go (CanonicalizeBytes), computed
// exactly with bigint nano-units: "0.5" -> 500m, "1024Mi" -> 1Gi, "2000" -> 2k, "1536Mi" stays.

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

const BIN_SUFFIX: [string, bigint][] = [['Ei', 1n << 60n], ['Pi', 1n << 50n], ['Ti', 1n << 40n], ['Gi', 1n << 30n], ['Mi', 1n << 20n], ['Ki', 1n << 10n]];
const DEC_EXP: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BIN_EXP: Record<string, bigint> = { Ki: 1n << 10n, Mi: 1n << 20n, Gi: 1n << 30n, Ti: 1n << 40n, Pi: 1n << 50n, Ei: 1n << 60n };
const RE = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;
const NANO = 1_000_000_000n;

export interface ParsedQuantity {
  nanos: bigint; // value * 1e9, rounded up (the API server rounds to nano precision)
  format: Format;
}

export function parseQuantityExact(v: string | number): ParsedQuantity | null {
  const s = typeof v === 'number' ? numberText(v) : v.trim();
  const m = RE.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const [, sign, intPart, frac = '', suffix = ''] = m;
  let format: Format = 'DecimalSI';
  let exp10 = 0;
  let mult = 1n;
  if (suffix in BIN_EXP) {
    format = 'BinarySI';
    mult = BIN_EXP[suffix];
  } else if (/^[eE]/.test(suffix)) {
    format = 'DecimalExponent';
    exp10 = Number(suffix.slice(1));
  } else exp10 = DEC_EXP[suffix];
  // digits * 10^(exp10 - frac.length) * mult * 1e9
  const digits = BigInt(`${intPart}${frac}` || '0');
  const shift = exp10 - frac.length + 9;
  let num = digits * mult;
  if (shift >= 0) num *= 10n ** BigInt(shift);
  else {
    const d = 10n ** BigInt(-shift);
    num = num / d + (num % d === 0n ? 0n : 1n);
  }
  return { nanos: sign === '-' ? -num : num, format };
}

function numberText(n: number): string {
  return Number.isInteger(n) ? n.toFixed(0) : String(n);
}

/** Canonical Quantity.String() of a user-supplied quantity; the input itself when unparseable. */
export function canonicalQuantity(v: string | number): string {
  const q = parseQuantityExact(v);
  if (!q) return String(v);
  return formatQuantity(q);
}

export function formatQuantity(q: ParsedQuantity): string {
  if (q.nanos === 0n) return '0';
  const neg = q.nanos < 0n;
  const abs = neg ? -q.nanos : q.nanos;
  const sign = neg ? '-' : '';
  if (q.format === 'BinarySI' && abs % NANO === 0n) {
    const bytes = abs / NANO;
    for (const [suffix, f] of BIN_SUFFIX) if (bytes % f === 0n) return `${sign}${bytes / f}${suffix}`;
    // Not a multiple of 1024: Go falls back to decimal notation for small values.
    if (bytes < 1024n) return `${sign}${bytes}`;
  }
  // Decimal: the largest exponent (a multiple of 3) that leaves an integer mantissa.
  let exp = -9;
  let mant = abs;
  while (exp < 18 && mant % 1000n === 0n) {
    mant /= 1000n;
    exp += 3;
  }
  if (q.format === 'DecimalExponent') return `${sign}${mant}${exp === 0 ? '' : `e${exp}`}`;
  const suffix = Object.keys(DEC_EXP).find((k) => DEC_EXP[k] === exp) ?? '';
  return `${sign}${mant}${suffix}`;
}

export function compareQuantities(a: ParsedQuantity, b: ParsedQuantity): number {
  return a.nanos === b.nanos ? 0 : a.nanos < b.nanos ? -1 : 1;
}
