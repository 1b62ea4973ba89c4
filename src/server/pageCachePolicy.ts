import { readSessionValue } from '../core/readSessionValue'
import type { Session } from '../core/types'
import type { FetchedSession } from './fetchSession'

export interface PageCacheOptions {
  /** Seconds a shared cache (CDN) may serve a shareable page (default 60). */
  maxAge?: number
  /** Seconds it may go on serving it while it revalidates (default 300). */
  staleWhileRevalidate?: number
}

export interface PageCachePolicy {
  /** Whether shoppers with the same segment may be served this same response. */
  shareable: boolean
  /** The page cache key (the segment key) when shareable; a CDN varies the cached page by it. */
  cacheKey: string | undefined
  /** Why not, when it is not shareable (for logs): no cookie value, no token. */
  reason?: 'sets-cookie' | 'logged-in' | 'impersonating' | 'private-sales-channel'
  /** Response headers to set, as they are. */
  headers: { 'Cache-Control': string; Vary: string }
}

/** Vtex identifies a shopper by these (VTEX ID login, telesales impersonation). */
const loggedIn = (session: Session) =>
  readSessionValue(session, 'profile', 'isAuthenticated') === 'true' ||
  !!readSessionValue(session, 'authentication', 'storeUserId') ||
  !!readSessionValue(session, 'authentication', 'adminUserId')
const impersonating = (session: Session) =>
  !!readSessionValue(session, 'impersonate', 'storeUserId') || !!readSessionValue(session, 'impersonate', 'storeUserEmail')

/**
 * How a CDN may cache the page rendered for this session. Shoppers with equal segments see equal
 * prices, so an anonymous shopper on a public sales channel, whose response sets no cookie, gets a
 * page that may be shared under its segment key (as VTEX varies its own page cache by
 * `vtex_segment`). Anything personal — a cookie being set, a logged-in or impersonating shopper,
 * a private sales channel — is `private, no-store`.
 */
export function pageCachePolicy(fetched: FetchedSession, options: PageCacheOptions = {}): PageCachePolicy {
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
  if (reason !== undefined) {
    return { shareable: false, cacheKey: undefined, reason, headers: { 'Cache-Control': 'private, no-store', Vary: 'Cookie' } }
  }
  const { maxAge = 60, staleWhileRevalidate = 300 } = options
  return {
    shareable: true,
    cacheKey: fetched.segmentKey,
    headers: { 'Cache-Control': `public, s-maxage=${maxAge}, stale-while-revalidate=${staleWhileRevalidate}`, Vary: 'Cookie' },
  }
}
