// The UI's side of the Worker: sends EngineCommands, hands every EngineMessage to listeners.
// Together with src/engine/worker.ts this is the only code that knows a Worker exists; the
// store talks to the EngineClient interface, so tests and previews can pass a fake.
import type { EngineCommand, EngineMessage } from '../../engine/protocol';

export interface EngineClient {
  send(cmd: EngineCommand): void;
  /** Returns an unsubscribe function. */
  subscribe(listener: (m: EngineMessage) => void): () => void;
  dispose(): void;
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
  return {
    send: (cmd) => worker.postMessage(cmd),
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    dispose: () => worker.terminate(),
  };
}
