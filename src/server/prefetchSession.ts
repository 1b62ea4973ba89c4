import type { QueryClient } from '@tanstack/react-query'
import { toRequestSettings } from '../core/request'
import { sessionKeysFor } from '../runtime/sessionKeys'
import { fetchSession, type FetchedSession, type FetchSessionOptions } from './fetchSession'
import type { PersonalPage, SharedPage } from './pageForRequest'

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
  for (const keys of providerKeys(providerBaseUrls)) {
    queryClient.setQueryData(keys.session, fetched.session)
    queryClient.setQueryData(keys.segment, fetched.segment)
  }
}

/** The provider keys its cache by its client's baseUrl, so normalize the same way (no trailing slash). */
const providerKeys = (providerBaseUrls: readonly string[]) =>
  [...new Set(providerBaseUrls.map((url) => toRequestSettings({ baseUrl: url }).baseUrl))].map(sessionKeysFor)

/** What a page of `pageForRequest` hydrates from (all of it, or the part a proxy handed on). */
export type PageToFill = Pick<SharedPage, 'kind' | 'segment'> | Pick<PersonalPage, 'kind' | 'session' | 'segment'>

/**
 * Fills the cache a page of `pageForRequest` hydrates from. A personal page: the session and the
 * segment (`fillSessionCache`). A shared page: the segment it was priced with, under a key of its
 * own (`sessionKeys.page`), never as the shopper's: the browser's provider reads their session and
 * segment after hydration, and segment readers show the page's until then (as placeholder data).
 */
export function fillPageCache(queryClient: QueryClient, page: PageToFill, providerBaseUrls: readonly string[] = ['']): void {
  if (page.kind === 'personal') return fillSessionCache(queryClient, page, providerBaseUrls)
  for (const keys of providerKeys(providerBaseUrls)) queryClient.setQueryData(keys.page, page.segment)
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
