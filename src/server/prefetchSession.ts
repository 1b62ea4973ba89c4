import type { QueryClient } from '@tanstack/react-query'
import { toRequestSettings } from '../core/request'
import { sessionKeysFor } from '../runtime/sessionKeys'
import { fetchSession, type FetchedSession, type FetchSessionOptions } from './fetchSession'

export interface PrefetchSessionOptions extends FetchSessionOptions {
  /**
   * The `baseUrl` of the `SessionProvider` that reads this cache: only its entries are filled.
   * Default: those of `''` (the page's own origin, e.g. through a proxy: the common case) and
   * those of this `baseUrl` (a provider that talks to the Session Manager itself).
   */
  providerBaseUrl?: string
}

/**
 * Puts a session read on the server (by `fetchSession`, here or in a proxy) in the cache entries
 * that a `SessionProvider` with each of `providerBaseUrls` reads (default `['']`, the provider's
 * default), ready for `dehydrate` / `<HydrationBoundary>`.
 */
export function fillSessionCache(
  queryClient: QueryClient,
  fetched: Pick<FetchedSession, 'session' | 'segment'>,
  providerBaseUrls: readonly string[] = [''],
): void {
  // The provider keys its cache by its client's baseUrl, so normalize the same way (no trailing slash).
  for (const baseUrl of new Set(providerBaseUrls.map((url) => toRequestSettings({ baseUrl: url }).baseUrl))) {
    const keys = sessionKeysFor(baseUrl)
    queryClient.setQueryData(keys.session, fetched.session)
    queryClient.setQueryData(keys.segment, fetched.segment)
  }
}

/**
 * `fetchSession`, then `fillSessionCache` for the provider's `baseUrl` (see `providerBaseUrl`):
 * the first client render has session and segment and makes no request.
 */
export async function prefetchSession(queryClient: QueryClient, options: PrefetchSessionOptions): Promise<FetchedSession> {
  const { providerBaseUrl, ...fetchOptions } = options
  const fetched = await fetchSession(fetchOptions)
  fillSessionCache(queryClient, fetched, providerBaseUrl === undefined ? ['', options.baseUrl] : [providerBaseUrl])
  return fetched
}
