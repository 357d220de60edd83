// ClusterIP allocation: mirrors pkg/registry/core/service/ipallocator/bitmap.go (Range,
// calculateRangeOffset) and pkg/registry/core/service/allocator/bitmap.go
// (randomScanStrategyWithOffset). Upstream keeps a bitmap in etcd; here the set of used
// addresses is read from the stored Services each time, so deleting a Service releases its IP
// with no extra bookkeeping and a snapshot carries the allocation state for free.
import type { Rng } from '../../../../sim/rng';

export interface IPRange {
  cidr: string;
  /** The first usable address (network + 1) as a 32-bit integer: bitmap index 0. */
  base: number;
  /** Usable addresses: the CIDR size minus the network and broadcast addresses. */
  max: number;
  /** Size of the lower, "static" band that random allocation avoids while it can. */
  offset: number;
}

export function ipToInt(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

export function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/**
 * calculateRangeOffset: min(max(16, size/16), 256). Worked example, kind's 10.96.0.0/16:
 * size 65536 → 65536/16 = 4096 → capped at 256, so 10.96.0.1–10.96.1.0 form the static band
 * (the `kubernetes` Service at 10.96.0.1, kube-dns at 10.96.0.10) and random allocation draws
 * from 10.96.1.1–10.96.255.254.
 */
export function serviceIPRange(cidr: string): IPRange {
  const [net, bitsText] = cidr.split('/');
  const bits = Number(bitsText);
  const size = 2 ** (32 - bits);
  const network = ipToInt(net) ?? 0;
  const offset = size <= 16 ? 0 : Math.min(Math.max(16, Math.floor(size / 16)), 256);
  return { cidr, base: network + 1, max: Math.max(0, size - 2), offset };
}

/** Index of `ip` in the range, or undefined when it is outside (network/broadcast excluded). */
export function rangeIndex(r: IPRange, ip: string): number | undefined {
  const n = ipToInt(ip);
  if (n === undefined) return undefined;
  const i = n - r.base;
  return i >= 0 && i < r.max ? i : undefined;
}

/**
 * randomScanStrategyWithOffset.AllocateBit: a random start in the upper band, scanning forward
 * (wrapping inside the band) for a free index; only when the upper band is full, the same in
 * the lower band. Returns undefined when the range is full.
 */
export function allocateIndex(max: number, offset: number, used: (i: number) => boolean, rng: Rng): number | undefined {
  const upper = max - offset;
  if (upper > 0) {
    const start = rng.intn(upper);
    for (let k = 0; k < upper; k++) {
      const at = offset + ((start + k) % upper);
      if (!used(at)) return at;
    }
  }
  if (offset > 0) {
    const start = rng.intn(offset);
    for (let k = 0; k < offset; k++) {
      const at = (start + k) % offset;
      if (!used(at)) return at;
    }
  }
  return undefined;
}

export type AllocateResult = { ok: true; ip: string } | { ok: false; error: string };

/** AllocateNext: a random free ClusterIP. */
export function allocateNextIP(r: IPRange, used: Set<string>, rng: Rng): AllocateResult {
  const i = allocateIndex(r.max, r.offset, (k) => used.has(intToIp(r.base + k)), rng);
  if (i === undefined) return { ok: false, error: 'range is full' };
  return { ok: true, ip: intToIp(r.base + i) };
}

/** Allocate(ip): a ClusterIP the user asked for. Error texts are ipallocator's. */
export function allocateIP(r: IPRange, used: Set<string>, ip: string): AllocateResult {
  if (rangeIndex(r, ip) === undefined) {
    return { ok: false, error: `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${r.cidr}` };
  }
  if (used.has(ip)) return { ok: false, error: 'provided IP is already allocated' };
  return { ok: true, ip };
}
