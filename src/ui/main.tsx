// Page entry: start the engine Worker, make the store, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createWorkerClient } from './bridge/client';
import { PlaygroundProvider } from './store/context';
import { createPlaygroundStore } from './store/store';
import './styles.css';

const seed = Number(new URLSearchParams(location.search).get('seed') ?? '1') || 1;
const playground = createPlaygroundStore(createWorkerClient(), { seed });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PlaygroundProvider value={playground}>
      <App />
    </PlaygroundProvider>
  </StrictMode>,
);
