import { readSessionValue } from '../core/readSessionValue'
import type { Session } from '../core/types'
import type { FetchedSession } from './fetchSession'

export interface PageCacheOptions {
  /** Seconds a shared cache (CDN) may serve a shared page (default 60). */
  maxAge?: number
  /** Seconds it may go on serving it while it revalidates (default 300). */
  staleWhileRevalidate?: number
}

/** The response header that names the page cache key a shared page was rendered for. */
export const PAGE_CACHE_KEY_HEADER = 'x-page-cache-key'

/**
 * The headers of a shared page (`pageForRequest`): `public, s-maxage`, the key it was rendered for,
 * and `Vary: Cookie`, so a cache that keys by nothing else never mixes segments (a CDN keyed by
 * the page cache key drops it: `examples/cdn/varnish.vcl`).
 */
export function sharedPageHeaders(cacheKey: string, { maxAge = 60, staleWhileRevalidate = 300 }: PageCacheOptions = {}): Record<string, string> {
  return {
    'Cache-Control': `public, s-maxage=${maxAge}, stale-while-revalidate=${staleWhileRevalidate}`,
    Vary: 'Cookie',
    [PAGE_CACHE_KEY_HEADER]: cacheKey,
  }
}

export interface PageCachePolicy {
  /** Always false: a page rendered with a shopper's session is theirs alone (`pageForRequest` renders the shared ones). */
  shareable: false
  /** Always `undefined` (kept for the shape of 0.2). */
  cacheKey: undefined
  /** Why this page is personal beyond holding a session (for logs): no cookie value, no token. */
  reason?: 'sets-cookie' | 'logged-in' | 'impersonating' | 'private-sales-channel'
  /** Response headers to set, as they are. */
  headers: { 'Cache-Control': 'private, no-store'; Vary: 'Cookie' }
}

/** Vtex identifies a shopper by these (VTEX ID login, telesales impersonation). */
const loggedIn = (session: Session) =>
  readSessionValue(session, 'profile', 'isAuthenticated') === 'true' ||
  !!readSessionValue(session, 'authentication', 'storeUserId') ||
  !!readSessionValue(session, 'authentication', 'adminUserId')
const impersonating = (session: Session) =>
  !!readSessionValue(session, 'impersonate', 'storeUserId') || !!readSessionValue(session, 'impersonate', 'storeUserEmail')

/**
 * How a cache may keep a page rendered with the shopper's session (`fetchSession`,
 * `sessionForRequest`): never shared. Its HTML and hydration hold the session (its id, postal
 * code, coordinates), so a shared copy would show one shopper's session to the next. `reason` says
 * what else makes it personal. Pages a CDN may share come from `pageForRequest`.
 */
export function pageCachePolicy(fetched: FetchedSession): PageCachePolicy {
  const reason =
    fetched.setCookie.length > 0
      ? 'sets-cookie'
      : loggedIn(fetched.session)
        ? 'logged-in'
        : impersonating(fetched.session)
          ? 'impersonating'
          : fetched.segment.channelPrivacy === 'private'
            ? 'private-sales-channel'
            : undefined
  return { shareable: false, cacheKey: undefined, ...(reason ? { reason } : {}), headers: { 'Cache-Control': 'private, no-store', Vary: 'Cookie' } }
}
