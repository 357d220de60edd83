// Verb: throw the cluster away and start a fresh one from the same seed (the UI asks first).
// The editor's buffers and the command history stay.
import type { Playground } from '../store/store';

export function resetCluster(pg: Playground, seed = 1): void {
  pg.store.setState((s) => ({ terminal: { ...s.terminal, entries: [] } }));
  pg.client.send({ type: 'load', seed });
}
