// Verb: download the whole session (seed, command log, snapshot of now) as a file that
// "Import cluster" opens again, here or on another machine.
import type { Playground } from '../store/store';
import { downloadText } from '../features/share/download';
import { isSession } from '../../engine/protocol';

export async function exportClusterFile(pg: Playground): Promise<void> {
  const session = await pg.client.query({ kind: 'session' });
  if (!isSession(session)) throw new Error('the cluster is not running');
  downloadText('cluster.kube-playground.json', JSON.stringify(session), 'application/json');
}
