import type { QueryClient } from '@tanstack/react-query'
import type { SessionClient } from '../core/createSessionClient'
import { useSessionContext } from './SessionContext'

export interface SessionSource {
  /** The client the session goes through: its `baseUrl` is where related APIs (Checkout) are called. */
  client: SessionClient
  /** The QueryClient the session is cached in (the provider's). */
  queryClient: QueryClient
}

/** Where the provider's session comes from and where it is cached, for code that works beside it. */
export function useSessionSource(): SessionSource {
  const { runtime, queryClient } = useSessionContext('useSessionSource')
  return { client: runtime.client, queryClient }
}
