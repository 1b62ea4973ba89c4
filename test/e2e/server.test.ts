import { dehydrate, QueryClient } from '@tanstack/react-query'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createSessionClient, fetchSession, pageCachePolicy, prefetchSession, sessionKeys, SessionError } from '../../src/server/index'
import { decodeSessionTokenUnverified, sessionKeysFor } from '../../src/index'
import { googleRegionIdOf } from '../../src/core/googleRegionId'
import { encodeSessionToken } from '../../src/testing/encodeTokens'
import { startSessionManagerServer, type SessionManagerServer } from '../../src/testing/node'
import { startDocFaithfulSessionManager, type DocFaithfulSessionManager } from './docFaithfulSessionManager'

let emulator: SessionManagerServer
const lines = () => emulator.mock.requests.map(({ method, path }) => `${method} ${path}`)
const cookieHeaderOf = (setCookie: string[]) => setCookie.map((header) => header.split(';')[0]).join('; ')

beforeAll(async () => {
  emulator = await startSessionManagerServer()
})
afterEach(() => emulator.mock.reset())
afterAll(() => emulator.close())

async function errorOf(promise: Promise<unknown>): Promise<SessionError> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason)
  expect(error).toBeInstanceOf(SessionError)
  return error as SessionError
}

describe("fetchSession with Google's region_id", () => {
  const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'
  const RIO_AD = googleRegionIdOf({ country: 'BRA', postalCode: '22250-040' })
  const requests = () => emulator.mock.requests.map(({ method, path, body }) => ({ line: `${method} ${path}`, body }))

  it('regionalizes a new shopper in the one POST ?items=* that creates the session', async () => {
    const fetched = await fetchSession({ baseUrl: emulator.url, cookie: null, regionId: RIO_AD })
    expect(requests()).toEqual([{ line: 'POST /api/sessions?items=*', body: { public: { country: { value: 'BRA' }, postalCode: { value: '22250040' } } } }])
    expect(fetched.segment.regionId).toBe(RIO)
    expect(fetched.session.namespaces.public?.postalCode?.value).toBe('22250040')
    expect(fetched.region).toEqual({ source: 'region_id', ignored: [] })
  })

  it('reads a returning shopper without a place, then writes the region_id with PATCH ?items=*', async () => {
    const created = await fetchSession({ baseUrl: emulator.url })
    const mark = emulator.mock.requests.length
    const fetched = await fetchSession({ baseUrl: emulator.url, cookie: cookieHeaderOf(created.setCookie), regionId: RIO_AD })
    expect(requests().slice(mark).map(({ line }) => line)).toEqual(['GET /api/sessions?items=*', 'PATCH /api/sessions?items=*'])
    expect(fetched.session.id).toBe(created.session.id)
    expect(fetched.segment.regionId).toBe(RIO)
    expect(fetched.setCookie.map((header) => header.split('=')[0])).toEqual(['vtex_segment'])
  })

  it('leaves a returning shopper with a place of their own untouched: one GET, no write', async () => {
    const created = await fetchSession({ baseUrl: emulator.url, regionId: googleRegionIdOf({ country: 'BRA', postalCode: '01310-100' }) })
    const mark = emulator.mock.requests.length
    const fetched = await fetchSession({ baseUrl: emulator.url, cookie: cookieHeaderOf(created.setCookie), regionId: RIO_AD })
    expect(requests().slice(mark).map(({ line }) => line)).toEqual(['GET /api/sessions?items=*'])
    expect(fetched.session.namespaces.public?.postalCode?.value).toBe('01310100')
    expect(fetched.region).toEqual({ source: 'session', ignored: [] })
  })

  it('reads the place fields too when items leaves them out, so a shopper with a place is never overwritten', async () => {
    const created = await fetchSession({ baseUrl: emulator.url, regionId: googleRegionIdOf({ country: 'BRA', postalCode: '01310-100' }) })
    const mark = emulator.mock.requests.length
    const fetched = await fetchSession({ baseUrl: emulator.url, cookie: cookieHeaderOf(created.setCookie), regionId: RIO_AD, items: ['profile.email'] })
    expect(requests().slice(mark).map(({ line }) => line)).toEqual(['GET /api/sessions?items=profile.email,public.country,public.postalCode,public.geoCoordinates'])
    expect(fetched.region.source).toBe('session')
  })

  it('on a store with several sales channels, sends the page’s channel as ?sc= with the write, and the region is resolved in it', async () => {
    const fetched = await fetchSession({ baseUrl: emulator.url, cookie: null, regionId: RIO_AD, salesChannel: '2' })
    expect(requests()).toEqual([{ line: 'POST /api/sessions?items=*&sc=2', body: { public: { country: { value: 'BRA' }, postalCode: { value: '22250040' } } } }])
    expect(fetched.segment).toMatchObject({ channel: '2', regionId: expect.stringMatching(/^v2\./) })
    expect(fetched.session.namespaces.public?.sc?.value).toBe('2')
    // A returning shopper: the read goes without it, the region write with it.
    const mark = emulator.mock.requests.length
    const created = await fetchSession({ baseUrl: emulator.url })
    await fetchSession({ baseUrl: emulator.url, cookie: cookieHeaderOf(created.setCookie), regionId: RIO_AD, salesChannel: '2' })
    expect(requests().slice(mark + 1).map(({ line }) => line)).toEqual(['GET /api/sessions?items=*', 'PATCH /api/sessions?items=*&sc=2'])
  })

  it('refuses a sales channel that is not an id before any request', async () => {
    const error = await errorOf(fetchSession({ baseUrl: emulator.url, regionId: RIO_AD, salesChannel: '2&an=other' }))
    expect(error.kind).toBe('invalid-input')
    expect(requests()).toEqual([])
  })

  it.each([
    ['not Base64', '%%%', 'not-base64'],
    // A region id typed into Merchant Center by hand (VTEX known issue "regionId outside the Base64 format…").
    ['a Merchant Center id', '007979', 'not-vtex-format'],
    ['another prefix', btoa('shop:BRA:22250040'), 'not-vtex-format'],
    ['a postal code its country rejects', btoa('vtex:BRA:123'), 'invalid-postal-code'],
  ])('ignores an invalid region_id (%s): the session is created with nothing from it', async (_case, regionId, reason) => {
    const fetched = await fetchSession({ baseUrl: emulator.url, regionId })
    expect(requests()).toEqual([{ line: 'POST /api/sessions?items=*', body: { public: {} } }])
    expect(fetched.segment.regionId).toBeNull()
    expect(fetched.region).toEqual({ source: null, ignored: [{ source: 'region_id', reason }] })
  })
})

describe('fetchSession', () => {
  it('creates a session with one POST for a new shopper and returns the cookies to pass on', async () => {
    const fetched = await fetchSession({ baseUrl: emulator.url, cookie: null })
    expect(fetched.session.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(fetched.segment).toMatchObject({ channel: '1', regionId: null })
    expect(fetched.setCookie.map((header) => header.split('=')[0])).toEqual(['vtex_session', 'vtex_segment'])
    expect(lines()).toEqual(['POST /api/sessions?items=*'])
  })

  it("reads a returning shopper's session with one GET, the segment from their vtex_segment cookie", async () => {
    const created = await fetchSession({ baseUrl: emulator.url })
    const returning = await fetchSession({ baseUrl: emulator.url, cookie: cookieHeaderOf(created.setCookie) })
    expect(returning.session.id).toBe(created.session.id)
    expect(returning.segmentKey).toBe(created.segmentKey)
    expect(lines()).toEqual(['POST /api/sessions?items=*', 'GET /api/sessions?items=*'])
  })

  it('gives shoppers with equal segments the same segmentKey, and a new one when the region changes', async () => {
    const alice = await fetchSession({ baseUrl: emulator.url })
    const bob = await fetchSession({ baseUrl: emulator.url })
    expect(alice.session.id).not.toBe(bob.session.id)
    expect(alice.segmentKey).toBe(bob.segmentKey)
    await fetch(`${emulator.url}/api/sessions`, {
      method: 'PATCH',
      headers: { cookie: cookieHeaderOf(bob.setCookie), 'content-type': 'application/json' },
      body: JSON.stringify({ public: { country: { value: 'BRA' }, postalCode: { value: '22250-040' } } }),
    }).then((response) => response.arrayBuffer())
    const bobInRio = await fetchSession({ baseUrl: emulator.url, cookie: cookieHeaderOf(bob.setCookie) })
    expect(bobInRio.session.namespaces.checkout?.regionId?.value).toBe('v2.1BB18CE648B5111D0933734ED83EC783')
    expect(bobInRio.segment.regionId).toBe('v2.1BB18CE648B5111D0933734ED83EC783')
    expect(bobInRio.segmentKey).not.toBe(alice.segmentKey)
  })

  it("forwards only the shopper's VTEX cookies, never the app's own", async () => {
    const spy = vi.fn<typeof fetch>((input, init) => fetch(input, init))
    await fetchSession({
      baseUrl: emulator.url,
      cookie: 'app_auth=secret; vtex_session=stale; VtexIdclientAutCookie_store=login; _ga=1',
      fetch: spy,
    })
    const headers = spy.mock.calls[0]?.[1]?.headers as Record<string, string>
    expect(headers.cookie).toBe('vtex_session=stale; VtexIdclientAutCookie_store=login')
  })

  it('starts a new session when the cookie is stale, and returns its cookies', async () => {
    const fetched = await fetchSession({ baseUrl: emulator.url, cookie: 'vtex_session=not-ours' })
    expect(lines()).toEqual(['GET /api/sessions?items=*'])
    expect(fetched.setCookie[0]).toMatch(/^vtex_session=ey/)
    expect(fetched.segment.channel).toBe('1')
  })

  it('rejects a relative baseUrl before any request, with kind invalid-input', async () => {
    const error = await errorOf(fetchSession({ baseUrl: '/api' }))
    expect(error.kind).toBe('invalid-input')
    expect(lines()).toEqual([])
  })

  it('fails with typed errors: http status, invalid response, network', async () => {
    emulator.mock.fail({ kind: 'http', status: 503 })
    expect(await errorOf(fetchSession({ baseUrl: emulator.url }))).toMatchObject({ kind: 'http', status: 503 })
    emulator.mock.fail({ kind: 'schema' })
    expect((await errorOf(fetchSession({ baseUrl: emulator.url }))).kind).toBe('invalid-response')
    emulator.mock.fail({ kind: 'network' })
    expect((await errorOf(fetchSession({ baseUrl: emulator.url }))).kind).toBe('network')
  })
})

describe('fetchSession with untrusted shopper cookies', () => {
  it('with two vtex_session cookies (host-only and .domain) reads and writes the one the browser sends first, never the other', async () => {
    const placed = await fetchSession({ baseUrl: emulator.url, regionId: googleRegionIdOf({ country: 'BRA', postalCode: '01310-100' }) })
    const other = await fetchSession({ baseUrl: emulator.url })
    const cookie = `${cookieHeaderOf(placed.setCookie)}; ${cookieHeaderOf(other.setCookie)}`
    const mark = emulator.mock.requests.length
    const page = await fetchSession({ baseUrl: emulator.url, cookie, regionId: googleRegionIdOf({ country: 'BRA', postalCode: '22250-040' }) })
    // The first session has a place of its own: it is kept, nothing is written to either session.
    expect(page.session.id).toBe(placed.session.id)
    expect(page.region.source).toBe('session')
    expect(emulator.mock.requests.slice(mark).map(({ method }) => method)).toEqual(['GET'])
  })

  /** A Session Manager that sets no cookie on a read: the shopper's segment cookie is all there is. */
  const noCookiesOnReads: typeof fetch = async (input, init) => {
    const response = await fetch(input, init)
    if (init?.method !== 'GET') return response
    return new Response(await response.arrayBuffer(), { status: response.status, headers: { 'content-type': 'application/json' } })
  }

  it.each([
    ['corrupt', 'not%base64'],
    ['percent-encoded', 'eyJjaGFubmVsIjoiMSJ9%3D%3D'],
    ['base64 of something else', Buffer.from('[1,2]').toString('base64')],
  ])('ignores a %s vtex_segment cookie and reads the segment from the Session Manager', async (_case, badSegment) => {
    const created = await fetchSession({ baseUrl: emulator.url })
    const mark = lines().length
    const sessionCookie = created.setCookie[0]?.split(';')[0] ?? ''
    const cookie = `${sessionCookie}; vtex_segment=${badSegment}`
    const fetched = await fetchSession({ baseUrl: emulator.url, cookie, fetch: noCookiesOnReads })
    expect(fetched.session.id).toBe(created.session.id)
    expect(fetched.segment).toEqual(created.segment)
    expect(lines().slice(mark)).toEqual(['GET /api/sessions?items=*', 'GET /api/segments'])
    // Where the read sets the segment cookie anew (as this emulator does), that one is used: no extra request.
    const refreshed = await fetchSession({ baseUrl: emulator.url, cookie })
    expect(refreshed.segment).toEqual(created.segment)
    expect(lines().slice(mark + 2)).toEqual(['GET /api/sessions?items=*'])
  })

  it.each([
    ['a cookie with CR/LF', { cookie: 'vtex_session=SECRET-TOKEN\r\nX-Injected: 1' }],
    ['a header with a newline', { headers: { 'x-forwarded-for': '1.2.3.4\nSECRET-TOKEN' } }],
  ])('refuses %s with kind invalid-input before any request, never quoting it', async (_case, options) => {
    const error = await errorOf(fetchSession({ baseUrl: emulator.url, ...options }))
    expect(error.kind).toBe('invalid-input')
    expect(error.message).not.toContain('SECRET-TOKEN')
    expect(lines()).toEqual([])
  })

  it('never puts a session token or cookie value in an error message or on the console', async () => {
    const created = await fetchSession({ baseUrl: emulator.url })
    const cookie = cookieHeaderOf(created.setCookie)
    const secrets = created.setCookie.map((header) => header.split(';')[0]?.split('=').slice(1).join('=') ?? '')
    const logged: string[] = []
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')))
    }
    const messages: string[] = []
    const collect = (promise: Promise<unknown>) => promise.then(() => messages.push('(resolved)'), (error: Error) => messages.push(`${error.message} ${String(error.cause ?? '')}`))
    emulator.mock.fail({ kind: 'http', status: 503 })
    await collect(fetchSession({ baseUrl: emulator.url, cookie }))
    emulator.mock.fail({ kind: 'schema' })
    await collect(fetchSession({ baseUrl: emulator.url, cookie }))
    emulator.mock.fail({ kind: 'invalid-json' })
    await collect(fetchSession({ baseUrl: emulator.url, cookie }))
    emulator.mock.fail({ kind: 'network' })
    await collect(fetchSession({ baseUrl: emulator.url, cookie }))
    emulator.mock.setLatency(200)
    await collect(fetchSession({ baseUrl: emulator.url, cookie, timeoutMs: 20 }))
    emulator.mock.setLatency(0)
    // The segment named in the path: its token must not reach the message either.
    emulator.mock.fail({ kind: 'http', status: 500 }, { path: '/api/segments' })
    await collect(createSessionClient({ baseUrl: emulator.url }).getSegment({ segmentToken: secrets[1] ?? '' }))
    await collect(fetchSession({ baseUrl: emulator.url, cookie: `${cookie}\r\n` }))
    expect(messages).toHaveLength(7)
    expect(messages.filter((message) => message === '(resolved)')).toEqual([])
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(20)
      for (const text of [...messages, ...logged]) expect(text).not.toContain(secret)
    }
  })
})

describe('fetchSession cookies to pass on', () => {
  /** A fetch to the emulator whose answers carry each `Set-Cookie` header as `rewrite` makes it. */
  const rewritingSetCookie =
    (rewrite: (header: string) => string): typeof fetch =>
    async (input, init) => {
      const response = await fetch(input, init)
      const headers = new Headers(response.headers)
      headers.delete('set-cookie')
      for (const header of response.headers.getSetCookie()) headers.append('set-cookie', rewrite(header))
      return new Response(await response.arrayBuffer(), { status: response.status, headers })
    }
  /** The real Session Manager names its own host in Domain=: a fetch that answers like it. */
  const withVtexDomain = rewritingSetCookie((header) => `${header}; Domain=mystore.vtexcommercestable.com.br; Secure`)

  it("drops the Session Manager's Domain by default and keeps every other attribute", async () => {
    const { setCookie } = await fetchSession({ baseUrl: emulator.url, fetch: withVtexDomain })
    expect(setCookie).toHaveLength(2)
    for (const header of setCookie) {
      expect(header).not.toMatch(/domain=/i)
      expect(header).toMatch(/; Path=\/; SameSite=Lax.*; Secure$/)
    }
    expect(setCookie[1]).toContain('HttpOnly')
  })

  it('leaves out a token re-issued for the same session and segment, and passes on a changed one', async () => {
    const created = await fetchSession({ baseUrl: emulator.url })
    const [sessionCookie = '', segmentCookie = ''] = created.setCookie.map((header) => header.split(';')[0] ?? '')
    const token = sessionCookie.slice('vtex_session='.length)
    const claims = decodeSessionTokenUnverified(token)
    // The same session, as a token issued a minute earlier (what the shopper's browser holds).
    const older = encodeSessionToken(String(claims.id), String(claims['account.id']), Date.now() - 60_000)
    expect(older).not.toBe(token)
    const returning = await fetchSession({ baseUrl: emulator.url, cookie: `vtex_session=${older}; ${segmentCookie}` })
    expect(returning.session.id).toBe(created.session.id)
    expect(returning.setCookie).toEqual([])
    // A segment that moved is passed on.
    await fetch(`${emulator.url}/api/sessions`, {
      method: 'PATCH',
      headers: { cookie: `${sessionCookie}; ${segmentCookie}`, 'content-type': 'application/json' },
      body: JSON.stringify({ public: { country: { value: 'BRA' }, postalCode: { value: '22250-040' } } }),
    }).then((response) => response.arrayBuffer())
    const moved = await fetchSession({ baseUrl: emulator.url, cookie: `${sessionCookie}; ${segmentCookie}` })
    expect(moved.setCookie.map((header) => header.split('=')[0])).toEqual(['vtex_segment'])
  })

  // A token this library cannot read (a format it does not know, a JWT without a session id)
  // says nothing about the session: only one that provably means the same is left out.
  const JWT_WITHOUT_ID = (signature: string) => `eyJhbGciOiJFUzI1NiJ9.e30.${signature}`
  it.each([
    ['vtex_session', 'not a JWT', 'not-ours', 'opaque-session-token'],
    ['vtex_session', 'a JWT without a session id', JWT_WITHOUT_ID('held'), JWT_WITHOUT_ID('issued-now')],
    ['vtex_segment', 'not base64 JSON', 'not%base64', 'opaque-segment-token'],
  ])('passes on a new %s when neither it nor the one the shopper holds decodes (%s)', async (name, _case, held, issued) => {
    const created = await fetchSession({ baseUrl: emulator.url })
    const sessionCookie = created.setCookie[0]?.split(';')[0] ?? ''
    // A stale session cookie gets a new session; a valid one with a bad segment cookie gets its segment re-set.
    const cookie = name === 'vtex_session' ? `vtex_session=${held}` : `${sessionCookie}; vtex_segment=${held}`
    const issuing = rewritingSetCookie((header) => (header.startsWith(`${name}=`) ? header.replace(/^[^;]*/, `${name}=${issued}`) : header))
    const fetched = await fetchSession({ baseUrl: emulator.url, cookie, fetch: issuing })
    expect(fetched.setCookie.map((header) => header.split(';')[0])).toContain(`${name}=${issued}`)
  })

  it("sets the app's own domain with cookieDomain", async () => {
    const { setCookie } = await fetchSession({ baseUrl: emulator.url, fetch: withVtexDomain, cookieDomain: '.mystore.com' })
    for (const header of setCookie) expect(header).toMatch(/; Secure; Domain=\.mystore\.com$/)
  })
})

describe('fetchSession for a new shopper', () => {
  it('is one round trip: POST ?items=* answers the session, the segment comes from its cookie', async () => {
    await fetchSession({ baseUrl: emulator.url })
    expect(lines()).toEqual(['POST /api/sessions?items=*'])
  })

  it('reads the session back, with the new cookie, from a Session Manager that answers ?items= with tokens only', async () => {
    // As the OpenAPI documents: POST answers {sessionToken, segmentToken}, whatever the query string.
    const tokensOnly: typeof fetch = (input, init) => fetch(String(input).replace(/\?items=[^&]*$/, ''), init)
    const forwardedCookies: string[] = []
    const fetched = await fetchSession({
      baseUrl: emulator.url,
      fetch: (input, init) => {
        forwardedCookies.push((init?.headers as Record<string, string>).cookie ?? '')
        return String(input).includes('?items=') && init?.method === 'POST' ? tokensOnly(input, init) : fetch(input, init)
      },
    })
    expect(lines()).toEqual(['POST /api/sessions', 'GET /api/sessions?items=*'])
    // The GET carries the session the POST created: no second session.
    expect(forwardedCookies[1]).toContain(fetched.setCookie[0]?.split(';')[0])
    expect(fetched.session.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(fetched.segment.channel).toBe('1')
  })
})

describe('fetchSession against a Session Manager that answers only as the OpenAPI documents', () => {
  let docFaithful: DocFaithfulSessionManager
  beforeAll(async () => {
    docFaithful = await startDocFaithfulSessionManager()
  })
  afterAll(() => docFaithful.close())

  it('reads the new session back with the answered tokens as its cookies, and passes those cookies on', async () => {
    // POST ?items=* is answered {sessionToken, segmentToken} with no Set-Cookie; a GET without a cookie naming the session is 401.
    const fetched = await fetchSession({ baseUrl: docFaithful.url })
    expect(docFaithful.requests).toEqual(['POST /api/sessions?items=*', 'GET /api/sessions?items=*'])
    expect(fetched.setCookie.map((header) => header.split('=')[0])).toEqual(['vtex_session', 'vtex_segment'])
    expect(fetched.segment.channel).toBe('1')
    // The shopper comes back with those cookies: the same session, nothing more to pass on.
    const returning = await fetchSession({ baseUrl: docFaithful.url, cookie: cookieHeaderOf(fetched.setCookie) })
    expect(returning.session.id).toBe(fetched.session.id)
    expect(returning.setCookie).toEqual([])
  })
})

describe('pageCachePolicy', () => {
  it('never shares a page rendered with a session, even an anonymous returning shopper’s on a public sales channel', async () => {
    const created = await fetchSession({ baseUrl: emulator.url })
    const returning = await fetchSession({ baseUrl: emulator.url, cookie: cookieHeaderOf(created.setCookie) })
    expect(returning.setCookie).toEqual([]) // the cookies it holds are not sent back
    // Its HTML would carry this shopper's session id to the next shopper of the segment.
    expect(pageCachePolicy(returning)).toEqual({ shareable: false, cacheKey: undefined, headers: { 'Cache-Control': 'private, no-store', Vary: 'Cookie' } })
  })

  it('says what else makes it personal: a cookie set (a new shopper), a log-in, an impersonation or a private policy', async () => {
    const created = await fetchSession({ baseUrl: emulator.url })
    const privately = { shareable: false, cacheKey: undefined, headers: { 'Cache-Control': 'private, no-store', Vary: 'Cookie' } }
    expect(pageCachePolicy(created)).toEqual({ ...privately, reason: 'sets-cookie' })
    emulator.mock.logIn(created.session.id, { email: 'buyer@b2b.example', priceTables: ['b2b-gold'] })
    const loggedIn = await fetchSession({ baseUrl: emulator.url, cookie: cookieHeaderOf(created.setCookie) })
    expect(pageCachePolicy({ ...loggedIn, setCookie: [] })).toEqual({ ...privately, reason: 'logged-in' })
    const anonymous = { ...created, setCookie: [] }
    const impersonated = { ...anonymous, session: { ...anonymous.session, namespaces: { ...anonymous.session.namespaces, impersonate: { storeUserId: { value: 'u-1' } } } } }
    expect(pageCachePolicy(impersonated)).toEqual({ ...privately, reason: 'impersonating' })
    expect(pageCachePolicy({ ...anonymous, segment: { ...anonymous.segment, channelPrivacy: 'private' } })).toEqual({ ...privately, reason: 'private-sales-channel' })
  })
})

describe('prefetchSession', () => {
  it("fills the cache entries a SessionProvider with baseUrl '' or the server's own reads, ready to dehydrate", async () => {
    const queryClient = new QueryClient()
    const fetched = await prefetchSession(queryClient, { baseUrl: emulator.url })
    expect(queryClient.getQueryData(sessionKeys.session)).toEqual(fetched.session)
    expect(queryClient.getQueryData(sessionKeys.segment)).toEqual(fetched.segment)
    expect(queryClient.getQueryData(sessionKeysFor(emulator.url).session)).toEqual(fetched.session)
    expect(queryClient.getQueryData(sessionKeysFor(emulator.url).segment)).toEqual(fetched.segment)
    expect(dehydrate(queryClient).queries).toHaveLength(4)
  })

  it('fills only the entries of providerBaseUrl when it is given', async () => {
    const queryClient = new QueryClient()
    await prefetchSession(queryClient, { baseUrl: emulator.url, providerBaseUrl: '' })
    expect(dehydrate(queryClient).queries.map(({ queryKey }) => queryKey)).toEqual([sessionKeys.session, sessionKeys.segment])
  })
})
