import { randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { cookiePairs } from '../../src/core/cookiePairs'
import type { Segment, Session } from '../../src/core/types'
import { encodeSegmentToken, encodeSessionToken } from '../../src/testing/encodeTokens'

export interface DocFaithfulSessionManager {
  url: string
  /** `METHOD /path?query` of every request, in order. */
  requests: string[]
  close(): Promise<void>
}

const SEGMENT: Segment = {
  campaigns: null,
  channel: '1',
  priceTables: null,
  regionId: null,
  utm_campaign: null,
  utm_source: null,
  utmi_campaign: null,
  currencyCode: 'BRL',
  currencySymbol: 'R$',
  countryCode: 'BRA',
  cultureInfo: 'pt-BR',
  channelPrivacy: 'public',
}

/**
 * A Session Manager that does what the OpenAPI documents and nothing more: `POST /api/sessions`
 * answers `{ sessionToken, segmentToken }` whatever its query string and sets no cookie, and
 * `GET /api/sessions` answers 401 unless the `vtex_session` cookie names a session it issued.
 * (The real service and the emulator also answer `?items=` with the session and set cookies.)
 */
export async function startDocFaithfulSessionManager(): Promise<DocFaithfulSessionManager> {
  const sessions = new Map<string, Session>()
  const requests: string[] = []
  const server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`)
    const json = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname
    const sessionCookie = cookiePairs(request.headers.cookie).find(([name]) => name === 'vtex_session')?.[1]
    if (path === '/api/sessions' && request.method === 'POST') {
      request.resume().on('end', () => {
        const id = randomUUID()
        const sessionToken = encodeSessionToken(id, 'doc-faithful')
        sessions.set(sessionToken, { id, namespaces: { store: { channel: { value: '1' } } } })
        json(200, { sessionToken, segmentToken: encodeSegmentToken(SEGMENT) })
      })
      return
    }
    const session = sessionCookie === undefined ? undefined : sessions.get(sessionCookie)
    if (path === '/api/sessions' && request.method === 'GET') return void (session ? json(200, session) : json(401, { error: 'no session' }))
    json(404, { error: 'not found' })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
