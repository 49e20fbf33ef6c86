import { createContext, useContext, useSyncExternalStore } from 'react';
import type { LiveState, LiveStore } from './live-store';

export const LiveContext = createContext<LiveStore | null>(null);

export function useLiveStore(): LiveStore {
  const store = useContext(LiveContext);
  if (!store) throw new Error('useLiveStore outside LiveContext');
  return store;
}

/** The live state; re-renders on every update (at most ten a second). */
export function useLive(): LiveState {
  const store = useLiveStore();
  return useSyncExternalStore(store.subscribe, store.getState);
}
