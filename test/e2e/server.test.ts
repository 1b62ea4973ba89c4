import { dehydrate, QueryClient } from '@tanstack/react-query'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { fetchSession, prefetchSession, sessionKeys, SessionError } from '../../src/server/index'
import { startSessionManagerServer, type SessionManagerServer } from '../../src/testing/node'

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

describe('prefetchSession', () => {
  it('fills the cache entries SessionProvider reads, ready to dehydrate', async () => {
    const queryClient = new QueryClient()
    const fetched = await prefetchSession(queryClient, { baseUrl: emulator.url })
    expect(queryClient.getQueryData(sessionKeys.session)).toEqual(fetched.session)
    expect(queryClient.getQueryData(sessionKeys.segment)).toEqual(fetched.segment)
    const dehydrated = dehydrate(queryClient)
    expect(dehydrated.queries.map(({ queryKey }) => queryKey)).toEqual([sessionKeys.session, sessionKeys.segment])
  })
})
