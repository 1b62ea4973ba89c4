import { NextResponse, type NextRequest } from 'next/server'
import { sessionForRequest } from 'vtex-session-react/server'
import { encodeHandedSession, HANDED_SESSION } from './lib/handedSession'
import { sessionManagerUrl } from '../shared/sessionManagerUrl'

/**
 * Reads the shopper's session once per page request (a server component cannot set cookies):
 * creates it for a first-time shopper (regionalized by a Google ad's `region_id`), hands it to the page render, passes the `Set-Cookie`
 * values on unchanged, and says how a CDN may cache the page (by segment, or not at all).
 * Its `Vary: Cookie` reaches the shopper through instrumentation.ts (Next would replace it).
 */
export async function proxy(request: NextRequest) {
  // A Google regional ad lands with ?region_id=: a shopper without a place gets it in this same
  // request, so the first HTML is priced for the ad's region (one with a place keeps theirs).
  const page = await sessionForRequest(request, { baseUrl: sessionManagerUrl() })
  const headers = new Headers(request.headers)
  headers.set(HANDED_SESSION, encodeHandedSession(page))
  // The page's own requests (its prices) go out with the cookies just set.
  if (page.cookie !== null) headers.set('cookie', page.cookie)
  const response = NextResponse.next({ request: { headers } })
  // Each Set-Cookie on its own, Cache-Control and Vary.
  for (const [name, value] of page.headers) response.headers.append(name, value)
  if (page.pageCache.cacheKey !== undefined) response.headers.set('x-page-cache-key', encodeURIComponent(page.pageCache.cacheKey))
  return response
}

export const config = { matcher: '/' }
