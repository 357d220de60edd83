// React access to the view store (store/view.ts): a provider per page, a hook with selectors.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { ViewState, ViewStore } from './view';

const ViewContext = createContext<ViewStore | null>(null);

export function ViewProvider({ value, children }: { value: ViewStore; children: ReactNode }) {
  return <ViewContext.Provider value={value}>{children}</ViewContext.Provider>;
}

export function useViewStoreApi(): ViewStore {
  const v = useContext(ViewContext);
  if (!v) throw new Error('useViewStoreApi must be used inside <ViewProvider>');
  return v;
}

export function useView<T>(selector: (s: ViewState) => T): T {
  return useStore(useViewStoreApi(), selector);
}
