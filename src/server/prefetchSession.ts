import type { QueryClient } from '@tanstack/react-query'
import { sessionKeys } from '../runtime/sessionKeys'
import { fetchSession, type FetchedSession, type FetchSessionOptions } from './fetchSession'

/**
 * Puts a session read on the server (by `fetchSession`, here or in a proxy) in the cache entries
 * `SessionProvider` reads, ready for `dehydrate` / `<HydrationBoundary>`.
 */
export function fillSessionCache(queryClient: QueryClient, fetched: Pick<FetchedSession, 'session' | 'segment'>): void {
  queryClient.setQueryData(sessionKeys.session, fetched.session)
  queryClient.setQueryData(sessionKeys.segment, fetched.segment)
}

/**
 * `fetchSession`, then `fillSessionCache`: the first client render has session and segment
 * and makes no request.
 */
export async function prefetchSession(queryClient: QueryClient, options: FetchSessionOptions): Promise<FetchedSession> {
  const fetched = await fetchSession(options)
  fillSessionCache(queryClient, fetched)
  return fetched
}
