// The view's own state (what the reader is looking at, not what the cluster is): lens, namespace
// filter, selection, presenter mode, theme, panel sizes, the action waiting for input. One store
// per page, made by a factory and provided through context (store/viewContext.tsx), like the
// playground store. Theme and panel sizes are remembered in localStorage when one is given.
import { createStore, type StoreApi } from 'zustand/vanilla';

export type Lens = 'placement' | 'ownership' | 'traffic';
export type Theme = 'light' | 'dark';
export type InspectorTab = 'yaml' | 'describe' | 'events' | 'scheduling';
export type BottomTab = 'narration' | 'events';
export type RightTab = 'terminal' | 'editor';

export interface PanelSizes {
  /** Lessons panel width (px) and whether it is open. */
  left: number;
  leftOpen: boolean;
  /** Editor/terminal panel width (px). */
  right: number;
  /** Narration strip height (px). */
  bottom: number;
  /** Inspector width (px). */
  inspector: number;
}

export interface PendingInput {
  actionId: string;
  target: string;
}

export interface ViewState {
  lens: Lens;
  /** Namespace filter per lens ('' = all namespaces): Placement shows everything (system pods
   *  live on the nodes too); Ownership and Traffic start on 'default', where students work. */
  namespaces: Record<Lens, string>;
  selected: string | null;
  presenter: boolean;
  theme: Theme;
  rightTab: RightTab;
  bottomTab: BottomTab;
  inspectorTab: InspectorTab;
  inspectorOpen: boolean;
  /** Narration filter: a component family ('' = all) and "only the selected object". */
  narrationFamily: string;
  narrationSelectedOnly: boolean;
  sizes: PanelSizes;
  /** An action that asked for a value (an image, a command, a rate). */
  pending: PendingInput | null;
  /** The last command a graph action ran, shown under the action bar so students see it. */
  lastRun: { line: string; entryId?: number } | null;
  /** Bumped to ask the graph to fit everything in view. */
  fitRequest: number;
}

export type ViewStore = StoreApi<ViewState>;

export const DEFAULT_SIZES: PanelSizes = { left: 260, leftOpen: false, right: 440, bottom: 190, inspector: 400 };

const THEME_KEY = 'kube-playground.theme';
const SIZES_KEY = 'kube-playground.panels';

export interface ViewOptions {
  presenter?: boolean;
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** Window width: default panel widths scale with it (a 1280 px projector vs a 1920 px monitor). */
  viewportWidth?: number;
  /** Prefer dark when nothing is remembered. */
  prefersDark?: boolean;
}

export function createViewStore(opts: ViewOptions = {}): ViewStore {
  const remembered = safeGet(opts.storage, THEME_KEY);
  const theme: Theme = remembered === 'dark' || remembered === 'light' ? remembered : opts.prefersDark ? 'dark' : 'light';
  const w = opts.viewportWidth ?? 1600;
  let sizes: PanelSizes = { ...DEFAULT_SIZES, right: Math.round(Math.min(440, Math.max(320, w * 0.27))), inspector: Math.round(Math.min(400, Math.max(300, w * 0.25))) };
  try {
    const s = JSON.parse(safeGet(opts.storage, SIZES_KEY) ?? 'null');
    if (s && typeof s === 'object') sizes = { ...sizes, ...pickNumbers(s) };
  } catch {
    /* a corrupt entry: use the defaults */
  }
  const store = createStore<ViewState>()(() => ({
    lens: 'placement',
    namespaces: { placement: '', ownership: 'default', traffic: 'default' },
    selected: null,
    presenter: !!opts.presenter,
    theme,
    rightTab: 'terminal',
    bottomTab: 'narration',
    inspectorTab: 'yaml',
    inspectorOpen: true,
    narrationFamily: '',
    narrationSelectedOnly: false,
    sizes,
    pending: null,
    lastRun: null,
    fitRequest: 0,
  }));
  store.subscribe((s, prev) => {
    if (s.theme !== prev.theme) safeSet(opts.storage, THEME_KEY, s.theme);
    if (s.sizes !== prev.sizes) safeSet(opts.storage, SIZES_KEY, JSON.stringify(s.sizes));
  });
  return store;
}

function pickNumbers(o: Record<string, unknown>): Partial<PanelSizes> {
  const out: Partial<PanelSizes> = {};
  for (const k of ['left', 'right', 'bottom', 'inspector'] as const) if (typeof o[k] === 'number' && Number.isFinite(o[k])) out[k] = o[k] as number;
  if (typeof o.leftOpen === 'boolean') out.leftOpen = o.leftOpen;
  return out;
}

function safeGet(s: ViewOptions['storage'], k: string): string | null {
  try {
    return s?.getItem(k) ?? null;
  } catch {
    return null;
  }
}

function safeSet(s: ViewOptions['storage'], k: string, v: string): void {
  try {
    s?.setItem(k, v);
  } catch {
    /* private mode: not remembered */
  }
}
