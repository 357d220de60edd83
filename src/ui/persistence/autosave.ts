// Saves the page continuously (throttled): after anything changes, at most once per
// SAVE_EVERY_MS of wall time, plus once when the tab is hidden. Saving asks the Worker for its
// session (seed, command log, snapshot) and stores it with the editor buffers.
import type { Session } from '../../engine/protocol';
import type { Playground } from '../store/store';
import type { KeyValueStore } from './idb';
import { SAVED_KEY, isSession, toSavedPage } from './savedPage';

export const SAVE_EVERY_MS = 1500;

export interface Autosave {
  /** Save now (e.g. before a test reloads). Resolves when written. */
  flush(): Promise<void>;
  /** Forget the saved page (Reset cluster). */
  clear(): Promise<void>;
  stop(): void;
}

export function startAutosave(pg: Playground, kv: KeyValueStore): Autosave {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  let saving: Promise<void> | undefined;

  const save = async () => {
    dirty = false;
    const answer = await pg.client.query({ kind: 'session' });
    const session: Session | undefined = isSession(answer) ? answer : undefined;
    await kv.set(SAVED_KEY, toSavedPage(pg.store.getState(), session));
  };

  const flush = async () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    await saving;
    saving = save().catch(() => {
      // A full disk or a private window: keep running, the page just will not survive a reload.
    });
    await saving;
  };

  const schedule = () => {
    dirty = true;
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (dirty) void flush();
    }, SAVE_EVERY_MS);
  };

  const unsubscribe = pg.store.subscribe((s, prev) => {
    if (s.connection !== 'ready') return;
    if (s.cluster !== prev.cluster || s.editor !== prev.editor || s.terminal.history !== prev.terminal.history || s.timeline !== prev.timeline) schedule();
  });
  const onHide = () => {
    if (document.visibilityState === 'hidden') void flush();
  };
  document.addEventListener('visibilitychange', onHide);

  return {
    flush,
    async clear() {
      await kv.del(SAVED_KEY);
    },
    stop() {
      unsubscribe();
      document.removeEventListener('visibilitychange', onHide);
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
