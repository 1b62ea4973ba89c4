import type { QueryClient } from '@tanstack/react-query'
import type { SessionClient } from '../core/createSessionClient'
import type { PublicFieldValues, Segment, Session } from '../core/types'
import { useSessionContext } from './SessionContext'

export interface SessionSource {
  /** The client the session goes through; related APIs (Checkout) use its `settings` (origin, fetch, headers, timeout). */
  client: SessionClient
  /** The QueryClient the session is cached in (the provider's). */
  queryClient: QueryClient
  /**
   * The session as the Session Manager last confirmed it, without the writes in flight that
   * `useSession` already shows (`undefined` before the first load). It changes only with the
   * session's cache entry, so subscribe to that (`sessionKeysFor(client.baseUrl).session`).
   */
  confirmedSession: () => Session | undefined
  /** The segment that describes the same confirmed server state (`undefined` until read). */
  confirmedSegment: () => Segment | undefined
  /** The segment a shared page was priced with (`fillPageCache` on the server), with `sharedPages` on the provider. */
  pageSegment: () => Segment | undefined
  /** Writes public fields through the provider's write queue; resolves with the confirmed session. */
  writeSession: (fields: PublicFieldValues) => Promise<Session>
}

/** Where the provider's session comes from and is cached, for code that works beside it (`vtex-session-react/checkout`). */
export function useSessionSource(): SessionSource {
  const { runtime, queryClient, pageSegment } = useSessionContext('useSessionSource')
  return {
    client: runtime.client,
    queryClient,
    confirmedSession: () => runtime.confirmed().session,
    confirmedSegment: () => runtime.confirmed().segment,
    pageSegment: () => pageSegment,
    writeSession: (fields) => runtime.write(fields),
  }
}
