// The Worker entry: runs the engine host (host.ts) off the UI thread. This file and the UI's
// bridge (src/ui/bridge/client.ts) are the only code that knows a Worker exists, and this is the
// one file of the engine that reads the wall clock and sets a timer: the pacing ticks.
import bootImage from 'virtual:boot-image';
import { openKeyValueStore } from '../storage/idb';
import { EngineHost, TICK_MS } from './host';
import { setExplainSchema, type ExplainSchema } from './index';
import { BOOT_IMAGE_SEED, type EngineCommand, type EngineMessage } from './protocol';

interface WorkerScope {
  postMessage(m: EngineMessage): void;
  addEventListener(type: 'message', l: (e: MessageEvent<EngineCommand>) => void): void;
}

function isWorkerScope(g: unknown): g is WorkerScope {
  return typeof WorkerGlobalScope !== 'undefined' && g instanceof WorkerGlobalScope;
}

if (isWorkerScope(globalThis)) {
  const scope = globalThis;
  const host = new EngineHost(
    (m) => scope.postMessage(m),
    () => performance.now(), // wall clock: allowed here only, for pacing
    bootImage,
    typeof indexedDB === 'undefined' ? undefined : openKeyValueStore(indexedDB),
  );
  // `kubectl explain` reads the same JSON Schemas as the editor: they load in their own chunk
  // once the first message (`init`) has been answered, so they never delay the first picture.
  let schemas = false;
  scope.addEventListener('message', (e) => {
    host.handle(e.data);
    if (schemas) return;
    schemas = true;
    setTimeout(() => void import('../schemas/kubernetes.json').then((m) => setExplainSchema(m.default as ExplainSchema)), 0);
  });
  // Most pages start from seed 1 (or restore a session, which boots from its seed first):
  // boot it now, while the page loads. Messages that arrive meanwhile wait in the queue.
  host.preboot(BOOT_IMAGE_SEED);
  setInterval(() => host.tick(), TICK_MS); // wall-clock pacing: allowed here only
}
