// The UI's side of the Worker: sends EngineCommands, hands every EngineMessage to listeners.
// Together with src/engine/worker.ts this is the only code that knows a Worker exists; the
// store talks to the EngineClient interface, so tests and previews can pass a fake.
import type { EngineCommand, EngineMessage, EngineQuery } from '../../engine/protocol';

export interface EngineClient {
  send(cmd: EngineCommand): void;
  /** Ask the engine a read-only question; resolves with its answer (plain data, or null). */
  query(q: EngineQuery): Promise<unknown>;
  /** Returns an unsubscribe function. */
  subscribe(listener: (m: EngineMessage) => void): () => void;
  dispose(): void;
}

/**
 * Adds `query` to a bare send/subscribe pair: each query gets a fresh id and resolves when the
 * `queryResult` with that id arrives. Shared by the Worker client and test fakes.
 */
export function withQueries(base: Omit<EngineClient, 'query'>): EngineClient {
  let nextQueryId = 1;
  const waiting = new Map<number, (r: unknown) => void>();
  base.subscribe((m) => {
    if (m.type !== 'queryResult') return;
    const resolve = waiting.get(m.id);
    waiting.delete(m.id);
    resolve?.(m.result);
  });
  return {
    ...base,
    query(q) {
      const id = nextQueryId++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        base.send({ type: 'query', id, query: q });
      });
    },
  };
}

export function createWorkerClient(): EngineClient {
  const worker = new Worker(new URL('../../engine/worker.ts', import.meta.url), { type: 'module', name: 'cluster' });
  const listeners = new Set<(m: EngineMessage) => void>();
  worker.addEventListener('message', (e: MessageEvent<EngineMessage>) => {
    for (const l of listeners) l(e.data);
  });
  worker.addEventListener('error', (e: ErrorEvent) => {
    e.preventDefault(); // reported in the page instead of as an uncaught error
    const m: EngineMessage = { type: 'error', message: e.message || 'the cluster worker failed to start' };
    for (const l of listeners) l(m);
  });
  return withQueries({
    send: (cmd) => worker.postMessage(cmd),
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    dispose: () => worker.terminate(),
  });
}
