import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { startSessionManagerServer, type SessionManagerServer } from '../../src/testing/node'
import { FASTSTORE_CHANNEL, startFastStoreEndpoint } from './fastStoreEndpoint'

// @faststore/api 4.8's real ValidateSession (what every FastStore store's /api/graphql runs),
// executed in-process against the emulator over HTTP on 127.0.0.1.
const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'

let emulator: SessionManagerServer
/** Every request FastStore sent, as `METHOD /path?query`, and where it was refused (not the store). */
let sent: string[] = []
let refused: string[] = []

const VALIDATE_SESSION = /* GraphQL */ `
  mutation ValidateSession($session: IStoreSession!, $search: String!) {
    validateSession(session: $session, search: $search) {
      locale
      channel
      country
      postalCode
      city
      currency { code symbol }
      geoCoordinates { latitude longitude }
      person { id email }
    }
  }
`

let endpoint: Awaited<ReturnType<typeof startFastStoreEndpoint>>

beforeAll(async () => {
  emulator = await startSessionManagerServer()
  endpoint = await startFastStoreEndpoint(emulator.url, { locale: 'en-US', record: (line) => sent.push(line), refuse: (url) => refused.push(url) })
})
afterAll(() => emulator?.close())
let consoleErrors: MockInstance
beforeEach(() => {
  sent = []
  refused = []
  // FastStore logs every non-2xx answer it gets: none may happen.
  consoleErrors = vi.spyOn(console, 'error')
})
afterEach(() => expect(consoleErrors).not.toHaveBeenCalled())

async function validateSession(session: Record<string, unknown>, search = '', cookie = '') {
  const variables = { session: { locale: 'en-US', currency: { code: 'USD', symbol: '$' }, country: 'USA', channel: FASTSTORE_CHANNEL, ...session }, search }
  const result = await endpoint.execute(VALIDATE_SESSION, variables, cookie)
  expect(result.errors).toBeUndefined()
  return result.data?.validateSession as Record<string, unknown> | null
}

const sessionRequests = () => sent.filter((line) => line.includes('/api/sessions'))
/** What FastStore asks for: every value in the query string (the `items` list apart), body `{}`. */
const queryOf = (line: string | undefined) =>
  Object.fromEntries([...new URLSearchParams(line?.split('?')[1] ?? '')].filter(([key]) => key !== 'items'))

describe('@faststore/api 4.8 ValidateSession against the emulator', () => {
  it('an anonymous shopper: one POST ?…&items=… with body {}; the store’s channel, country and currency come back', async () => {
    const session = await validateSession({})
    expect(sessionRequests()).toEqual([expect.stringMatching(/^POST \/api\/sessions\?.*items=profile\.id,.*checkout\.regionId,public\.postalCode$/)])
    expect(queryOf(sessionRequests()[0])).toEqual({ sc: '1', country: 'USA', locale: 'en-US' })
    expect(emulator.mock.requests.at(-1)).toMatchObject({ method: 'POST', body: {} })
    expect(session).toMatchObject({ country: 'BRA', currency: { code: 'BRL', symbol: 'R$' }, person: null })
    expect(refused).toEqual([])
  })

  it('a postal code and a country: the Checkout postal-code call first, then the region in the session', async () => {
    const session = await validateSession({ postalCode: '22250-040', country: 'BRA' })
    expect(sent[0]).toBe('GET /api/checkout/pub/postal-code/BRA/22250-040')
    expect(queryOf(sessionRequests()[0])).toEqual({
      sc: '1',
      postalCode: '22250-040',
      country: 'BRA',
      geoCoordinates: '-43.1822,-22.9455',
      locale: 'en-US',
    })
    expect(session).toMatchObject({ postalCode: '22250-040', city: 'Rio de Janeiro', geoCoordinates: { latitude: -22.9455, longitude: -43.1822 } })
    expect(JSON.parse(String(session?.channel))).toMatchObject({ salesChannel: '1', regionId: RIO })
    expect(refused).toEqual([])
  })

  it('sc from the URL (?sc=2): the trade policy and its currency and country follow', async () => {
    const session = await validateSession({}, '?sc=2')
    expect(queryOf(sessionRequests()[0])).toMatchObject({ sc: '2' })
    expect(session).toMatchObject({ country: 'USA', currency: { code: 'USD', symbol: '$' } })
    expect(JSON.parse(String(session?.channel))).toMatchObject({ salesChannel: '2' })
  })

  it('a logged-in shopper with a session cookie: a PATCH of that session, and the person', async () => {
    const created = await fetch(`${emulator.url}/api/sessions`, { method: 'POST', body: '{}' })
    const cookie = created.headers.getSetCookie().map((header) => header.split(';')[0]).join('; ')
    const { id } = (await (await fetch(`${emulator.url}/api/sessions?items=*`, { headers: { cookie } })).json()) as { id: string }
    emulator.mock.logIn(id, { email: 'buyer@b2b.example', id: 'user-1', priceTables: ['b2b-gold'] })
    const session = await validateSession({}, '', cookie)
    expect(sessionRequests()).toEqual([expect.stringMatching(/^PATCH \/api\/sessions\?/)])
    expect(session?.person).toEqual({ id: 'user-1', email: 'buyer@b2b.example' })
  })
})
