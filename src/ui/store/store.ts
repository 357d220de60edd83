// The playground store: one per page (or per test), made by a factory and provided through
// React context (store/context.tsx), never a module singleton. It holds the reducer's
// ClusterState plus the UI's own state (connection, terminal history). Engine messages are
// applied by the pure reducer in bridge/reducer.ts.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CommandResult } from '../../engine';
import type { EngineMessage, Session, Timeline } from '../../engine/protocol';
import type { EngineClient } from '../bridge/client';
import { reduceMessage } from '../bridge/reducer';
import { EMPTY_STATE, type ClusterState } from '../bridge/state';

export interface TerminalEntry {
  id: number;
  line: string;
  /** Standard input sent with the line (a heredoc, the editor's buffer). */
  stdin?: string;
  /** Set for lines replayed from the history after scrubbing back (not typed now). */
  replayed?: boolean;
  /** Undefined while the engine is still running the command. */
  result?: CommandResult;
  /** A `kubectl get -w` still streaming rows (appended to result.stdout) until Ctrl-C. */
  watching?: boolean;
}

/** One YAML buffer of the editor (several documents may sit in one buffer, split by ---). */
export interface EditorBuffer {
  id: string;
  name: string;
  text: string;
  /** Set for a buffer opened by `kubectl edit`: saving it sends the text back to that line. */
  edit?: { line: string; title: string };
}

export interface PlaygroundState {
  connection: 'connecting' | 'ready' | 'error';
  error?: string;
  cluster: ClusterState;
  /** The Worker's history (command log, checkpoints, span) for the time scrubber. */
  timeline?: Timeline;
  terminal: {
    entries: readonly TerminalEntry[];
    /** Lines entered, oldest first, for ↑/↓ recall. */
    history: readonly string[];
  };
  /** The YAML editor's buffers: UI state, saved with the page so a reload loses nothing. */
  editor: {
    buffers: readonly EditorBuffer[];
    active: string;
  };
}

export type PlaygroundStore = StoreApi<PlaygroundState>;

/** The store and the engine client it listens to: what actions need. */
export interface Playground {
  store: PlaygroundStore;
  client: EngineClient;
  /** Unsubscribes from the client (the caller owns the client and disposes it). */
  detach(): void;
}

export const MAX_TERMINAL_ENTRIES = 100;

const STARTER_MANIFEST = `# Edit, then Apply (Ctrl+Enter). Several documents can share a buffer: separate them with ---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: hello
spec:
  replicas: 2
  selector:
    matchLabels:
      app: hello
  template:
    metadata:
      labels:
        app: hello
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - containerPort: 80
`;
export const MAX_HISTORY = 200;

export function initialState(): PlaygroundState {
  return {
    connection: 'connecting',
    cluster: EMPTY_STATE,
    terminal: { entries: [], history: [] },
    editor: { buffers: [{ id: 'b1', name: 'manifest.yaml', text: STARTER_MANIFEST }], active: 'b1' },
  };
}

/** Pure: the store's next state for one engine message. */
export function reducePlayground(s: PlaygroundState, msg: EngineMessage): PlaygroundState {
  switch (msg.type) {
    case 'ready':
      return { ...s, connection: 'ready', error: undefined, cluster: reduceMessage(s.cluster, msg) };
    case 'batch':
    case 'clock': {
      const cluster = reduceMessage(s.cluster, msg);
      return cluster === s.cluster ? s : { ...s, cluster };
    }
    case 'result': {
      const entries = s.terminal.entries.map((e) => (e.id === msg.id ? { ...e, result: msg.result } : e));
      return { ...s, terminal: { ...s.terminal, entries } };
    }
    case 'error':
      return { ...s, connection: s.connection === 'ready' ? 'ready' : 'error', error: msg.message };
    case 'timeline':
      return { ...s, timeline: msg.timeline };
    case 'replayed': {
      // Replayed lines get negative ids (typed lines count up from 1), unique within the list.
      const id = Math.min(0, ...s.terminal.entries.map((e) => e.id)) - 1;
      const entry: TerminalEntry = { id, line: msg.command.line, replayed: true, result: msg.result };
      return { ...s, terminal: { ...s.terminal, entries: [...s.terminal.entries, entry].slice(-MAX_TERMINAL_ENTRIES) } };
    }
    case 'watchRows': {
      const entries = s.terminal.entries.map((e) => {
        if (e.id !== msg.id) return e;
        const r = e.result ?? { stdout: '', stderr: '', exitCode: 0 };
        const stdout = msg.rows.length ? r.stdout + msg.rows.map((l) => l + '\n').join('') : r.stdout;
        return { ...e, result: { ...r, stdout }, watching: !msg.ended };
      });
      return { ...s, terminal: { ...s.terminal, entries } };
    }
    case 'queryResult':
      // Answers to queries go to whoever asked (EngineClient.query), not into the store.
      return s;
  }
}

export interface PlaygroundOptions {
  seed?: number;
  /** A saved page, an imported file or a share link's scenario: the Worker restores it. */
  session?: Session;
  /** Ask the Worker to restore the session it saved in the browser (boots `seed` if none). */
  restoreSaved?: boolean;
  /** UI state restored with the page (editor buffers, terminal history). */
  restore?: Partial<Pick<PlaygroundState, 'editor'>> & { history?: readonly string[] };
  /**
   * Coalesce engine messages: instead of one store update per message, queue them and apply
   * them all when `schedule` calls back (the page passes "next animation frame"). At speed 60
   * the Worker sends a batch every 50 ms tick plus command results; React renders once per
   * frame however many arrived. Without it (tests) every message is applied at once.
   */
  schedule?: (flush: () => void) => void;
}

export function createPlaygroundStore(client: EngineClient, opts: PlaygroundOptions = {}): Playground {
  const init = initialState();
  const store = createStore<PlaygroundState>()(() => ({
    ...init,
    ...(opts.restore?.editor ? { editor: opts.restore.editor } : {}),
    terminal: { ...init.terminal, history: opts.restore?.history ?? [] },
  }));
  let queue: EngineMessage[] = [];
  const flush = () => {
    const msgs = queue;
    queue = [];
    if (msgs.length) store.setState((s) => msgs.reduce(reducePlayground, s), true);
  };
  const schedule = opts.schedule;
  const unsubscribe = client.subscribe((msg) => {
    if (!schedule) return store.setState((s) => reducePlayground(s, msg), true);
    queue.push(msg);
    if (queue.length === 1) schedule(flush);
  });
  client.send({ type: 'init', seed: opts.seed ?? 1, ...(opts.session ? { session: opts.session } : opts.restoreSaved ? { restoreSaved: true } : {}) });
  return { store, client, detach: unsubscribe };
}
