// Tab completion by the engine: the `complete` query runs the engine's kubectl completion
// (src/engine/kubectl/completion.ts) in the Worker. Null when the engine cannot answer (an older
// engine, an error, no answer within TIMEOUT_MS): the terminal then completes locally.
import type { EngineClient } from '../../bridge/client';
import type { Completion } from './completion';

const TIMEOUT_MS = 400;

export function engineCompletion(client: EngineClient, before: string): Promise<Completion | null> {
  const answer = client.query({ kind: 'complete', line: before }).then((r) => fromEngine(before, r));
  const late = new Promise<null>((resolve) => window.setTimeout(() => resolve(null), TIMEOUT_MS));
  return Promise.race([answer, late]);
}

/** The engine's { candidates, replaceFrom } as the shell's { word, candidates }. */
export function fromEngine(before: string, r: unknown): Completion | null {
  const c = r as { candidates?: unknown; replaceFrom?: unknown } | null;
  if (!c || !Array.isArray(c.candidates) || typeof c.replaceFrom !== 'number') return null;
  return { word: before.slice(c.replaceFrom), candidates: c.candidates.filter((x): x is string => typeof x === 'string') };
}
