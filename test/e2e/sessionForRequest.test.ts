import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { googleRegionIdOf, sessionForRequest } from '../../src/server/index'
import { startSessionManagerServer, type SessionManagerServer } from '../../src/testing/node'

// The framework-neutral server helper, driven with the Web platform's own Request objects against
// the emulator over HTTP: what a page response gets (each Set-Cookie, Cache-Control, Vary) and
// the cookie the page's own requests carry.

let emulator: SessionManagerServer
beforeAll(async () => {
  emulator = await startSessionManagerServer()
})
afterEach(() => emulator.mock.reset())
afterAll(() => emulator.close())

const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'
const AD = googleRegionIdOf({ country: 'BRA', postalCode: '22250-040' })
const lines = () => emulator.mock.requests.map(({ method, path }) => `${method} ${path}`)
const pageRequest = (path: string, cookie?: string) => new Request(`https://shop.example${path}`, { headers: cookie ? { cookie } : {} })
const cookieOf = (setCookie: string[]) => setCookie.map((header) => header.split(';')[0]).join('; ')

describe('sessionForRequest(request, options)', () => {
  it('a new shopper from a Google ad: one POST with the place; each Set-Cookie on its own, not shareable', async () => {
    const page = await sessionForRequest(pageRequest(`/p/kettle?region_id=${encodeURIComponent(AD)}`), { baseUrl: emulator.url })
    expect(lines()).toEqual(['POST /api/sessions?items=*'])
    expect(page.segment.regionId).toBe(RIO)
    expect(page.region.source).toBe('region_id')
    const setCookie = page.headers.getSetCookie()
    expect(setCookie.map((header) => header.split('=')[0])).toEqual(['vtex_session', 'vtex_segment'])
    expect(setCookie).toEqual(page.setCookie)
    expect(page.headers.get('cache-control')).toBe('private, no-store')
    expect(page.headers.get('vary')).toBe('Cookie')
    expect(page.pageCache).toMatchObject({ shareable: false, reason: 'sets-cookie' })
    // The page's own requests carry the session just created.
    expect(page.cookie).toBe(cookieOf(setCookie))
  })

  it('a returning anonymous shopper: one GET, nothing set, and still private (the page holds their session)', async () => {
    const first = await sessionForRequest(pageRequest('/'), { baseUrl: emulator.url })
    const mark = emulator.mock.requests.length
    const cookie = `theme=dark; ${cookieOf(first.setCookie)}`
    const page = await sessionForRequest(pageRequest('/', cookie), { baseUrl: emulator.url, pageCache: { maxAge: 30, staleWhileRevalidate: 120 } })
    expect(lines().slice(mark)).toEqual(['GET /api/sessions?items=*'])
    expect(page.headers.getSetCookie()).toEqual([])
    expect(page.headers.get('cache-control')).toBe('private, no-store')
    expect(page.headers.get('vary')).toBe('Cookie')
    expect(page.pageCache).toMatchObject({ shareable: false, cacheKey: undefined })
    expect(page.cookie).toBe(cookie)
  })

  it('a logged-in shopper: never shared', async () => {
    const first = await sessionForRequest(pageRequest('/'), { baseUrl: emulator.url })
    emulator.mock.logIn(first.session.id, { email: 'buyer@b2b.example', priceTables: ['b2b-gold'] })
    // The log-in moved the segment (price tables): this page sets it, and the next one sets nothing.
    const loggedIn = await sessionForRequest(pageRequest('/', cookieOf(first.setCookie)), { baseUrl: emulator.url })
    expect(loggedIn.pageCache.reason).toBe('sets-cookie')
    const page = await sessionForRequest(pageRequest('/', loggedIn.cookie ?? ''), { baseUrl: emulator.url })
    expect(page.headers.getSetCookie()).toEqual([])
    expect(page.headers.get('cache-control')).toBe('private, no-store')
    expect(page.pageCache.reason).toBe('logged-in')
  })

  it('a new segment replaces the shopper’s in the cookie the page’s requests carry', async () => {
    const first = await sessionForRequest(pageRequest('/'), { baseUrl: emulator.url })
    const page = await sessionForRequest(pageRequest(`/?region_id=${encodeURIComponent(AD)}`, cookieOf(first.setCookie)), { baseUrl: emulator.url })
    expect(page.headers.getSetCookie().map((header) => header.split('=')[0])).toEqual(['vtex_segment'])
    const sent = new Map(page.cookie?.split('; ').map((pair) => [pair.split('=')[0], pair.slice(pair.indexOf('=') + 1)]))
    expect(sent.get('vtex_segment')).toBe(page.headers.getSetCookie()[0]?.split(';')[0]?.split('=').slice(1).join('='))
    expect(sent.get('vtex_session')).toBe(cookieOf(first.setCookie).split('; ')[0]?.split('=').slice(1).join('='))
  })

  it('leaves the URL’s region_id alone with regionFromUrl: false', async () => {
    const page = await sessionForRequest(pageRequest(`/?region_id=${encodeURIComponent(AD)}`), { baseUrl: emulator.url, regionFromUrl: false })
    expect(emulator.mock.requests[0]?.body).toEqual({ public: {} })
    expect(page.segment.regionId).toBeNull()
  })
})
