// Verb: replace the cluster with one saved by "Export cluster" (the file's text is passed in,
// so the picker, a drop target or a test can all call this).
import type { Playground } from '../store/store';
import { isSession } from '../../engine/protocol';

export function importClusterFile(pg: Playground, text: string): void {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('not a cluster file (it is not JSON)');
  }
  if (!isSession(data)) throw new Error('not a cluster file exported by Kubernetes Playground');
  pg.store.setState((s) => ({ terminal: { ...s.terminal, entries: [] } }));
  pg.client.send({ type: 'load', seed: data.seed, session: data });
}
