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

const kv = typeof indexedDB === 'undefined' ? memoryKeyValueStore() : openKeyValueStore();
const { fromLink, ...options } = await bootOptions(kv, location.href);
if (fromLink) history.replaceState(null, '', location.pathname + location.search);
const playground = createPlaygroundStore(createWorkerClient(), options);
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
