// The playground store: one per page (or per test), made by a factory and provided through
// React context (store/context.tsx), never a module singleton. It holds the reducer's
// ClusterState plus the UI's own state (connection, terminal history). Engine messages are
// applied by the pure reducer in bridge/reducer.ts.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CommandResult } from '../../engine';
import type { EngineMessage } from '../../engine/protocol';
import type { EngineClient } from '../bridge/client';
import { reduceMessage } from '../bridge/reducer';
import { EMPTY_STATE, type ClusterState } from '../bridge/state';

export interface TerminalEntry {
  id: number;
  line: string;
  /** Undefined while the engine is still running the command. */
  result?: CommandResult;
}

export interface PlaygroundState {
  connection: 'connecting' | 'ready' | 'error';
  error?: string;
  cluster: ClusterState;
  terminal: {
    entries: readonly TerminalEntry[];
    /** Lines entered, oldest first, for ↑/↓ recall. */
    history: readonly string[];
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
export const MAX_HISTORY = 200;

export function initialState(): PlaygroundState {
  return { connection: 'connecting', cluster: EMPTY_STATE, terminal: { entries: [], history: [] } };
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
    case 'queryResult':
      // Answers to queries go to whoever asked (EngineClient.query), not into the store.
      return s;
  }
}

export function createPlaygroundStore(client: EngineClient, opts: { seed?: number } = {}): Playground {
  const store = createStore<PlaygroundState>()(() => initialState());
  const unsubscribe = client.subscribe((msg) => store.setState((s) => reducePlayground(s, msg), true));
  client.send({ type: 'init', seed: opts.seed ?? 1 });
  return { store, client, detach: unsubscribe };
}
