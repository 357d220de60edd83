// IPv4 addresses and CIDRs as numbers: the parts of k8s.io/utils/net (ParseCIDRSloppy,
// IPNet.Contains) that NetworkPolicy ipBlocks need. IPv6 is not simulated (kind runs IPv4 here).

/** `10.244.1.7` → 183_763_207; undefined when not a dotted quad. */
export function parseIPv4(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

export interface CIDR {
  /** The network address (host bits cleared, as ParseCIDR returns it). */
  base: number;
  bits: number;
}

/** `10.0.0.0/16` → {base, bits: 16}; undefined when malformed. */
export function parseCIDR(cidr: string): CIDR | undefined {
  const m = /^([^/]+)\/(\d{1,2})$/.exec(cidr);
  if (!m) return undefined;
  const ip = parseIPv4(m[1]);
  const bits = Number(m[2]);
  if (ip === undefined || bits > 32) return undefined;
  return { base: (ip & mask(bits)) >>> 0, bits };
}

function mask(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

/** Worked example: 10.244.1.7 is in 10.244.0.0/16 ((ip & 0xffff0000) == 10.244.0.0), not in 10.244.2.0/24. */
export function cidrContains(c: CIDR, ip: number): boolean {
  return ((ip & mask(c.bits)) >>> 0) === c.base;
}
