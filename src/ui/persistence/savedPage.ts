// What a page keeps across reloads, and how it is checked on the way back in: UI state (editor
// buffers, terminal history). The cluster's session (seed, command log, snapshot of now) is saved
// by the engine Worker itself under its own key (engine/protocol.ts SESSION_KEY); pages saved by
// an earlier version carried it here, and are still restored from it.
import { isSession, type Session } from '../../engine/protocol';
import type { EditorBuffer, PlaygroundState } from '../store/store';

export const SAVED_KEY = 'page';

export interface SavedPage {
  format: 'kube-playground-page';
  version: 1;
  /** Only in pages saved by an earlier version (the Worker now keeps the session). */
  session?: Session;
  editor: { buffers: EditorBuffer[]; active: string };
  history: string[];
}

export function toSavedPage(s: PlaygroundState): SavedPage {
  return {
    format: 'kube-playground-page',
    version: 1,
    editor: { buffers: s.editor.buffers.map((b) => ({ ...b })), active: s.editor.active },
    history: [...s.terminal.history],
  };
}

/** The saved page, or undefined when `raw` is missing or not something this version wrote. */
export function parseSavedPage(raw: unknown): SavedPage | undefined {
  if (!isObject(raw) || raw.format !== 'kube-playground-page' || raw.version !== 1) return undefined;
  const editor = raw.editor;
  if (!isObject(editor) || !Array.isArray(editor.buffers)) return undefined;
  const buffers = editor.buffers.filter(
    (b): b is EditorBuffer => isObject(b) && typeof b.id === 'string' && typeof b.name === 'string' && typeof b.text === 'string',
  );
  if (buffers.length === 0) return undefined;
  const active = typeof editor.active === 'string' && buffers.some((b) => b.id === editor.active) ? editor.active : buffers[0].id;
  const history = Array.isArray(raw.history) ? raw.history.filter((h): h is string => typeof h === 'string') : [];
  const session = isSession(raw.session) ? raw.session : undefined;
  return { format: 'kube-playground-page', version: 1, ...(session ? { session } : {}), editor: { buffers, active }, history };
}


function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
