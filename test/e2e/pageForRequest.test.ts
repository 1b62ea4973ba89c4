import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { googleRegionIdOf, pageForRequest, type SharedPage } from '../../src/server/index'
import { startSessionManagerServer, type SessionManagerServer } from '../../src/testing/node'

// Which page a request gets, with real Request objects against the emulator over HTTP: shared
// pages read no session and set no cookie; personal ones are the shopper's alone.

let emulator: SessionManagerServer
beforeAll(async () => {
  emulator = await startSessionManagerServer()
})
afterEach(() => emulator.mock.reset())
afterAll(() => emulator.close())

const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'
const SAO_PAULO = 'v2.5A6F0E3D91B24C7E8F1A2B3C4D5E6F70'
const AD = `?region_id=${encodeURIComponent(googleRegionIdOf({ country: 'BRA', postalCode: '22250-040' }))}`
const lines = (mark = 0) => emulator.mock.requests.slice(mark).map(({ method, path }) => `${method} ${path}`)
const pageRequest = (path: string, cookie?: string) => new Request(`https://shop.example${path}`, { headers: cookie ? { cookie } : {} })

/** A shopper's cookies after writing `fields` (their session, their segment, through the emulator). */
async function shopperWith(fields: Record<string, string>): Promise<{ cookie: string; id: string }> {
  const response = await fetch(`${emulator.url}/api/sessions?items=*`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ public: Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, { value }])) }),
  })
  const { id } = (await response.json()) as { id: string }
  return { id, cookie: response.headers.getSetCookie().map((header) => header.split(';')[0]).join('; ') }
}

const shared = (page: Awaited<ReturnType<typeof pageForRequest>>): SharedPage => {
  if (page.kind !== 'shared') throw new Error(`expected a shared page, got a personal one (${page.reason})`)
  return page
}

describe('pageForRequest(request, options)', () => {
  it('a first visit: the default segment’s shared page, one GET /api/segments without cookies, nothing set', async () => {
    const page = shared(await pageForRequest(pageRequest('/'), { baseUrl: emulator.url }))
    expect(lines()).toEqual(['GET /api/segments'])
    expect(page.cacheKey).toBe('default')
    expect(page.segment).toMatchObject({ channel: '1', cultureInfo: 'pt-BR', currencyCode: 'BRL', regionId: null })
    expect(page.headers.getSetCookie()).toEqual([])
    expect(Object.fromEntries(page.headers)).toEqual({
      'cache-control': 'public, s-maxage=60, stale-while-revalidate=300',
      vary: 'Cookie',
      'x-page-cache-key': 'default',
    })
  })

  it('with the store’s defaultSegment and its own cache times: no request at all', async () => {
    const page = shared(await pageForRequest(pageRequest('/'), { baseUrl: emulator.url, defaultSegment: { channel: '1', cultureInfo: 'pt-BR' }, pageCache: { maxAge: 30, staleWhileRevalidate: 0 } }))
    expect(lines()).toEqual([])
    expect(page.segment).toMatchObject({ channel: '1', cultureInfo: 'pt-BR', currencyCode: null })
    expect(page.headers.get('cache-control')).toBe('public, s-maxage=30, stale-while-revalidate=0')
  })

  it('a returning shopper: their segment’s page from the cookie alone (no request), without their postal code or coordinates', async () => {
    const { cookie } = await shopperWith({ country: 'BRA', postalCode: '22271-010', facets: 'zip-code=22271010;country=BRA;coordinates=-43.18,-22.95' })
    const mark = emulator.mock.requests.length
    const page = shared(await pageForRequest(pageRequest('/', cookie), { baseUrl: emulator.url }))
    expect(lines(mark)).toEqual([])
    expect(page.segment).toMatchObject({ regionId: RIO, facets: 'country=BRA' })
    expect(page.segment).not.toHaveProperty('currencySymbol')
    expect(JSON.stringify(page)).not.toMatch(/22271|-43\.18/)
    expect(page.cacheKey).toContain(`regionId=${RIO}`)
  })

  it('a Google ad: a shopper without a region gets the ad’s, looked up in the Checkout API, and no session is written', async () => {
    const page = shared(await pageForRequest(pageRequest(`/${AD}`), { baseUrl: emulator.url }))
    expect(lines()).toEqual(['GET /api/segments', 'GET /api/checkout/pub/regions?country=BRA&postalCode=22250040&sc=1'])
    expect(page.segment.regionId).toBe(RIO)
    expect(page.regionFromUrl).toEqual({ country: 'BRA', postalCode: '22250040' })
    // The URL names the region: the key is the segment's, and the URL keys the rest.
    expect(page.cacheKey).toBe('default')
  })

  it('a Google ad: a shopper with a region of their own keeps it; an invalid region_id is ignored', async () => {
    const { cookie } = await shopperWith({ country: 'BRA', postalCode: '01310-100' })
    const mark = emulator.mock.requests.length
    const own = shared(await pageForRequest(pageRequest(`/${AD}`, cookie), { baseUrl: emulator.url }))
    expect(own.segment.regionId).toBe(SAO_PAULO)
    expect(own.regionFromUrl).toBeNull()
    const invalid = shared(await pageForRequest(pageRequest('/?region_id=not-base64!', cookie), { baseUrl: emulator.url }))
    expect(invalid.segment.regionId).toBe(SAO_PAULO)
    expect(lines(mark)).toEqual([])
    const otherCountry = shared(await pageForRequest(pageRequest(`/${AD}`), { baseUrl: emulator.url, countries: ['USA'] }))
    expect(otherCountry.segment.regionId).toBeNull()
  })

  it('a signed-in shopper: a personal page with their session, never stored', async () => {
    const { cookie, id } = await shopperWith({})
    emulator.mock.logIn(id, { email: 'shopper@mail.example' })
    const page = await pageForRequest(pageRequest('/', `${cookie}; VtexIdclientAutCookie_store=token`), { baseUrl: emulator.url })
    expect(page).toMatchObject({ kind: 'personal', reason: 'logged-in', session: { id } })
    expect(page.headers.get('cache-control')).toBe('private, no-store')
    expect(page.headers.get('x-page-cache-key')).toBeNull()
  })

  it('a private sales channel: a personal page', async () => {
    const { cookie, id } = await shopperWith({})
    emulator.mock.logIn(id, { email: 'buyer@b2b.example' })
    const moved = await fetch(`${emulator.url}/api/sessions?items=*`, { method: 'PATCH', headers: { cookie, 'content-type': 'application/json' }, body: '{"public":{"sc":{"value":"3"}}}' })
    const segment = moved.headers.getSetCookie().find((header) => header.startsWith('vtex_segment='))?.split(';')[0] ?? ''
    const page = await pageForRequest(pageRequest('/', `${cookie.replace(/vtex_segment=[^;]*/, segment)}`), { baseUrl: emulator.url })
    expect(page).toMatchObject({ kind: 'personal', reason: 'private-sales-channel' })
    expect(page.headers.get('cache-control')).toBe('private, no-store')
  })

  it('a cookie header that cannot be sent fails before any request, without the value in the message', async () => {
    const request = pageRequest('/', 'VtexIdclientAutCookie_store=secret-token')
    // Headers refuses CR/LF itself; a value it lets through but fetch cannot send (a NUL byte) is checked by the session read.
    const error = await pageForRequest(new Request(request, { headers: { cookie: 'VtexIdclientAutCookie_store=secret\u0001token' } }), { baseUrl: emulator.url }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ kind: 'invalid-input' })
    expect(String(error)).not.toContain('secret')
    expect(lines()).toEqual([])
  })
})
