// Page entry, deliberately tiny: start the engine Worker before anything else, so it loads and
// restores the booted cluster on its own thread while this one loads React and the page
// (start.tsx). Performance marks `kp:*` are read by scripts/bench-ui.mjs.
import { createWorkerClient } from './bridge/client';

performance.mark('kp:main');
const client = createWorkerClient();
const { start } = await import('./start');
await start(client);
