import type { QueryClient } from '@tanstack/react-query'
import type { SessionClient } from '../core/createSessionClient'
import type { Session } from '../core/types'
import { useSessionContext } from './SessionContext'

export interface SessionSource {
  /** The client the session goes through: its `baseUrl` is where related APIs (Checkout) are called. */
  client: SessionClient
  /** The QueryClient the session is cached in (the provider's). */
  queryClient: QueryClient
  /**
   * The session as the Session Manager last confirmed it, without the writes in flight that
   * `useSession` already shows (`undefined` before the first load). It changes only with the
   * session's cache entry, so subscribe to that (`sessionKeysFor(client.baseUrl).session`).
   */
  confirmedSession: () => Session | undefined
}

/** Where the provider's session comes from and is cached, for code that works beside it (`vtex-session-react/checkout`). */
export function useSessionSource(): SessionSource {
  const { runtime, queryClient } = useSessionContext('useSessionSource')
  return { client: runtime.client, queryClient, confirmedSession: () => runtime.confirmed().session }
}
