// Verb: `kubectl get … --watch` in the terminal. A real kubectl keeps the watch open and prints
// a row each time a listed object changes, until Ctrl-C. The Worker runs the engine's startWatch
// and streams the rows (`watchRows`); the store appends them to the entry's output; the terminal
// prints them as they come and closes the watch with stopWatch on Ctrl-C.
import type { Playground } from '../store/store';
import { addTerminalEntry } from './runCommand';

/** True for a `kubectl get` line that asks to watch (-w, --watch, --watch-only). */
export function isWatchLine(line: string): boolean {
  const words = line.trim().split(/\s+/);
  if (words[0] !== 'kubectl' || !words.includes('get')) return false;
  return words.some((w) => /^(-w|--watch|--watch-only)(=true)?$/.test(w));
}

/** Returns the terminal entry's id: its first table arrives as the result, then rows follow. */
export function watchResources(pg: Playground, input: string): number {
  const line = input.trim();
  const id = addTerminalEntry(pg, line, { watching: true });
  pg.client.send({ type: 'watch', id, line });
  return id;
}
