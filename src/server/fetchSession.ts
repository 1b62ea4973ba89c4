import { createSessionClient, type SessionItems } from '../core/createSessionClient'
import { segmentKeyOf } from '../core/segmentKey'
import { SessionError } from '../core/SessionError'
import { decodeSegmentToken } from '../core/tokens'
import type { Segment, Session } from '../core/types'
import { readCookie, readSetCookie, vtexCookiesOnly } from './cookies'

export interface FetchSessionOptions {
  /** Absolute origin of the Session Manager, e.g. `https://mystore.vtexcommercestable.com.br`. */
  baseUrl: string
  /** The shopper's `Cookie` request header (only its VTEX cookies are forwarded). */
  cookie?: string | null
  /** Which values to read (default `*`, what `SessionProvider` loads). */
  items?: SessionItems
  fetch?: typeof fetch
  headers?: Record<string, string>
  timeoutMs?: number
}

export interface FetchedSession {
  session: Session
  segment: Segment
  /** Equal for shoppers with equal segments: vary a page cache by it, as VTEX does by `vtex_segment`. */
  segmentKey: string
  /** `Set-Cookie` values to pass on to the shopper's response (a new session, refreshed tokens). */
  setCookie: string[]
}

/**
 * Reads the shopper's session on the server: forwards their VTEX cookies, creates a session
 * (POST) when they have none, and returns the `Set-Cookie` values to pass on. The segment
 * comes from the `vtex_segment` token (set now or sent by the shopper) — no extra request.
 */
export async function fetchSession(options: FetchSessionOptions): Promise<FetchedSession> {
  if (!/^https?:\/\//.test(options.baseUrl)) {
    throw new SessionError('invalid-input', `fetchSession needs an absolute baseUrl (https://…), got "${options.baseUrl}"`)
  }
  const setCookie: string[] = []
  const baseFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const forwarded = vtexCookiesOnly(options.cookie)
  const client = createSessionClient({
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    headers: { ...options.headers, ...(forwarded ? { cookie: forwarded } : {}) },
    fetch: async (input, init) => {
      const response = await baseFetch(input, init)
      setCookie.push(...response.headers.getSetCookie())
      return response
    },
  })
  const items = options.items ?? '*'
  const session =
    readCookie(forwarded, 'vtex_session') === undefined
      ? await client.createSession({}, { items })
      : await client.getSession({ items })
  const segmentToken = readSetCookie(setCookie, 'vtex_segment') ?? readCookie(forwarded, 'vtex_segment')
  const segment = segmentToken === undefined ? await client.getSegment() : decodeSegmentToken(segmentToken)
  return { session, segment, segmentKey: segmentKeyOf(segment), setCookie }
}
