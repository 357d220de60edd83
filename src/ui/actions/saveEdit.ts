// Verb: save (or cancel) a `kubectl edit` buffer. The edited text goes to the Worker as the
// same `kubectl edit` line with the text on stdin, which finishEdit saves; the terminal prints
// kubectl's answer (`deployment.apps/web edited`, `Edit cancelled, no changes made.`, or the
// error). As in kubectl, the editor closes when the save succeeds and stays open on an error.
import type { CommandResult } from '../../engine';
import type { Playground } from '../store/store';
import { closeBuffer } from '../features/editor/buffers';
import { runCommand } from './runCommand';

/**
 * Send the edit buffer `bufferId` (an empty text cancels, as an empty file does in kubectl).
 * Resolves with kubectl's result, or undefined when the buffer is not an edit buffer.
 */
export function saveEdit(pg: Playground, bufferId: string, opts: { cancel?: boolean } = {}): Promise<CommandResult | undefined> {
  const buf = pg.store.getState().editor.buffers.find((b) => b.id === bufferId);
  if (!buf?.edit) return Promise.resolve(undefined);
  const id = runCommand(pg, buf.edit.line, opts.cancel ? '' : buf.text);
  if (id === undefined) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const unsubscribe = pg.store.subscribe((s) => {
      const entry = s.terminal.entries.find((e) => e.id === id);
      if (!entry?.result) return;
      unsubscribe();
      if (entry.result.exitCode === 0) closeBuffer(pg.store, bufferId);
      resolve(entry.result);
    });
  });
}
