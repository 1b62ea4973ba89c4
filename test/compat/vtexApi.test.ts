import { createServer, request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSessionManagerServer, type SessionManagerServer } from '../../src/testing/node'

// @vtex/api 6.51's real Session client (what VTEX IO apps use) against the emulator: its axios
// honours http_proxy, so a forward proxy on 127.0.0.1 carries its requests, unchanged, to the
// emulator — and refuses any host but the one it targets.
const JANUS_HOST = 'portal.vtexcommercestable.com.br'
const ACCOUNT = 'storefront'

let emulator: SessionManagerServer
let proxy: Server
let sent: string[] = []
let refused: string[] = []

function startForwardProxy(target: string): Promise<string> {
  proxy = createServer((incoming, outgoing) => {
    const url = new URL(incoming.url ?? '/', `http://${incoming.headers.host}`)
    if (url.host !== JANUS_HOST) {
      refused.push(url.href)
      return void outgoing.writeHead(403).end()
    }
    sent.push(`${incoming.method} ${url.pathname}${decodeURIComponent(url.search)}`)
    const upstream = new URL(`${url.pathname}${url.search}`, target)
    const forwarded = httpRequest(upstream, { method: incoming.method, headers: { ...incoming.headers, host: upstream.host } }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(outgoing)
    })
    incoming.pipe(forwarded)
  })
  return new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`)))
}

type VtexApi = typeof import('@vtex/api')
let vtexApi: VtexApi

beforeAll(async () => {
  emulator = await startSessionManagerServer()
  process.env.http_proxy = await startForwardProxy(emulator.url)
  vtexApi = await import('@vtex/api')
})
afterAll(async () => {
  delete process.env.http_proxy
  proxy?.close()
  await emulator?.close()
})
beforeEach(() => {
  sent = []
  refused = []
})

function sessionClient() {
  // The IOContext a VTEX IO app gets, down to what the Session client reads (tracing not sampled).
  const silent = { info() {}, warn() {}, error() {}, debug() {}, log() {} }
  const context = {
    account: ACCOUNT,
    workspace: 'master',
    authToken: 'not-a-real-token',
    region: 'aws-us-east-1',
    production: true,
    userAgent: 'compat-test',
    route: { id: 'compat', params: {} },
    tracer: { isTraceSampled: false },
    logger: silent,
  }
  return new vtexApi.Session(context as never, { retries: 0, timeout: 5_000 })
}

const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'

describe('@vtex/api 6.51 Session client against the emulator', () => {
  it('creates a session: a read without a token answers a new one, and its token comes from Set-Cookie', async () => {
    const { sessionData, sessionToken } = await sessionClient().getSession('', ['*'])
    expect(sent).toEqual([`GET /api/sessions?an=${ACCOUNT}&items=*`])
    expect(sessionData).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), namespaces: { store: { channel: { value: '1' } } } })
    expect(emulator.mock.getSession(sessionToken)?.id).toBe(sessionData.id)
    expect(refused).toEqual([])
  })

  it('reads with items and updates public fields of the session its token names (an is not stored)', async () => {
    const client = sessionClient()
    const { sessionToken, sessionData } = await client.getSession('', ['*'])
    await client.updateSession('country', 'BRA', ['public.country'], sessionToken)
    const updated = await client.updateSession('postalCode', '22250-040', ['public.postalCode', 'checkout.regionId'], sessionToken)
    expect(updated).toEqual({
      id: sessionData.id,
      namespaces: { public: { postalCode: { value: '22250-040' } }, checkout: { regionId: { value: RIO } } },
    })
    const read = await client.getSession(sessionToken, ['public.country', 'public.an', 'checkout.regionId'])
    expect(read.sessionData).toEqual({ id: sessionData.id, namespaces: { public: { country: { value: 'BRA' } }, checkout: { regionId: { value: RIO } } } })
    expect(sent.slice(1)).toEqual([
      `POST /api/sessions?an=${ACCOUNT}&items=public.country`,
      `POST /api/sessions?an=${ACCOUNT}&items=public.postalCode,checkout.regionId`,
      `GET /api/sessions?an=${ACCOUNT}&items=public.country,public.an,checkout.regionId`,
    ])
  })

  it('a stale token: the read answers a new session and hands back its new token', async () => {
    const first = await sessionClient().getSession('', ['*'])
    emulator.mock.reset() // the emulator forgets every session: the token is stale
    // A new client, as per request in VTEX IO (one client memoizes a GET by URL, whatever the cookie).
    const stale = await sessionClient().getSession(first.sessionToken, ['*'])
    expect(sent).toEqual([`GET /api/sessions?an=${ACCOUNT}&items=*`, `GET /api/sessions?an=${ACCOUNT}&items=*`])
    expect(stale.sessionData.id).not.toBe(first.sessionData.id)
    expect(stale.sessionToken).not.toBe(first.sessionToken)
    expect(emulator.mock.getSession(stale.sessionToken)?.id).toBe(stale.sessionData.id)
  })
})
