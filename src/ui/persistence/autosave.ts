// Saves the page continuously (throttled): after anything changes, at most once per
// SAVE_EVERY_MS of wall time, plus once when the tab is hidden. Saving has two halves written at
// once: the Worker stores the cluster session (seed, command log, snapshot) itself, and this
// thread stores the UI state (editor buffers, terminal history). The snapshot of a big cluster
// is megabytes: copying it to this thread and into IndexedDB from here cost the page whole
// frames while 300 pods healed.
import { SESSION_KEY } from '../../engine/protocol';
import type { Playground } from '../store/store';
import type { KeyValueStore } from '../../storage/idb';
import { SAVED_KEY, toSavedPage } from './savedPage';

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
    await Promise.all([pg.client.query({ kind: 'save' }), kv.set(SAVED_KEY, toSavedPage(pg.store.getState()))]);
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
      await Promise.all([kv.del(SAVED_KEY), kv.del(SESSION_KEY)]);
    },
    stop() {
      unsubscribe();
      document.removeEventListener('visibilitychange', onHide);
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
