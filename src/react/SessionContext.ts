import type { QueryClient } from '@tanstack/react-query'
import { createContext, useContext } from 'react'
import type { SessionClient } from '../core/createSessionClient'
import type { SessionWriter } from './createSessionWriter'
import type { segmentQueryOptions, sessionQueryOptions } from './queryOptions'

export interface SessionContextValue {
  client: SessionClient
  queryClient: QueryClient
  writer: SessionWriter
  /** Built once by the provider (its staleTime, focus policy, first load): every hook reads through them. */
  sessionOptions: ReturnType<typeof sessionQueryOptions>
  segmentOptions: ReturnType<typeof segmentQueryOptions>
}

export const SessionContext = createContext<SessionContextValue | null>(null)

/** The provider's client, cache and writer; `hookName` makes the error say who asked. */
export function useSessionContext(hookName: string): SessionContextValue {
  const value = useContext(SessionContext)
  if (value === null) {
    throw new Error(`${hookName} must be used within <SessionProvider> (inside a <QueryClientProvider>)`)
  }
  return value
}
