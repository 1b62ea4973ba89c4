import { NextResponse, type NextRequest } from 'next/server'
import { fetchSession, readCookie } from 'vtex-session-react/server'
import { sessionManagerUrl } from './lib/sessionManagerUrl'

/**
 * A first-time shopper has no session cookie, and a server component cannot set cookies:
 * create the session here, hand its cookies to the page render, and to the browser.
 */
export async function proxy(request: NextRequest) {
  const cookie = request.headers.get('cookie')
  if (readCookie(cookie, 'vtex_session') !== undefined) return NextResponse.next()
  const { setCookie } = await fetchSession({ baseUrl: sessionManagerUrl(), cookie })
  const fresh = setCookie.map((header) => header.split(';')[0]).join('; ')
  const headers = new Headers(request.headers)
  headers.set('cookie', cookie ? `${cookie}; ${fresh}` : fresh)
  const response = NextResponse.next({ request: { headers } })
  for (const header of setCookie) response.headers.append('set-cookie', header)
  return response
}

export const config = { matcher: '/' }
