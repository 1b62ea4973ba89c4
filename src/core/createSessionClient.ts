import * as z from 'zod/mini'
import { parseResponse } from './parseResponse'
import { toPublicFieldValues, toRequestBody } from './publicFields'
import { requestJson, toRequestSettings, type RequestOptions, type RequestSettings } from './request'
import { segmentSchema, sessionSchema, sessionTokensSchema } from './schemas'
import type { PublicFieldValues, Segment, Session, SessionTokens } from './types'

export interface SessionClientOptions {
  /** Origin (and path prefix) of the Session Manager; `''` (default) is the page's own origin. */
  baseUrl?: string
  /** A `fetch` to use instead of the global one (SSR, tests, instrumentation). */
  fetch?: typeof fetch
  /** Extra headers for every request, e.g. `{ cookie }` on a server. */
  headers?: Record<string, string>
  /** Abort a request that has no answer after this many milliseconds (default 15 000). */
  timeoutMs?: number
}

/** Which session values to read: `'*'` for all, or `namespace.key` names. */
export type SessionItems = '*' | readonly string[]

export interface ReadOptions extends RequestOptions {
  items?: SessionItems
}

export interface SessionClient {
  readonly baseUrl: string
  /**
   * How this client sends requests (origin, fetch, headers, timeout). The Checkout and region
   * calls made beside the session reuse them: `createCheckoutClient(client.settings)`. Every
   * client `createSessionClient` makes has them; a client of your own may leave them out.
   */
  readonly settings?: RequestSettings
  /** `GET /api/sessions?items=…` (default `*`). */
  getSession(options?: ReadOptions): Promise<Session>
  /** `POST /api/sessions`: creates a session, or edits the one named by the cookie. */
  createSession(fields: PublicFieldValues, options?: RequestOptions): Promise<SessionTokens>
  /** `POST /api/sessions?items=…`: the same, answered with the session itself. */
  createSession(fields: PublicFieldValues, options: ReadOptions & { items: SessionItems }): Promise<Session>
  /** `PATCH /api/sessions`: edits public fields; answers with the new tokens (the segment token is the new segment). */
  editSession(fields: PublicFieldValues, options?: RequestOptions): Promise<SessionTokens>
  /** `PATCH /api/sessions?items=…`: edits, answered with the new session in the same round trip. */
  editSession(fields: PublicFieldValues, options: ReadOptions & { items: SessionItems }): Promise<Session>
  /** `GET /api/segments` (the cookie's segment) or `GET /api/segments/{segmentToken}`. */
  getSegment(options?: RequestOptions & { segmentToken?: string }): Promise<Segment>
}

const anyJson = z.unknown()

const isTokenAnswer = (answer: unknown): boolean =>
  typeof answer === 'object' && answer !== null && 'sessionToken' in answer && !('namespaces' in answer)

const itemsQuery = (items: SessionItems = '*'): string =>
  `?items=${items === '*' ? '*' : items.map(encodeURIComponent).join(',')}`

/** A framework-free client for the VTEX Session Manager API. Every failure is a `SessionError`. */
export function createSessionClient(options: SessionClientOptions = {}): SessionClient {
  const settings = toRequestSettings(options)

  async function write(method: 'POST' | 'PATCH', fields: PublicFieldValues, options: ReadOptions = {}) {
    // Checked before the request: bad input never reaches the network.
    // An edit needs a field; creating a session with none is how a server starts one.
    const body = toRequestBody(toPublicFieldValues(fields, { allowEmpty: method === 'POST' }))
    if (options.items === undefined) {
      return requestJson(settings, method, '/api/sessions', sessionTokensSchema, 'session token answer', { ...options, body })
    }
    const answer = await requestJson(settings, method, `/api/sessions${itemsQuery(options.items)}`, anyJson, 'session', { ...options, body })
    // The real Session Manager answers `?items=` with the session; the OpenAPI documents only the
    // tokens, and a Session Manager that answers so is read back (its cookies are set by now).
    return isTokenAnswer(answer) ? getSession(options) : parseResponse(sessionSchema, answer, 'session')
  }

  const getSession = (readOptions: ReadOptions = {}) =>
    requestJson(settings, 'GET', `/api/sessions${itemsQuery(readOptions.items)}`, sessionSchema, 'session', readOptions)

  return {
    baseUrl: settings.baseUrl,
    settings,
    getSession,
    createSession: ((fields: PublicFieldValues, writeOptions?: ReadOptions) =>
      write('POST', fields, writeOptions)) as SessionClient['createSession'],
    editSession: ((fields: PublicFieldValues, writeOptions?: ReadOptions) =>
      write('PATCH', fields, writeOptions)) as SessionClient['editSession'],
    getSegment: (segmentOptions = {}) => {
      const path = segmentOptions.segmentToken
        ? `/api/segments/${encodeURIComponent(segmentOptions.segmentToken)}`
        : '/api/segments'
      return requestJson(settings, 'GET', path, segmentSchema, 'segment', segmentOptions)
    },
  }
}
