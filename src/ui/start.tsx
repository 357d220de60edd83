// The page proper, loaded by main.tsx once the engine Worker is starting: restore the saved page
// (or open a share link), make the store, save continuously, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import type { EngineClient } from './bridge/client';
import { startAutosave } from './persistence/autosave';
import { bootOptions } from './persistence/boot';
import { memoryKeyValueStore, openKeyValueStore } from '../storage/idb';
import { PlaygroundProvider } from './store/context';
import { createPlaygroundStore } from './store/store';
import './styles.css';

export async function start(client: EngineClient): Promise<void> {
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

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <PlaygroundProvider value={playground}>
        <App />
      </PlaygroundProvider>
    </StrictMode>,
  );
}

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
