// Verb: jump simulated time to the next thing the cluster has scheduled (a container starting,
// a back-off ending, a heartbeat) — the way to watch a slow process one decision at a time.
import type { Playground } from '../store/store';

export function stepToNextEvent(pg: Playground): void {
  pg.client.send({ type: 'step' });
}
