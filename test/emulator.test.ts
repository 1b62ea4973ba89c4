import Ajv from 'ajv'
import { describe, expect, it } from 'vitest'
import { decodeSegmentToken, decodeSessionTokenUnverified, type Session, type SessionTokens } from '../src/index'
import { createSessionManagerMock, demoPricesRoute } from '../src/testing/index'
import openapi from './fixtures/session-manager-openapi.json'
import { callEmulator } from './emulatorCall'
import { mock, server } from './harness'

const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'

const call = (method: string, path: string, body?: unknown) => callEmulator<Answer>(method, path, body)

/** Every field a Session Manager answer may have; each test reads the ones its call returns. */
interface Answer extends Session, SessionTokens {
  [field: string]: unknown
}

const publicBody = (fields: Record<string, string>) => ({
  public: Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, { value }])),
})

// The OpenAPI document's schemas, as published — with one amendment: its `Segment` says
// `regionId` is a non-null string while its own example token carries `"regionId": null`.
const schemas = structuredClone(openapi.components.schemas) as unknown as Record<string, { properties: Record<string, object> }>
Object.assign(schemas.Segment!.properties.regionId!, { nullable: true })
const ajv = new Ajv({ strict: false, allErrors: true })
const validate = (name: string, data: unknown) => {
  const check = ajv.compile(schemas[name]!)
  expect(check(data), JSON.stringify(check.errors)).toBe(true)
}

describe('the Session Manager emulator', () => {
  it('answers POST with 201, both tokens and both cookies with the same values', async () => {
    const response = await fetch('http://localhost:3000/api/sessions', { method: 'POST', body: JSON.stringify(publicBody({ a: '1' })) })
    const tokens = (await response.json()) as { sessionToken: string; segmentToken: string }
    expect(response.status).toBe(201)
    validate('CreateEditSessionResponse', tokens)
    const cookies = response.headers.getSetCookie()
    expect(cookies[0]).toBe(`vtex_session=${tokens.sessionToken}; Path=/; SameSite=Lax`)
    expect(cookies[1]).toBe(`vtex_segment=${tokens.segmentToken}; Path=/; SameSite=Lax; HttpOnly`)
  })

  it('edits the cookie session on POST and PATCH instead of creating one', async () => {
    const first = await call('POST', '/api/sessions', publicBody({ a: '1' }))
    const second = await call('PATCH', '/api/sessions', publicBody({ b: '2' }))
    expect(second.status).toBe(200)
    const idOf = (token: string) => decodeSessionTokenUnverified(token).id
    expect(idOf(second.body.sessionToken)).toBe(idOf(first.body.sessionToken))
    const { body } = await call('GET', '/api/sessions?items=public.a,public.b')
    expect(body).toEqual({ id: idOf(first.body.sessionToken), namespaces: { public: { a: { value: '1' }, b: { value: '2' } } } })
  })

  it('edits the session named in the path with POST /api/sessions/{sessionToken}', async () => {
    const { body: created } = await call('POST', '/api/sessions', publicBody({}))
    await call('POST', `/api/sessions/${created.sessionToken}`, publicBody({ utm_campaign: 'path' }))
    expect(mock.getSession(created.sessionToken)?.namespaces.public).toEqual({ utm_campaign: { value: 'path' } })
  })

  it('ignores namespaces other than public and adds query parameters to public', async () => {
    await call('PATCH', '/api/sessions?utm_source=mail&items=*', { public: { a: { value: '1' } }, store: { channel: { value: '9' } } })
    const { body } = await call('GET', '/api/sessions?items=*')
    expect(body.namespaces.public).toEqual({ a: { value: '1' }, utm_source: { value: 'mail' } })
    expect(body.namespaces.store?.channel).toEqual({ value: '1' })
  })

  it('requires items on GET and answers POST/PATCH ?items= with the filtered session', async () => {
    expect((await call('GET', '/api/sessions')).status).toBe(400)
    const { body } = await call('PATCH', '/api/sessions?items=public.country,checkout.regionId', publicBody({ country: 'BRA', postalCode: '22250-040' }))
    expect(body.namespaces).toEqual({ public: { country: { value: 'BRA' } }, checkout: { regionId: { value: RIO } } })
    validate('GetSessionResponse', body)
  })

  it('derives regionId from postal code or coordinates; an unknown postal code leaves none', async () => {
    const regionOf = async (fields: Record<string, string>) =>
      (await call('PATCH', '/api/sessions?items=checkout.regionId', publicBody(fields))).body.namespaces.checkout?.regionId
    expect(await regionOf({ country: 'BRA', postalCode: '22250-040' })).toEqual({ value: RIO })
    expect(RIO).toMatch(/^v2\.[0-9A-F]{32}$/)
    expect(await regionOf({ country: 'BRA', postalCode: '', geoCoordinates: '-43.18,-22.97' })).toEqual({ value: RIO })
    expect(await regionOf({ country: 'BRA', postalCode: '99999-999', geoCoordinates: '' })).toBeUndefined()
    expect(await regionOf({ country: 'GBR', postalCode: 'SE10 0GP' })).toEqual({ value: expect.stringMatching(/^v2\./) })
  })

  it('encodes the segment in the segment token and serves it on GET /api/segments', async () => {
    const { body } = await call('PATCH', '/api/sessions', publicBody({ country: 'BRA', postalCode: '22250-040', utm_campaign: 'bf' }))
    const fromToken = decodeSegmentToken(body.segmentToken)
    const { body: segment } = await call('GET', '/api/segments')
    expect(segment).toEqual(fromToken)
    expect(segment).toMatchObject({ regionId: RIO, utm_campaign: 'bf', channel: '1', currencyCode: 'BRL' })
    validate('Segment', segment)
    expect((await call('GET', `/api/segments/${body.segmentToken}`)).body).toEqual(fromToken)
  })

  it('overrides cultureInfo and utm_* in a GET /api/segments answer only, not in the session', async () => {
    const { body } = await call('GET', '/api/segments?cultureInfo=en-US&utm_source=ads')
    expect(body).toMatchObject({ cultureInfo: 'en-US', utm_source: 'ads' })
    expect((await call('GET', '/api/segments')).body).toMatchObject({ cultureInfo: 'pt-BR', utm_source: null })
  })

  it('issues JWT-shaped session tokens with the session id and an expiry about 8 days out', async () => {
    const { body } = await call('POST', '/api/sessions', publicBody({}))
    const [header] = body.sessionToken.split('.')
    expect(JSON.parse(atob(header ?? ''))).toMatchObject({ alg: 'ES256' })
    const claims = decodeSessionTokenUnverified(body.sessionToken)
    expect((claims.exp ?? 0) - Date.now() / 1000).toBeGreaterThan(7.9 * 24 * 3600)
    expect(mock.getSession(body.sessionToken)?.id).toBe(claims.id)
  })

  it('answers a GET with a stale cookie (after reset) with a new session', async () => {
    const { body: before } = await call('GET', '/api/sessions?items=*')
    mock.reset()
    const { body: after } = await call('GET', '/api/sessions?items=*')
    expect(after.id).not.toBe(before.id)
    validate('GetSessionResponse', after)
  })

  it('answers faults for the next N matching requests only, then recovers', async () => {
    mock.fail({ kind: 'http', status: 500 }, { times: 2, method: 'GET', path: '/api/segments' })
    expect((await call('GET', '/api/sessions?items=*')).status).toBe(200)
    expect((await call('GET', '/api/segments')).status).toBe(500)
    expect((await call('GET', '/api/segments')).status).toBe(500)
    expect((await call('GET', '/api/segments')).status).toBe(200)
  })

  it('waits the latency chosen per request', async () => {
    mock.setLatency(({ method }) => (method === 'PATCH' ? 80 : 0))
    const started = performance.now()
    await call('GET', '/api/sessions?items=*')
    const afterGet = performance.now()
    await call('PATCH', '/api/sessions', publicBody({ a: '1' }))
    expect(performance.now() - afterGet).toBeGreaterThanOrEqual(75)
    expect(afterGet - started).toBeLessThan(75)
  })

  it('serves a baseUrl with a path prefix and uses the store settings given', async () => {
    const proxied = createSessionManagerMock({ baseUrl: 'http://127.0.0.1:9/vtex', store: { channel: '2', priceTables: 'b2b' } })
    server.use(...proxied.handlers)
    const segment = await (await fetch('http://127.0.0.1:9/vtex/api/segments')).json()
    expect(segment).toMatchObject({ channel: '2', priceTables: 'b2b' })
    expect(proxied.requests.map(({ path }) => path)).toEqual(['/api/segments'])
  })
})

describe('the demo price endpoint', () => {
  it('is not part of the Session Manager emulator unless added (demoPricesRoute)', async () => {
    const plain = createSessionManagerMock()
    expect(await plain.respond(new Request('http://localhost:3000/api/demo/prices'))).toBeUndefined()
    const withDemo = createSessionManagerMock({ routes: [demoPricesRoute] })
    const response = await withDemo.respond(new Request('http://localhost:3000/api/demo/prices'))
    expect(response?.status).toBe(200)
    expect(withDemo.requests.map(({ path }) => path)).toEqual(['/api/demo/prices'])
  })

  it('prices per segment: the region and a b2b price table change prices', async () => {
    const noRegion = (await call('GET', '/api/demo/prices')).body as unknown as Array<{ id: string; price: number }>
    await call('PATCH', '/api/sessions', publicBody({ country: 'BRA', postalCode: '22250-040' }))
    const rio = (await call('GET', '/api/demo/prices')).body as unknown as Array<{ id: string; price: number }>
    await call('PATCH', '/api/sessions', publicBody({ country: 'BRA', postalCode: '01310-100' }))
    const saoPaulo = (await call('GET', '/api/demo/prices')).body as unknown as Array<{ id: string; price: number }>
    expect(rio.map(({ id }) => id)).toEqual(noRegion.map(({ id }) => id))
    expect(rio[0]?.price).not.toBe(noRegion[0]?.price)
    expect(saoPaulo[0]?.price).not.toBe(rio[0]?.price)
    server.use(...createSessionManagerMock({ store: { priceTables: 'b2b-gold' }, routes: [demoPricesRoute] }).handlers)
    const b2b = (await call('GET', '/api/demo/prices')).body as unknown as Array<{ price: number }>
    expect(b2b[0]?.price).toBeCloseTo((noRegion[0]?.price ?? 0) * 0.8, 1)
  })

  it('drops unused faults on clearFaults', async () => {
    mock.fail({ kind: 'http', status: 500 }, { times: 5 })
    mock.clearFaults()
    expect((await call('GET', '/api/sessions?items=*')).status).toBe(200)
  })
})

describe('the emulator’s server-side transforms (sales channel, locale, login, audiences)', () => {
  const sessionOf = async () => (await call('GET', '/api/sessions?items=*')).body
  const segmentOf = async () => (await call('GET', '/api/segments')).body
  const pricesOf = async () => (await call('GET', '/api/demo/prices')).body as unknown as Array<{ price: number; currencyCode: string }>

  it('switches sales channel with public.sc: store.channel, currency and country follow it', async () => {
    const before = await pricesOf()
    expect((await call('PATCH', '/api/sessions', publicBody({ sc: '2' }))).status).toBe(200)
    const session = await sessionOf()
    expect(session.namespaces.store).toMatchObject({
      channel: { value: '2' },
      currencyCode: { value: 'USD' },
      currencySymbol: { value: '$' },
      countryCode: { value: 'USA' },
      cultureInfo: { value: 'en-US' },
    })
    expect(await segmentOf()).toMatchObject({ channel: '2', currencyCode: 'USD', countryCode: 'USA', cultureInfo: 'en-US' })
    expect((await pricesOf())[0]?.currencyCode).toBe('USD')
    expect(before[0]?.currencyCode).toBe('BRL')
  })

  it('refuses a private sales channel: 401 when anonymous, 403 for a shopper not allowed, and keeps the channel', async () => {
    const { body } = await call('GET', '/api/sessions?items=*')
    expect((await call('PATCH', '/api/sessions', publicBody({ sc: '3', utm_source: 'x' }))).status).toBe(401)
    mock.logIn(body.id, { email: 'someone@example.com' })
    expect((await call('PATCH', '/api/sessions', publicBody({ sc: '3' }))).status).toBe(403)
    const session = await sessionOf()
    expect(session.namespaces.store?.channel).toEqual({ value: '1' })
    expect(session.namespaces.public?.utm_source).toBeUndefined() // nothing of a refused write is applied
    expect((await call('PATCH', '/api/sessions', publicBody({ sc: '9' }))).status).toBe(400)
  })

  it('lets an allowed B2B buyer onto the private sales channel', async () => {
    const { body } = await call('GET', '/api/sessions?items=*')
    mock.logIn(body.id, { email: 'buyer@b2b.example', priceTables: ['b2b-gold'] })
    expect((await call('PATCH', '/api/sessions', publicBody({ sc: '3' }))).status).toBe(200)
    expect(await segmentOf()).toMatchObject({ channel: '3', channelPrivacy: 'private', priceTables: 'b2b-gold' })
  })

  it('returns a buyer who logs out of a private sales channel to the public one (store.channel, segment and cookie)', async () => {
    const { body } = await call('GET', '/api/sessions?items=*')
    mock.logIn(body.id, { email: 'buyer@b2b.example', priceTables: ['b2b-gold'] })
    await call('PATCH', '/api/sessions', publicBody({ sc: '3' }))
    mock.logOut(body.id)
    const session = await sessionOf()
    expect(session.namespaces.store).toMatchObject({ channel: { value: '1' }, currencyCode: { value: 'BRL' } })
    expect(await segmentOf()).toMatchObject({ channel: '1', channelPrivacy: 'public', priceTables: null })
    // A public channel asked for is kept across a log-out: only the private one is left.
    await call('PATCH', '/api/sessions', publicBody({ sc: '2' }))
    mock.logIn(body.id, { email: 'buyer@b2b.example' })
    mock.logOut(body.id)
    expect(await segmentOf()).toMatchObject({ channel: '2', currencyCode: 'USD' })
  })

  it('makes the locale follow public.cultureInfo (or locale) while the currency follows the sales channel', async () => {
    await call('PATCH', '/api/sessions', publicBody({ cultureInfo: 'en-US' }))
    expect((await sessionOf()).namespaces.store).toMatchObject({ cultureInfo: { value: 'en-US' }, currencyCode: { value: 'BRL' } })
    await call('PATCH', '/api/sessions', publicBody({ cultureInfo: '', locale: 'es-AR' }))
    expect(await segmentOf()).toMatchObject({ cultureInfo: 'es-AR', currencyCode: 'BRL' })
  })

  it('logs a session in with price tables: profile, segment and demo prices follow; logOut undoes it', async () => {
    const { body } = await call('GET', '/api/sessions?items=*')
    const anonymous = await pricesOf()
    expect(mock.logIn(body.id, { email: 'buyer@b2b.example', priceTables: ['b2b-gold', 'b2b-silver'] })).toBe(true)
    expect((await sessionOf()).namespaces.profile).toEqual({
      isAuthenticated: { value: 'true' },
      // A stable user id (derived from the email unless given), as VTEX's profile carries one.
      id: { value: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      email: { value: 'buyer@b2b.example' },
      priceTables: { value: 'b2b-gold,b2b-silver' },
    })
    expect((await segmentOf()).priceTables).toBe('b2b-gold,b2b-silver')
    expect((await pricesOf())[0]?.price).toBeCloseTo((anonymous[0]?.price ?? 0) * 0.8, 1)
    expect(mock.logOut(body.id)).toBe(true)
    expect((await sessionOf()).namespaces.profile).toEqual({ isAuthenticated: { value: 'false' } })
    expect(mock.logIn('no-such-session', { email: 'x@y.z' })).toBe(false)
  })

  it('matches Campaign Audiences on UTM values: rnb, the segment’s campaigns and prices follow', async () => {
    const before = await pricesOf()
    await call('PATCH', '/api/sessions', publicBody({ utm_campaign: 'black-friday', utm_source: 'newsletter' }))
    expect((await sessionOf()).namespaces.rnb).toEqual({ campaigns: { value: 'black-friday,newsletter-readers' } })
    expect((await segmentOf()).campaigns).toBe('black-friday,newsletter-readers')
    expect((await pricesOf())[0]?.price).toBeCloseTo((before[0]?.price ?? 0) * 0.9, 1)
    await call('PATCH', '/api/sessions', publicBody({ utm_campaign: 'spring', utm_source: '' }))
    expect((await sessionOf()).namespaces.rnb).toBeUndefined()
    expect((await segmentOf()).campaigns).toBeNull()
  })
})

describe('what real clients send (the emulator takes it, as the real Session Manager does)', () => {
  const NEW_YORK = 'v2.7C2D9E4F60A1B2C3D4E5F60718293A4B'

  it("takes FastStore's ValidateSession: POST with body {} and every value in the query string", async () => {
    const { status, body } = await call(
      'POST',
      '/api/sessions?sc=1&country=USA&locale=en-US&postalCode=10001&items=profile.id,store.channel,checkout.regionId,public.postalCode',
      {},
    )
    expect(status).toBe(201)
    expect(body.namespaces).toEqual({
      store: { channel: { value: '1' } },
      checkout: { regionId: { value: NEW_YORK } },
      public: { postalCode: { value: '10001' } },
    })
    expect(mock.requests.at(-1)).toMatchObject({ method: 'POST', body: {} })
  })

  it('takes a PATCH with no body at all, and a body without public, as no body field', async () => {
    const empty = await fetch('http://localhost:3000/api/sessions?utm_source=query&items=public.utm_source', { method: 'PATCH', credentials: 'include' })
    expect(((await empty.json()) as Session).namespaces).toEqual({ public: { utm_source: { value: 'query' } } })
    const { body } = await call('PATCH', '/api/sessions?items=public.utm_source', { store: { channel: { value: '2' } } })
    expect(body.namespaces).toEqual({ public: { utm_source: { value: 'query' } } })
  })

  it('does not store the an (account) parameter VTEX’s router reads, as @vtex/api sends it', async () => {
    const { body } = await call('POST', '/api/sessions?an=storefront&items=*', publicBody({ a: '1' }))
    expect(body.namespaces.public).toEqual({ a: { value: '1' } })
  })

  it('refuses a body that is not JSON with 400, and changes nothing', async () => {
    await call('PATCH', '/api/sessions', publicBody({ a: 'kept' }))
    const response = await fetch('http://localhost:3000/api/sessions', { method: 'PATCH', credentials: 'include', body: '{"public":' })
    expect(response.status).toBe(400)
    expect((await call('GET', '/api/sessions?items=public.a')).body.namespaces).toEqual({ public: { a: { value: 'kept' } } })
  })

  it('decodes GET /api/segments/{token} as UTF-8: a campaign named "promoção" comes back whole', async () => {
    const { body } = await call('PATCH', '/api/sessions', publicBody({ utm_campaign: 'promoção' }))
    expect(decodeSegmentToken(body.segmentToken).utm_campaign).toBe('promoção')
    const segment = await call('GET', `/api/segments/${encodeURIComponent(body.segmentToken)}`)
    expect(segment.body.utm_campaign).toBe('promoção')
  })
})

describe('the Checkout calls session flows depend on', () => {
  it('answers postal-code/{country}/{code} with the address (city, state, geoCoordinates) of its region', async () => {
    const { status, body } = await call('GET', '/api/checkout/pub/postal-code/BRA/22250040')
    expect(status).toBe(200)
    expect(body).toEqual({
      postalCode: '22250040',
      city: 'Rio de Janeiro',
      state: 'RJ',
      country: 'BRA',
      street: '',
      number: '',
      neighborhood: 'Botafogo',
      complement: '',
      reference: '',
      geoCoordinates: [-43.1822, -22.9455],
    })
    const unknown = await call('GET', '/api/checkout/pub/postal-code/BRA/99999999')
    expect(unknown.body).toMatchObject({ postalCode: '99999999', city: '', geoCoordinates: [] })
  })

  it('answers regions?country&postalCode (or geoCoordinates) with the regionId and sellers the session gets too', async () => {
    const { body } = await call('GET', '/api/checkout/pub/regions?country=BRA&postalCode=22250-040')
    expect(body).toEqual([{ id: RIO, sellers: [{ id: '1', name: 'storefront', logo: '' }] }])
    const byCoordinates = await call('GET', '/api/checkout/pub/regions?country=BRA&geoCoordinates=-43.18;-22.97')
    expect((byCoordinates.body as unknown as Array<{ id: string }>)[0]?.id).toBe(RIO)
    expect((await call('GET', '/api/checkout/pub/regions?country=BRA&postalCode=99999-999')).body).toEqual([])
    // The Session Manager side agrees.
    const session = await call('PATCH', '/api/sessions?items=checkout.regionId', publicBody({ country: 'BRA', postalCode: '22250-040' }))
    expect(session.body.namespaces.checkout?.regionId?.value).toBe(RIO)
  })
})

describe('the Checkout pickup points', () => {
  type PickupAnswer = { paging: { total: number }; items: Array<{ distance: number; pickupPoint: { id: string; address: { geoCoordinates: number[] } } }> }
  const pickupPoints = async (query: string) => (await call('GET', `/api/checkout/pub/pickup-points?${query}`)).body as unknown as PickupAnswer

  it('lists the points within 50 km of the coordinates, nearest first, with their distance in km', async () => {
    const near = await pickupPoints('geoCoordinates=-43.18;-22.94')
    expect(near.items.map(({ pickupPoint }) => pickupPoint.id)).toEqual(['rio-botafogo', 'rio-centro'])
    expect(near.items[0]?.distance).toBeLessThan(1.5)
    expect(near.items[1]?.distance).toBeGreaterThan(4)
    expect(near.paging.total).toBe(2)
  })

  it('takes a postal code and a country code (the center of its region), and lists none far from any', async () => {
    expect((await pickupPoints('postalCode=01310-100&countryCode=BRA')).items.map(({ pickupPoint }) => pickupPoint.id)).toEqual(['sp-paulista'])
    expect((await pickupPoints('postalCode=99999-999&countryCode=BRA')).items).toEqual([])
    expect((await pickupPoints('geoCoordinates=-0.01;51.48')).items).toEqual([])
  })

  it('takes the store’s own pickup points and answers faults there too', async () => {
    const custom = createSessionManagerMock({
      pickupPoints: [{ id: 'mine', friendlyName: 'Mine', country: 'USA', postalCode: '10001', city: 'New York', state: 'NY', street: '5th Ave', geoCoordinates: [-73.99, 40.75] }],
    })
    server.use(...custom.handlers)
    expect((await pickupPoints('geoCoordinates=-73.99;40.75')).items.map(({ pickupPoint }) => pickupPoint.id)).toEqual(['mine'])
    custom.fail({ kind: 'http', status: 503 }, { path: '/api/checkout/pub/pickup-points' })
    expect((await call('GET', '/api/checkout/pub/pickup-points?geoCoordinates=-73.99;40.75')).status).toBe(503)
  })
})

describe('an extra route for a shopper with no session', () => {
  it('creates one session and answers with its cookies (the demo prices priced for it)', async () => {
    const emulator = createSessionManagerMock({ routes: [demoPricesRoute] })
    const response = await emulator.respond(new Request('http://localhost:3000/api/demo/prices'), {})
    const token = response?.headers.getSetCookie()[0]?.split(';')[0]?.split('=')[1] ?? ''
    expect(emulator.getSession(token)?.id).toBe('00000000-0000-4000-8000-000000000001')
    // Only that one session exists: a second would be numbered 2.
    const next = await emulator.respond(new Request('http://localhost:3000/api/sessions?items=*'), {})
    expect(((await next?.json()) as { id: string }).id).toBe('00000000-0000-4000-8000-000000000002')
  })
})
