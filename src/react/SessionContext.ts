import type { QueryClient } from '@tanstack/react-query'
import { createContext, useContext } from 'react'
import type { SessionClient } from '../core/createSessionClient'
import type { SessionWriter } from './createSessionWriter'

export interface SessionContextValue {
  client: SessionClient
  queryClient: QueryClient
  writer: SessionWriter
}

export const SessionContext = createContext<SessionContextValue | null>(null)

/** The provider's client, cache and writer; `hookName` makes the error say who asked. */
export function useSessionContext(hookName: string): SessionContextValue {
  const value = useContext(SessionContext)
  if (value === null) {
    throw new Error(
      `${hookName} must be used within <SessionProvider>. Wrap your app (inside <QueryClientProvider>) in <SessionProvider>.`,
    )
  }
  return value
}
