import { vtexCookiesOnly } from 'vtex-session-react/server'
import { sessionManagerUrl } from '../../../lib/sessionManagerUrl'

// Same-origin proxy for the browser: SessionProvider's default baseUrl '' reaches the
// Session Manager through here, and the Checkout API's public calls (the cart) with it. Only these
// paths, and only the shopper's VTEX cookies (session, segment, login, cart), go out.
const FORWARDED = /^\/api\/(sessions|segments|demo\/prices|checkout\/pub)(\/|$)/

async function forward(request: Request): Promise<Response> {
  const url = new URL(request.url)
  if (!FORWARDED.test(url.pathname)) return Response.json({ error: 'not found' }, { status: 404 })
  const upstream = await fetch(`${sessionManagerUrl()}${url.pathname}${url.search}`, {
    method: request.method,
    headers: {
      accept: 'application/json',
      'content-type': request.headers.get('content-type') ?? 'application/json',
      cookie: vtexCookiesOnly(request.headers.get('cookie')),
    },
    body: request.method === 'GET' ? undefined : await request.text(),
    cache: 'no-store',
  })
  const headers = new Headers({ 'content-type': upstream.headers.get('content-type') ?? 'application/json' })
  for (const cookie of upstream.headers.getSetCookie()) headers.append('set-cookie', cookie)
  return new Response(await upstream.arrayBuffer(), { status: upstream.status, headers })
}

export { forward as GET, forward as PATCH, forward as POST }
