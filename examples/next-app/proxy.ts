import { NextResponse, type NextRequest } from 'next/server'
import { pageForRequest } from 'vtex-session-react/server'
import { encodeHandedPage, HANDED_PAGE } from './lib/handedPage'
import { sessionManagerUrl } from '../shared/sessionManagerUrl'

/**
 * Decides once per page request which page it gets (a server component cannot set cookies):
 * a shared page — the same for every anonymous shopper of a segment, first visits included, and
 * cached by the CDN under its page cache key — or a personal one (signed in, a private sales
 * channel) rendered with the shopper's session, which may set cookies and is never stored.
 * Its `Vary: Cookie` reaches the shopper through instrumentation.ts (Next would replace it).
 */
export async function proxy(request: NextRequest) {
  const page = await pageForRequest(request, { baseUrl: sessionManagerUrl() })
  const headers = new Headers(request.headers)
  headers.set(HANDED_PAGE, encodeHandedPage(page))
  // A personal page's own requests go out with the cookies just set.
  if (page.kind === 'personal' && page.cookie !== null) headers.set('cookie', page.cookie)
  const response = NextResponse.next({ request: { headers } })
  // Each Set-Cookie on its own (personal pages only), Cache-Control, Vary and the page cache key.
  for (const [name, value] of page.headers) response.headers.append(name, value)
  return response
}

export const config = { matcher: '/' }
