// Which endpoints a connection may use: mirrors pkg/proxy/topology.go (CategorizeEndpoints) and
// the iptables proxier's load-balancing rules (pkg/proxy/iptables/proxier.go).
import type { Rng } from '../sim/rng';
import type { ProxyEndpoint, ServicePortEntry } from './types';

/**
 * Ready endpoints; when none is ready, the serving-and-terminating ones (so a Service whose
 * every pod is shutting down keeps answering until they are gone). Worked example: pods a
 * (ready), b (terminating, serving) → [a]; only b left → [b]; b no longer serving → [].
 */
export function usableEndpoints(eps: ProxyEndpoint[]): ProxyEndpoint[] {
  const ready = eps.filter((e) => e.ready);
  if (ready.length) return ready;
  return eps.filter((e) => e.serving && e.terminating);
}

/**
 * CategorizeEndpoints: the candidate set for this node. External traffic with
 * externalTrafficPolicy Local, and internal traffic with internalTrafficPolicy Local, may only go
 * to endpoints on the node the packet arrived at (no second hop, so the client IP is kept).
 */
export function endpointsFor(entry: ServicePortEntry, node: string, external: boolean): { candidates: ProxyEndpoint[]; local: boolean } {
  const local = external ? entry.externalTrafficPolicy === 'Local' : entry.internalTrafficPolicy === 'Local';
  const eps = local ? entry.endpoints.filter((e) => e.nodeName === node) : entry.endpoints;
  return { candidates: usableEndpoints(eps), local };
}

/**
 * The iptables statistic chain: for n endpoints, rule i matches with probability 1/(n-i)
 * (3 endpoints: 0.3333333333, then 0.5000000000, then the last unconditionally), which is
 * uniform 1/n overall. Simulated by walking the same rules with the seeded RNG.
 */
export function pickEndpoint(candidates: ProxyEndpoint[], rng: Rng): ProxyEndpoint {
  const n = candidates.length;
  for (let i = 0; i < n - 1; i++) {
    if (rng.next() < 1 / (n - i)) return candidates[i];
  }
  return candidates[n - 1];
}

export function probabilityText(n: number, i: number): string {
  return (1 / (n - i)).toFixed(10);
}
