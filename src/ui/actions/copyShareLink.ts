// Verb: make a link that replays this cluster (seed, commands, the editor's buffer) and copy it.
import type { Playground } from '../store/store';
import { isSession } from '../../engine/protocol';
import { scenarioFromSession, shareUrl } from '../features/share/shareLink';

export async function copyShareLink(pg: Playground): Promise<string> {
  const session = await pg.client.query({ kind: 'session' });
  if (!isSession(session)) throw new Error('the cluster is not running');
  const s = pg.store.getState();
  const active = s.editor.buffers.find((b) => b.id === s.editor.active);
  const url = await shareUrl(location.href, scenarioFromSession(session, s.cluster.clock.time, active?.text));
  try {
    await navigator.clipboard.writeText(url);
  } catch {
    // No clipboard permission: the caller shows the link to copy by hand.
  }
  return url;
}
