// Verb: `kubectl edit TYPE/NAME` typed in the terminal. A real kubectl writes the object's YAML
// (under a header comment) to a temporary file, opens $EDITOR on it and sends what changed when
// the editor closes (kubectl/pkg/cmd/util/editor). Here the Worker prepares the text (the `edit`
// query), the Editor tab opens it in an edit buffer, and saveEdit sends it back.
import type { PreparedEdit } from '../../engine/protocol';
import type { ViewStore } from '../store/view';
import type { Playground } from '../store/store';
import { openEditBuffer } from '../features/editor/buffers';
import { addTerminalEntry, setTerminalResult } from './runCommand';

/** True for a `kubectl edit …` line. */
export function isEditLine(line: string): boolean {
  return /^kubectl\s+edit(\s|$)/.test(line.trim());
}

/** Returns the terminal entry's id; the object opens in the editor (or the error is printed). */
export function editObject(pg: Playground, input: string, view?: ViewStore): number {
  const line = input.trim();
  const id = addTerminalEntry(pg, line);
  void pg.client.query({ kind: 'edit', line }).then((answer) => {
    const p = answer as PreparedEdit | { error: string } | null;
    if (!p || 'error' in p) {
      const why = p && 'error' in p ? p.error : 'the cluster is not running yet';
      return setTerminalResult(pg, id, { stdout: '', stderr: `error: ${why}\n`, exitCode: 1 });
    }
    if (!p.ok) return setTerminalResult(pg, id, p.result);
    openEditBuffer(pg.store, p.title, p.yaml, { line, title: p.title });
    view?.setState({ rightTab: 'editor' });
    setTerminalResult(pg, id, {
      stdout: `Editing ${p.title} in the Editor tab: "Save edit" (Ctrl+Enter) sends it, "Cancel edit" drops it.\n`,
      stderr: '',
      exitCode: 0,
    });
  });
  return id;
}
