// Verb: run one terminal line (`kubectl …` or `sim …`) in the cluster, optionally with stdin
// (a heredoc, the editor's buffer). `clear` is handled locally, as a shell would. The terminal,
// the editor, graph actions, lessons and shortcuts all call this; the terminal renders every
// entry, whoever ran it.
import type { Playground } from '../store/store';
import { MAX_HISTORY, MAX_TERMINAL_ENTRIES } from '../store/store';

let nextId = 1;

/** Returns the entry id (its result arrives in the store), or undefined for nothing/`clear`. */
export function runCommand(pg: Playground, input: string, stdin?: string): number | undefined {
  const line = input.trim();
  if (!line) return undefined;
  const { store, client } = pg;
  const s = store.getState();
  const history = s.terminal.history.at(-1) === line ? s.terminal.history : [...s.terminal.history, line].slice(-MAX_HISTORY);
  if (line === 'clear') {
    store.setState({ terminal: { entries: [], history } });
    return undefined;
  }
  const id = nextId++;
  const entries = [...s.terminal.entries, { id, line, ...(stdin === undefined ? {} : { stdin }) }].slice(-MAX_TERMINAL_ENTRIES);
  store.setState({ terminal: { entries, history } });
  client.send({ type: 'run', id, line, ...(stdin === undefined ? {} : { stdin }) });
  return id;
}
