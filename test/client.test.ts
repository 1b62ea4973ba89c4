import { http, HttpResponse } from 'msw'
import { describe, expect, it, vi } from 'vitest'
import { createSessionClient, SessionError } from '../src/index'
import { mock, server } from './harness'

const client = createSessionClient()

async function errorOf(promise: Promise<unknown>): Promise<SessionError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(SessionError)
  return error as SessionError
}

describe('createSessionClient', () => {
  it('reads the whole session with GET /api/sessions?items=*', async () => {
    const session = await client.getSession()
    expect(session.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(session.namespaces.store?.channel?.value).toBe('1')
    expect(mock.requests).toEqual([{ method: 'GET', path: '/api/sessions?items=*', body: undefined }])
  })

  it('reads only the named items', async () => {
    await client.editSession({ postalCode: '22250-040', country: 'BRA' })
    const session = await client.getSession({ items: ['public.postalCode', 'checkout.regionId'] })
    expect(session.namespaces).toEqual({
      public: { postalCode: { value: '22250-040' } },
      checkout: { regionId: { value: 'v2.1BB18CE648B5111D0933734ED83EC783' } },
    })
    expect(mock.requests.at(-1)?.path).toBe('/api/sessions?items=public.postalCode,checkout.regionId')
  })

  it('reads the session back when a Session Manager answers PATCH or POST ?items= with tokens only (as the OpenAPI documents)', async () => {
    // The emulator's own answer to the same request without ?items=: the tokens.
    const tokensOnly = async ({ request }: { request: Request }) =>
      fetch(request.url.replace(/\?items=.*$/, ''), { method: request.method, body: await request.text(), headers: request.headers })
    server.use(http.patch('/api/sessions', tokensOnly, { once: true }), http.post('/api/sessions', tokensOnly, { once: true }))
    const edited = await client.editSession({ utm_campaign: 'tokens-only' }, { items: '*' })
    expect(edited.namespaces.public?.utm_campaign?.value).toBe('tokens-only')
    const created = await client.createSession({ utm_source: 'post' }, { items: ['public.utm_source'] })
    expect(created.namespaces).toEqual({ public: { utm_source: { value: 'post' } } })
    expect(mock.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([
      'PATCH /api/sessions',
      'GET /api/sessions?items=*',
      'POST /api/sessions',
      'GET /api/sessions?items=public.utm_source',
    ])
  })

  it('PATCHes public fields with the exact body and answers with tokens', async () => {
    const tokens = await client.editSession({ utm_campaign: 'black-friday' })
    expect(tokens).toEqual({ sessionToken: expect.stringMatching(/^ey/), segmentToken: expect.any(String) })
    expect(mock.requests.at(-1)).toEqual({
      method: 'PATCH',
      path: '/api/sessions',
      body: { public: { utm_campaign: { value: 'black-friday' } } },
    })
  })

  it('PATCH ?items=* answers with the new session in the same round trip', async () => {
    const session = await client.editSession({ utm_source: 'newsletter' }, { items: '*' })
    expect(session.namespaces.public?.utm_source?.value).toBe('newsletter')
    expect(mock.requests).toHaveLength(1)
  })

  it('POST creates a session and strips a public. prefix', async () => {
    const tokens = await client.createSession({ 'public.utm_source': 'ads' })
    expect(tokens.segmentToken).toBeTruthy()
    expect(mock.requests.at(-1)).toEqual({ method: 'POST', path: '/api/sessions', body: { public: { utm_source: { value: 'ads' } } } })
  })

  it('reads the segment of the cookie and of a token', async () => {
    const { segmentToken } = await client.editSession({ country: 'BRA', postalCode: '22250-040' })
    expect((await client.getSegment()).regionId).toBe('v2.1BB18CE648B5111D0933734ED83EC783')
    expect((await client.getSegment({ segmentToken })).regionId).toBe('v2.1BB18CE648B5111D0933734ED83EC783')
  })

  it('uses baseUrl, extra headers and a custom fetch', async () => {
    const fetchSpy = vi.fn<typeof fetch>((input, init) => fetch(input, init))
    const custom = createSessionClient({ baseUrl: 'http://localhost:3000/', fetch: fetchSpy, headers: { 'x-store': 'demo' } })
    await custom.getSession()
    const [url, init] = fetchSpy.mock.calls[0] ?? []
    expect(url).toBe('http://localhost:3000/api/sessions?items=*')
    expect(init?.credentials).toBe('include')
    expect(init?.headers).toMatchObject({ accept: 'application/json', 'x-store': 'demo' })
  })

  it.each([
    ['an empty field name', { '': 'x' }, /"" is not a valid public field name/],
    ['a non-string value', { utm_source: 42 }, /must be a string, got number/],
    ['another namespace', { 'store.channel': '2' }, /only public fields can be written/],
    ['a name with spaces', { 'utm source': 'x' }, /not a valid public field name/],
    ['no field at all', {}, /no public field/],
  ])('rejects %s with kind invalid-input before any request', async (_case, fields, message) => {
    const error = await errorOf(client.editSession(fields as Record<string, string>))
    expect(error.kind).toBe('invalid-input')
    expect(error.message).toMatch(message)
    expect(mock.requests).toEqual([])
  })

  it('maps an HTTP error to kind http with the status', async () => {
    mock.fail({ kind: 'http', status: 503 })
    const error = await errorOf(client.getSession())
    expect(error).toMatchObject({ kind: 'http', status: 503, name: 'SessionError' })
    expect(error.message).toContain('GET /api/sessions?items=* answered 503')
  })

  it('maps a body that is not JSON to kind invalid-response', async () => {
    mock.fail({ kind: 'invalid-json' })
    expect((await errorOf(client.getSession())).kind).toBe('invalid-response')
  })

  it('maps JSON that breaks the schema to kind invalid-response, naming the field', async () => {
    mock.fail({ kind: 'schema' })
    const error = await errorOf(client.getSession())
    expect(error.kind).toBe('invalid-response')
    expect(error.message).toMatch(/at "id"/)
  })

  it('maps a failed connection to kind network', async () => {
    mock.fail({ kind: 'network' })
    expect((await errorOf(client.getSegment())).kind).toBe('network')
  })

  it('gives up after timeoutMs with kind network', async () => {
    mock.setLatency(1_000)
    const error = await errorOf(createSessionClient({ timeoutMs: 30 }).getSession())
    expect(error.kind).toBe('network')
    expect(error.message).toContain('timed out after 30 ms')
  })

  it("passes a caller's cancellation through as it is", async () => {
    mock.setLatency(1_000)
    const controller = new AbortController()
    const pending = client.getSession({ signal: controller.signal })
    controller.abort(new Error('navigated away'))
    await expect(pending).rejects.toThrow('navigated away')
  })

  it('keeps unknown top-level fields and namespaces of a session', async () => {
    const answer = {
      id: 'abc',
      namespaces: { public: {}, newNamespace: { flag: { value: true, keepAlive: false } } },
      version: 1,
      active: true,
      debug: false,
    }
    server.use(http.get('/api/sessions', () => HttpResponse.json(answer)))
    expect(await client.getSession()).toEqual(answer)
  })

  it('accepts null segment fields', async () => {
    const { segmentToken } = await client.editSession({ utm_campaign: 'x' })
    const segment = await client.getSegment({ segmentToken })
    expect(segment.regionId).toBeNull()
    expect(segment.utm_campaign).toBe('x')
  })
})
