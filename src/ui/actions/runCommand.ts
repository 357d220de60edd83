// Verb: run one terminal line (`kubectl …` or `sim …`) in the cluster, optionally with stdin
// (a heredoc, the editor's buffer). `clear` is handled locally, as a shell would. The terminal,
// the editor, graph actions, lessons and shortcuts all call this; the terminal renders every
// entry, whoever ran it.
import type { CommandResult } from '../../engine';
import type { Playground, TerminalEntry } from '../store/store';
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
  const id = addTerminalEntry(pg, line, stdin === undefined ? {} : { stdin });
  client.send({ type: 'run', id, line, ...(stdin === undefined ? {} : { stdin }) });
  return id;
}

/**
 * Add a terminal entry for `line` (its result still to come) and remember the line for ↑
 * recall; returns the entry's id. For verbs that answer a line without a plain `run`
 * (`kubectl edit`, `kubectl get -w`).
 */
export function addTerminalEntry(pg: Playground, line: string, extra: Partial<Omit<TerminalEntry, 'id' | 'line'>> = {}): number {
  const s = pg.store.getState();
  const history = s.terminal.history.at(-1) === line ? s.terminal.history : [...s.terminal.history, line].slice(-MAX_HISTORY);
  const id = nextId++;
  const entries = [...s.terminal.entries, { id, line, ...extra }].slice(-MAX_TERMINAL_ENTRIES);
  pg.store.setState({ terminal: { entries, history } });
  return id;
}

/** Fill in the result of an entry answered in the page (not by a `run`). */
export function setTerminalResult(pg: Playground, id: number, result: CommandResult): void {
  pg.store.setState((s) => ({ terminal: { ...s.terminal, entries: s.terminal.entries.map((e) => (e.id === id ? { ...e, result } : e)) } }));
}
