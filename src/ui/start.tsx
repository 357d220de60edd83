// Page entry: start the engine Worker, restore the saved page (or open a share link), make the
// store, save continuously, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createWorkerClient } from './bridge/client';
import { startAutosave } from './persistence/autosave';
import { bootOptions } from './persistence/boot';
import { memoryKeyValueStore, openKeyValueStore } from './persistence/idb';
import { PlaygroundProvider } from './store/context';
import { createPlaygroundStore } from './store/store';
import './styles.css';

// Start the Worker first: it boots the default cluster while the saved page is read from
// IndexedDB and the page renders (performance marks `kp:*` are read by scripts/bench-ui.mjs).
performance.mark('kp:main');
const client = createWorkerClient();
const kv = typeof indexedDB === 'undefined' ? memoryKeyValueStore() : openKeyValueStore();
const { fromLink, ...options } = await bootOptions(kv, location.href);
if (fromLink) history.replaceState(null, '', location.pathname + location.search);
const playground = createPlaygroundStore(client, { ...options, schedule: nextFrame });
const offReady = client.subscribe((m) => {
  if (m.type !== 'ready') return;
  performance.mark('kp:ready');
  offReady();
});
const autosave = startAutosave(playground, kv);
// For tests and the console: save now (e.g. right before a reload).
(window as unknown as { __playground?: unknown }).__playground = { ...playground, autosave };

/** Call `f` once, at the next animation frame (or after 100 ms in a hidden tab, where none come). */
function nextFrame(f: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    window.clearTimeout(timer);
    f();
  };
  const timer = window.setTimeout(once, 100);
  requestAnimationFrame(once);
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PlaygroundProvider value={playground}>
      <App />
    </PlaygroundProvider>
  </StrictMode>,
);
