// NodePort allocation: mirrors pkg/registry/core/service/portallocator/allocator.go
// (PortAllocator, calculateRangeOffset). As with ClusterIPs, the ports in use are read from the
// stored Services rather than kept in a separate bitmap.
import type { Rng } from '../../../../sim/rng';
import { allocateIndex } from './ipallocator';

export interface PortRange {
  base: number;
  size: number;
  offset: number;
}

/**
 * --service-node-port-range 30000-32767: base 30000, size 2768. calculateRangeOffset is
 * min(max(16, size/32), 128) = min(max(16, 86), 128) = 86, so random ports come from
 * 30086–32767 and 30000–30085 stay free for users who pick a port themselves.
 */
export const DEFAULT_NODE_PORT_RANGE: PortRange = nodePortRange(30000, 2768);

export function nodePortRange(base: number, size: number): PortRange {
  const offset = size <= 16 ? 0 : Math.min(Math.max(16, Math.floor(size / 32)), 128);
  return { base, size, offset };
}

export function rangeString(r: PortRange): string {
  return `${r.base}-${r.base + r.size - 1}`;
}

export type PortResult = { ok: true; port: number } | { ok: false; error: string };

export function allocatePort(r: PortRange, used: Set<number>, port: number): PortResult {
  if (port < r.base || port >= r.base + r.size) {
    return { ok: false, error: `provided port is not in the valid range. The range of valid ports is ${rangeString(r)}` };
  }
  if (used.has(port)) return { ok: false, error: 'provided port is already allocated' };
  return { ok: true, port };
}

export function allocateNextPort(r: PortRange, used: Set<number>, rng: Rng): PortResult {
  const i = allocateIndex(r.size, r.offset, (k) => used.has(r.base + k), rng);
  if (i === undefined) return { ok: false, error: 'range is full' };
  return { ok: true, port: r.base + i };
}
