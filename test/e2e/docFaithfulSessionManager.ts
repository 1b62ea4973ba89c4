import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Session } from '../../src/core/types'
import { readCookie } from '../../src/server/cookies'
import { encodeSessionToken } from '../../src/testing/encodeTokens'

export interface DocFaithfulSessionManager {
  url: string
  /** `METHOD /path?query` of every request, in order. */
  requests: string[]
  close(): Promise<void>
}

interface OpenApiDocument {
  paths: { '/api/sessions': { post: { responses: { '201': { content: { 'application/json': { example: { segmentToken: string } } } } } } } }
}
// The segment token of the OpenAPI document's own example answer to POST /api/sessions.
const openApi = JSON.parse(readFileSync(new URL('../fixtures/session-manager-openapi.json', import.meta.url), 'utf8')) as OpenApiDocument
const SEGMENT_TOKEN = openApi.paths['/api/sessions'].post.responses['201'].content['application/json'].example.segmentToken

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
    const sessionCookie = readCookie(request.headers.cookie, 'vtex_session')
    if (path === '/api/sessions' && request.method === 'POST') {
      request.resume().on('end', () => {
        const id = randomUUID()
        const sessionToken = encodeSessionToken(id, 'doc-faithful')
        sessions.set(sessionToken, { id, namespaces: { store: { channel: { value: '1' } } } })
        json(201, { sessionToken, segmentToken: SEGMENT_TOKEN })
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
