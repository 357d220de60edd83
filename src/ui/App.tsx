// Layout only: each panel reads the stores itself.
//   header (time controls, presenter/theme switches) + timeline slot
//   [lessons | cluster view over narration strip, inspector beside | editor/terminal]
import { useEffect, useState } from 'react';
import { ErrorBanner } from './components/ErrorBanner';
import { GraphView } from './features/graph/GraphView';
import { Header } from './features/header/Header';
import { Inspector } from './features/inspector/Inspector';
import { LessonsPanel } from './features/lessons/LessonsPanel';
import { RightPanel } from './features/layout/RightPanel';
import { Splitter } from './features/layout/Splitter';
import { NarrationStrip } from './features/narration/NarrationStrip';
import { usePageTheme } from './features/presenter/usePageTheme';
import { ViewControls } from './features/presenter/ViewControls';
import { TimelineSlot } from './slots';
import { DEFAULT_SIZES, createViewStore, type PanelSizes } from './store/view';
import { useView, useViewStoreApi, ViewProvider } from './store/viewContext';

export function App() {
  const [view] = useState(() =>
    createViewStore({
      presenter: new URLSearchParams(window.location.search).get('presenter') === '1',
      storage: window.localStorage,
      viewportWidth: window.innerWidth,
      prefersDark: window.matchMedia?.('(prefers-color-scheme: dark)').matches,
    }),
  );
  return (
    <ViewProvider value={view}>
      <Page />
    </ViewProvider>
  );
}

function Page() {
  usePageTheme();
  const view = useViewStoreApi();
  const sizes = useView((s) => s.sizes);
  const selected = useView((s) => s.selected);
  const set = (patch: Partial<PanelSizes>) => view.setState((s) => ({ sizes: { ...s.sizes, ...patch } }));
  const { width, height } = useWindowSize();
  const presenter = useView((s) => s.presenter);
  // Presenter mode narrates in captions over the graph, so on a short screen the strip below
  // gives its height to the graph, unless it was sized by hand (dragging the splitter).
  const bottom = presenter && sizes.bottom === DEFAULT_SIZES.bottom ? Math.min(sizes.bottom, Math.max(96, Math.round(height * 0.15))) : sizes.bottom;
  const maxSide = Math.max(320, Math.round(width * 0.45));
  // On a narrow screen (a 1280×720 projector) a docked inspector would squeeze the graph until
  // pods are unreadable: it floats over the graph's right-hand side instead, and collapses to a
  // tab at the edge with one click.
  const graphWidth = width - (sizes.leftOpen ? sizes.left + 6 : 48) - sizes.right - 6 - sizes.inspector - 6;
  const overlay = graphWidth < MIN_GRAPH_WIDTH;
  const [collapsed, setCollapsed] = useState(false);
  useEffect(() => setCollapsed(false), [selected]);
  const docked = selected && !overlay;
  return (
    <div className="app">
      <div className="topbar">
        <Header />
        <ViewControls />
      </div>
      <TimelineSlot />
      <ErrorBanner />
      <main
        className="workspace"
        style={{ gridTemplateColumns: `${sizes.leftOpen ? `${sizes.left}px 6px` : 'auto 0'} minmax(0, 1fr) 6px ${sizes.right}px` }}
      >
        <LessonsPanel open={sizes.leftOpen} onToggle={() => set({ leftOpen: !sizes.leftOpen })} />
        {sizes.leftOpen ? <Splitter label="Resize lessons panel" orientation="vertical" value={sizes.left} min={180} max={520} direction={1} onChange={(left) => set({ left })} /> : <span />}
        <div className="centre" style={{ gridTemplateRows: `minmax(0, 1fr) 6px ${bottom}px` }}>
          <div className={`centre-top${selected && overlay ? ' has-overlay' : ''}`} style={{ gridTemplateColumns: docked ? `minmax(0, 1fr) 6px ${sizes.inspector}px` : 'minmax(0, 1fr)' }}>
            <GraphView />
            {docked && <Splitter label="Resize inspector" orientation="vertical" value={sizes.inspector} min={260} max={maxSide} direction={-1} onChange={(inspector) => set({ inspector })} />}
            {docked && <Inspector />}
            {selected && overlay && !collapsed && (
              <div className="inspector-overlay" style={{ width: Math.min(sizes.inspector, 380) }}>
                <Inspector onCollapse={() => setCollapsed(true)} />
              </div>
            )}
            {selected && overlay && collapsed && (
              <button type="button" className="inspector-tab btn" onClick={() => setCollapsed(false)} aria-label="Show the inspector" data-testid="inspector-expand">
                Inspector
              </button>
            )}
          </div>
          <Splitter label="Resize narration strip" orientation="horizontal" value={bottom} min={90} max={480} direction={-1} onChange={(b) => set({ bottom: b })} />
          <NarrationStrip />
        </div>
        <Splitter label="Resize editor and terminal panel" orientation="vertical" value={sizes.right} min={280} max={maxSide} direction={-1} onChange={(right) => set({ right })} />
        <RightPanel />
      </main>
    </div>
  );
}

/** Below this many pixels of graph beside a docked inspector, the inspector floats instead. */
const MIN_GRAPH_WIDTH = 640;

function useWindowSize(): { width: number; height: number } {
  const [size, setSize] = useState(() => ({ width: window.innerWidth, height: window.innerHeight }));
  useEffect(() => {
    const on = () => setSize({ width: window.innerWidth, height: window.innerHeight });
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return size;
}
