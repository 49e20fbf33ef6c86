import { createContext, useContext } from 'react';
import type { SessionInfo } from '../api';

export const SessionContext = createContext<SessionInfo | null>(null);

/** Whether this session may control runs and start comparisons (only the instructor writes). */
export function useCanControl(): boolean {
  return useContext(SessionContext)?.role === 'instructor';
}

export function useSession(): SessionInfo | null {
  return useContext(SessionContext);
}
