// ResourceList arithmetic for quota: mirrors staging/src/k8s.io/apiserver/pkg/quota/v1/resources.go
// (Add, Subtract, Mask, LessThanOrEqual, RemoveZeros, IsNegative) on exact quantities (bigint
// nano-units from ../apiserver/validation/quantity.ts), so 600Mi + 700Mi is exactly 1300Mi and
// 100m + 0.2 is exactly 300m — no floating point drift in "used" or in error messages.
import type { ResourceList } from '../api/core';
import { formatQuantity, parseQuantityExact, type ParsedQuantity } from '../apiserver/validation/quantity';

/** resource name -> exact quantity. Iteration order is not relied on: callers sort names. */
export type Usage = Map<string, ParsedQuantity>;

const ZERO: ParsedQuantity = { nanos: 0n, format: 'DecimalSI' };

export function qty(v: string | number | undefined): ParsedQuantity {
  if (v === undefined) return ZERO;
  return parseQuantityExact(v) ?? ZERO;
}

/** One whole unit: the usage of one object for an object-count resource. */
export const ONE: ParsedQuantity = { nanos: 1_000_000_000n, format: 'DecimalSI' };

export function fromResourceList(list: ResourceList | undefined): Usage {
  const u: Usage = new Map();
  for (const [k, v] of Object.entries(list ?? {})) if (v !== undefined) u.set(k, qty(v));
  return u;
}

/** Stored form: every value as Quantity.String() ("2", "1300Mi", "400m"), keys sorted. */
export function toResourceList(u: Usage): ResourceList {
  const out: ResourceList = {};
  for (const k of [...u.keys()].sort()) out[k] = formatQuantity(u.get(k)!);
  return out;
}

/**
 * Quantity.Add: the sum keeps the format of the left operand, except that a zero left operand
 * takes the right one's (so 0 + 600Mi prints as 600Mi, not 629145600).
 */
export function addQuantity(a: ParsedQuantity, b: ParsedQuantity): ParsedQuantity {
  return { nanos: a.nanos + b.nanos, format: a.nanos === 0n ? b.format : a.format };
}

export function add(a: Usage, b: Usage): Usage {
  const out: Usage = new Map(a);
  for (const [k, v] of b) out.set(k, out.has(k) ? addQuantity(out.get(k)!, v) : v);
  return out;
}

/** SubtractWithNonNegativeResult. */
export function subtractNonNegative(a: Usage, b: Usage): Usage {
  const out: Usage = new Map();
  for (const [k, v] of a) {
    const d = v.nanos - (b.get(k)?.nanos ?? 0n);
    out.set(k, { nanos: d < 0n ? 0n : d, format: v.format });
  }
  return out;
}

/** Only the named resources. */
export function mask(u: Usage, names: Iterable<string>): Usage {
  const keep = new Set(names);
  const out: Usage = new Map();
  for (const [k, v] of u) if (keep.has(k)) out.set(k, v);
  return out;
}

export function removeZeros(u: Usage): Usage {
  const out: Usage = new Map();
  for (const [k, v] of u) if (v.nanos !== 0n) out.set(k, v);
  return out;
}

export function negativeResources(u: Usage): string[] {
  return [...u].filter(([, v]) => v.nanos < 0n).map(([k]) => k).sort();
}

/** LessThanOrEqual: which resources of `a` exceed `b` (resources absent from b are unlimited). */
export function exceeded(a: Usage, b: Usage): string[] {
  const out: string[] = [];
  for (const [k, v] of a) {
    const limit = b.get(k);
    if (limit && v.nanos > limit.nanos) out.push(k);
  }
  return out.sort();
}

/** prettyPrint: `requests.memory=700Mi,pods=1` sorted by name, joined with commas. */
export function prettyPrint(u: Usage): string {
  return [...u.keys()].sort().map((k) => `${k}=${formatQuantity(u.get(k)!)}`).join(',');
}
