import { NextResponse, type NextRequest } from 'next/server'
import { fetchSession, GOOGLE_REGION_PARAM, pageCachePolicy } from 'vtex-session-react/server'
import { encodeHandedSession, HANDED_SESSION } from './lib/handedSession'
import { sessionManagerUrl } from './lib/sessionManagerUrl'

/**
 * Reads the shopper's session once per page request (a server component cannot set cookies):
 * creates it for a first-time shopper (regionalized by a Google ad's `region_id`), hands it to the page render, passes the `Set-Cookie`
 * values on unchanged, and says how a CDN may cache the page (by segment, or not at all).
 * Its `Vary: Cookie` reaches the shopper through instrumentation.ts (Next would replace it).
 */
export async function proxy(request: NextRequest) {
  const cookie = request.headers.get('cookie')
  // A Google regional ad lands with ?region_id=: a shopper without a place gets it in this same
  // request, so the first HTML is priced for the ad's region (one with a place keeps theirs).
  const regionId = request.nextUrl.searchParams.get(GOOGLE_REGION_PARAM)
  const fetched = await fetchSession({ baseUrl: sessionManagerUrl(), cookie, regionId })
  const headers = new Headers(request.headers)
  headers.set(HANDED_SESSION, encodeHandedSession(fetched))
  if (fetched.setCookie.length > 0) {
    // The page's own requests (its prices) go out with the cookies just set.
    const fresh = fetched.setCookie.map((header) => header.split(';')[0]).join('; ')
    headers.set('cookie', cookie ? `${cookie}; ${fresh}` : fresh)
  }
  const response = NextResponse.next({ request: { headers } })
  for (const header of fetched.setCookie) response.headers.append('set-cookie', header)
  const policy = pageCachePolicy(fetched)
  for (const [name, value] of Object.entries(policy.headers)) response.headers.set(name, value)
  if (policy.cacheKey !== undefined) response.headers.set('x-page-cache-key', encodeURIComponent(policy.cacheKey))
  return response
}

export const config = { matcher: '/' }
