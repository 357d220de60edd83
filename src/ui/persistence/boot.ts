// What the page starts from, in order of precedence:
//   1. a share link's scenario in the URL fragment (replayed from its seed), then the fragment is
//      removed so a reload restores the saved page instead of replaying the link again;
//   2. the page saved in IndexedDB: editor buffers and terminal history read here, the cluster
//      session read by the Worker itself (`restoreSaved`), which boots fresh when none is saved;
//   3. a fresh cluster from `?seed=` (default 1).
import type { PlaygroundOptions } from '../store/store';
import { decodeScenario, scenarioParam, sessionFromScenario } from '../features/share/shareLink';
import type { KeyValueStore } from '../../storage/idb';
import { SAVED_KEY, parseSavedPage } from './savedPage';

export async function bootOptions(kv: KeyValueStore, href: string): Promise<PlaygroundOptions & { fromLink: boolean }> {
  const url = new URL(href);
  const seed = Number(url.searchParams.get('seed') ?? '1') || 1;
  const saved = parseSavedPage(await kv.get(SAVED_KEY).catch(() => undefined));
  const restore = saved ? { editor: saved.editor, history: saved.history } : undefined;
  const param = scenarioParam(href);
  if (param) {
    try {
      const scenario = await decodeScenario(param);
      const editor = scenario.manifests
        ? { buffers: [...(saved?.editor.buffers ?? []), { id: `shared-${saved?.editor.buffers.length ?? 0}`, name: 'shared.yaml', text: scenario.manifests }], active: `shared-${saved?.editor.buffers.length ?? 0}` }
        : saved?.editor;
      return { seed: scenario.seed, session: sessionFromScenario(scenario), restore: { ...restore, ...(editor ? { editor } : {}) }, fromLink: true };
    } catch {
      // A broken link: fall through to the saved page.
    }
  }
  if (url.searchParams.has('seed')) return { seed, ...(restore ? { restore } : {}), fromLink: false };
  // A page saved by an earlier version carries its session here.
  if (saved?.session) return { seed: saved.session.seed, session: saved.session, ...(restore ? { restore } : {}), fromLink: false };
  return { seed, restoreSaved: true, ...(restore ? { restore } : {}), fromLink: false };
}
