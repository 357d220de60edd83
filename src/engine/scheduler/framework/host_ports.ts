// Host ports in use on a node: mirrors HostPortInfo in pkg/scheduler/framework/types.go.
import type { PodSpec } from '../../api/core';

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

const ANY_IP = '0.0.0.0';

/**
 * The pod's container ports that claim a host port (hostPort > 0). With hostNetwork, API
 * defaulting sets hostPort = containerPort, so an unset hostPort counts as the container port.
 */
export function getContainerPorts(spec: PodSpec): HostPort[] {
  const out: HostPort[] = [];
  for (const c of spec.containers ?? []) {
    for (const p of c.ports ?? []) {
      const hostPort = p.hostPort ?? (spec.hostNetwork ? p.containerPort : 0);
      if (!(hostPort > 0)) continue;
      out.push({ ip: p.hostIP || ANY_IP, protocol: p.protocol || 'TCP', port: hostPort });
    }
  }
  return out;
}

/** protocol/port -> ip -> number of pods using it. */
export class HostPortInfo {
  private used = new Map<string, Map<string, number>>();

  add(p: HostPort): void {
    const k = `${p.protocol}/${p.port}`;
    let ips = this.used.get(k);
    if (!ips) {
      ips = new Map();
      this.used.set(k, ips);
    }
    ips.set(p.ip, (ips.get(p.ip) ?? 0) + 1);
  }

  remove(p: HostPort): void {
    const k = `${p.protocol}/${p.port}`;
    const ips = this.used.get(k);
    const n = ips?.get(p.ip);
    if (!ips || n === undefined) return;
    if (n > 1) ips.set(p.ip, n - 1);
    else ips.delete(p.ip);
    if (ips.size === 0) this.used.delete(k);
  }

  /**
   * CheckConflict: 0.0.0.0 means "every address", so it clashes with any use of the same
   * protocol/port; a specific address clashes with itself and with 0.0.0.0.
   */
  checkConflict(p: HostPort): boolean {
    const ips = this.used.get(`${p.protocol}/${p.port}`);
    if (!ips) return false;
    if (p.ip === ANY_IP) return ips.size > 0;
    return ips.has(p.ip) || ips.has(ANY_IP);
  }

  size(): number {
    return this.used.size;
  }
}
