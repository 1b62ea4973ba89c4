import { vtexCookiesOnly } from 'vtex-session-react/server'

// Same-origin proxy for the browser, shared by the examples: SessionProvider's default baseUrl ''
// reaches the Session Manager through it, and the Checkout API's public calls (the cart) and
// Intelligent Search v1 with it. Only these paths, and only the shopper's VTEX cookies (session,
// segment, login, cart), go out; search gets none: v1 reads its context from the URL, and a
// request without cookies is what a CDN can share.
const FORWARDED = /^\/api\/(sessions|segments|checkout\/pub|intelligent-search\/v1)(\/|$)/
const SEARCH = /^\/api\/intelligent-search\//

/** Forwards one browser request under `/api` to `origin` (the Session Manager's), and its answer back. */
export async function forwardToVtex(request: Request, origin: string): Promise<Response> {
  const url = new URL(request.url)
  if (!FORWARDED.test(url.pathname)) return Response.json({ error: 'not found' }, { status: 404 })
  const upstream = await fetch(`${origin}${url.pathname}${url.search}`, {
    method: request.method,
    headers: {
      accept: 'application/json',
      'content-type': request.headers.get('content-type') ?? 'application/json',
      ...(SEARCH.test(url.pathname) ? {} : { cookie: vtexCookiesOnly(request.headers.get('cookie')) }),
    },
    body: request.method === 'GET' ? undefined : await request.text(),
    cache: 'no-store',
  })
  const headers = new Headers({ 'content-type': upstream.headers.get('content-type') ?? 'application/json' })
  // Search answers say how long they may be reused: pass that on, never a guess.
  const cacheControl = upstream.headers.get('cache-control')
  if (SEARCH.test(url.pathname) && cacheControl) headers.set('cache-control', cacheControl)
  for (const cookie of upstream.headers.getSetCookie()) headers.append('set-cookie', cookie)
  return new Response(await upstream.arrayBuffer(), { status: upstream.status, headers })
}
