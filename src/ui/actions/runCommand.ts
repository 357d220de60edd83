// Verb: run one terminal line (`kubectl …` or `sim …`) in the cluster. `clear` is handled
// locally, as a shell would. The command box, lessons and shortcuts all call this.
import type { Playground } from '../store/store';
import { MAX_HISTORY, MAX_TERMINAL_ENTRIES } from '../store/store';

let nextId = 1;

export function runCommand(pg: Playground, input: string): void {
  const line = input.trim();
  if (!line) return;
  const { store, client } = pg;
  const s = store.getState();
  const history = s.terminal.history.at(-1) === line ? s.terminal.history : [...s.terminal.history, line].slice(-MAX_HISTORY);
  if (line === 'clear') {
    store.setState({ terminal: { entries: [], history } });
    return;
  }
  const id = nextId++;
  const entries = [...s.terminal.entries, { id, line }].slice(-MAX_TERMINAL_ENTRIES);
  store.setState({ terminal: { entries, history } });
  client.send({ type: 'run', id, line });
}
