// Verb: pause or resume the simulated clock. Commands still run while paused.
import type { Playground } from '../store/store';

export function togglePause(pg: Playground): void {
  const paused = pg.store.getState().cluster.clock.paused;
  pg.client.send({ type: paused ? 'resume' : 'pause' });
}
