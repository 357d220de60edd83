// Verb: keep the cluster as it is at the scrubbed-back moment and forget what came after (the
// later commands would otherwise replay when time runs on). Typing a command there does the same.
import type { Playground } from '../store/store';

export function branchFromHere(pg: Playground): void {
  pg.client.send({ type: 'branch' });
}
