import { createServer as createHttpServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createServer as createViteServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { vtexProxy } from '../../stories/support/vtexProxy'

let upstream: Server
let vite: ViteDevServer
let viteOrigin = ''
let upstreamHost = ''
const seen: Array<{ method?: string; url?: string; headers: IncomingHttpHeaders }> = []

/** A fake VTEX store on 127.0.0.1 that sets cookies the way the real one does (domain, Secure). */
function startUpstream(): Promise<string> {
  upstream = createHttpServer((request, response) => {
    seen.push({ method: request.method, url: request.url, headers: request.headers })
    response.setHeader('set-cookie', [
      'vtex_session=upstream-token; Domain=.mystore.vtexcommercestable.com.br; Path=/; Secure; SameSite=Lax',
      'vtex_segment=upstream-segment; Domain=.mystore.vtexcommercestable.com.br; Path=/; Secure; HttpOnly',
    ])
    response.setHeader('content-type', 'application/json')
    response.end(JSON.stringify({ id: 'upstream', namespaces: {} }))
  })
  return new Promise((resolve) =>
    upstream.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`)),
  )
}

beforeAll(async () => {
  const target = await startUpstream()
  upstreamHost = new URL(target).host
  vite = await createViteServer({
    configFile: false,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, proxy: vtexProxy(target), hmr: false, ws: false },
  })
  await vite.listen()
  viteOrigin = `http://127.0.0.1:${(vite.httpServer?.address() as AddressInfo).port}`
})

afterAll(async () => {
  await vite?.close()
  upstream?.close()
})

describe('VTEX_ACCOUNT proxy', () => {
  it('forwards the Session Manager paths with the shopper cookies and method, body and query intact', async () => {
    const response = await fetch(`${viteOrigin}/api/sessions?items=*`, {
      method: 'PATCH',
      headers: { cookie: 'vtex_session=shopper-token; vtex_segment=shopper-segment', 'content-type': 'application/json' },
      body: JSON.stringify({ public: { country: { value: 'BRA' } } }),
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ id: 'upstream', namespaces: {} })
    expect(seen.at(-1)).toMatchObject({
      method: 'PATCH',
      url: '/api/sessions?items=*',
      headers: { cookie: 'vtex_session=shopper-token; vtex_segment=shopper-segment' },
    })
  })

  it("forwards the cart's public Checkout calls with the cart cookies", async () => {
    await fetch(`${viteOrigin}/api/checkout/pub/orderForm`, { headers: { cookie: 'checkout.vtex.com=__ofid=abc; CheckoutOrderFormOwnership=o' } })
    expect(seen.at(-1)).toMatchObject({ method: 'GET', url: '/api/checkout/pub/orderForm', headers: { cookie: 'checkout.vtex.com=__ofid=abc; CheckoutOrderFormOwnership=o' } })
  })

  it('rewrites Set-Cookie so the browser keeps it on the demo origin: no store domain, no Secure', async () => {
    const response = await fetch(`${viteOrigin}/api/segments`)
    expect(response.headers.getSetCookie()).toEqual([
      'vtex_session=upstream-token; Path=/; SameSite=Lax',
      'vtex_segment=upstream-segment; Path=/; HttpOnly',
    ])
    expect(seen.at(-1)?.url).toBe('/api/segments')
  })

  it('sends the Host of the store, not of the demo server', async () => {
    await fetch(`${viteOrigin}/api/sessions?items=*`)
    expect(seen.at(-1)?.headers.host).toBe(upstreamHost)
    expect(upstreamHost).not.toBe(new URL(viteOrigin).host)
  })
})
