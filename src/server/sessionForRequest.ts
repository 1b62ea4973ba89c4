import { GOOGLE_REGION_PARAM } from '../core/googleRegionId'
import { withCookies } from './cookies'
import { fetchSession, type FetchedSession, type FetchSessionOptions } from './fetchSession'
import { pageCachePolicy, type PageCacheOptions, type PageCachePolicy } from './pageCachePolicy'

export interface SessionForRequestOptions extends Omit<FetchSessionOptions, 'cookie' | 'regionId'> {
  /** Apply the request URL's Google `region_id` (`?region_id=`) to a shopper without a place (default true). */
  regionFromUrl?: boolean
  /** How long a shared cache may serve a shared page (`pageForRequest`; a page with a session is never shared). */
  pageCache?: PageCacheOptions
}

export interface SessionForRequest extends FetchedSession {
  /**
   * The `Cookie` header the page's own server-side requests should carry: the shopper's, with
   * the cookies just set (a new session's, a new segment's). `null` when there is none.
   */
  cookie: string | null
  /** How a CDN may cache this page: never shared, since it holds the session (`reason` says what else makes it personal). */
  pageCache: PageCachePolicy
  /**
   * What the page's response needs, to copy onto it: each `Set-Cookie` appended on its own,
   * `Cache-Control` and `Vary` from `pageCachePolicy`.
   */
  headers: Headers
}

/**
 * Reads the shopper's session for a page of their own (`private, no-store`: see `pageForRequest`
 * for pages a CDN may share), on the Web platform's `Request` (any server:
 * Next.js, React Router, Hono, a plain Node handler through a `Request`): the shopper's cookies are
 * forwarded, a new shopper's session is created in one request (regionalized by the URL's Google
 * `region_id`), and what the page's response needs comes back as `headers`.
 */
export async function sessionForRequest(request: Request, { regionFromUrl = true, pageCache: _sharedOnly, ...options }: SessionForRequestOptions): Promise<SessionForRequest> {
  const shopperCookie = request.headers.get('cookie')
  const regionId = regionFromUrl ? new URL(request.url).searchParams.get(GOOGLE_REGION_PARAM) : null
  const fetched = await fetchSession({ ...options, cookie: shopperCookie, regionId })
  const pageCache = pageCachePolicy(fetched)
  const headers = new Headers()
  for (const header of fetched.setCookie) headers.append('Set-Cookie', header)
  for (const [name, value] of Object.entries(pageCache.headers)) headers.set(name, value)
  return { ...fetched, cookie: withCookies(shopperCookie, fetched.setCookie) || null, pageCache, headers }
}
