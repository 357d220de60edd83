// Verb: Ctrl-C on a running `kubectl get -w`: close the watch in the Worker. The entry stops
// streaming at once (rows already on their way are still added to its log).
import type { Playground } from '../store/store';

export function stopWatch(pg: Playground, id: number): void {
  pg.store.setState((s) => ({ terminal: { ...s.terminal, entries: s.terminal.entries.map((e) => (e.id === id ? { ...e, watching: false } : e)) } }));
  pg.client.send({ type: 'unwatch', id });
}
