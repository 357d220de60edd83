// React access to the playground: a provider per page, hooks that read with selectors.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Playground, PlaygroundState } from './store';

const PlaygroundContext = createContext<Playground | null>(null);

export function PlaygroundProvider({ value, children }: { value: Playground; children: ReactNode }) {
  return <PlaygroundContext.Provider value={value}>{children}</PlaygroundContext.Provider>;
}

/** The store and client, for actions. */
export function usePlayground(): Playground {
  const pg = useContext(PlaygroundContext);
  if (!pg) throw new Error('usePlayground must be used inside <PlaygroundProvider>');
  return pg;
}

/** Read part of the state. Selectors must return stable values (see selectors.ts). */
export function usePlaygroundStore<T>(selector: (s: PlaygroundState) => T): T {
  return useStore(usePlayground().store, selector);
}
