import type { QueryClient } from '@tanstack/react-query'
import { sessionKeys } from '../runtime/sessionKeys'
import { fetchSession, type FetchedSession, type FetchSessionOptions } from './fetchSession'

/**
 * Fills the cache entries `SessionProvider` reads (session and segment), ready for
 * `dehydrate` / `<HydrationBoundary>`: the first client render has them and makes no request.
 */
export async function prefetchSession(queryClient: QueryClient, options: FetchSessionOptions): Promise<FetchedSession> {
  const fetched = await fetchSession(options)
  queryClient.setQueryData(sessionKeys.session, fetched.session)
  queryClient.setQueryData(sessionKeys.segment, fetched.segment)
  return fetched
}
