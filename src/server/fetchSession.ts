import { createSessionClient, type SessionItems } from '../core/createSessionClient'
import { resolveRegion, type IgnoredSource, type RegionDecision } from '../core/regionResolver'
import { segmentKeyOf } from '../core/segmentKey'
import { SessionError } from '../core/SessionError'
import { decodeSegmentToken, decodeSessionTokenUnverified } from '../core/tokens'
import type { Segment, Session } from '../core/types'
import { forAppOrigin, isSendableHeaderValue, readCookie, readSetCookie, vtexCookiesOnly, withCookies } from './cookies'
import { tokenAnswerCookies } from './tokenAnswerCookies'

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
  /**
   * The domain the passed-on cookies belong to, e.g. `.mystore.com` to share them with its
   * subdomains. Default: none, so they belong to the host that sets them (the app's own).
   */
  cookieDomain?: string
  /**
   * The page URL's `region_id` (a Google regional ad). A shopper without a place of their own gets
   * it in the same request that creates their session, so the first HTML is regionalized; one who
   * has a place keeps it. An invalid one is ignored (`region.ignored` says why), nothing sent for it.
   */
  regionId?: string | null
  /** The countries the store sells to: a `region_id` for another is ignored. */
  countries?: readonly string[]
  /**
   * The page's sales channel, on a store with several: it goes as `?sc=` with the request that
   * creates the session or writes its region (VTEX's Google regional ads guide), so the region is
   * resolved in that channel. Digits only.
   */
  salesChannel?: string
}

export interface FetchedSession {
  session: Session
  segment: Segment
  /** Equal for shoppers with equal segments: vary a page cache by it, as VTEX does by `vtex_segment`. */
  segmentKey: string
  /**
   * `Set-Cookie` values to pass on to the shopper's response as they are: those that change what
   * the shopper holds (a new session, a new segment). A token re-issued for the same session or
   * segment is left out, so the page can be shared; the browser's own session requests refresh it.
   * The Session Manager's `Domain` is replaced by `cookieDomain` (default: none).
   */
  setCookie: string[]
  /**
   * Where the session's place came from: `'session'` (the shopper's own), `'region_id'` (applied
   * now), or `null` (none yet: the shopper must be asked); `ignored` lists a `region_id` refused.
   */
  region: { source: 'session' | 'region_id' | null; ignored: IgnoredSource[] }
}

/**
 * Reads the shopper's session on the server: forwards their VTEX cookies, creates a session
 * (one `POST ?items=*`) when they have none, and returns the `Set-Cookie` values to pass on.
 * Every shopper cookie is untrusted: the segment comes from the `vtex_segment` token (set now or
 * sent by the shopper) when it decodes — no extra request — and from the Session Manager when not.
 */
export async function fetchSession(options: FetchSessionOptions): Promise<FetchedSession> {
  if (!/^https?:\/\//.test(options.baseUrl)) {
    throw new SessionError('invalid-input', `fetchSession needs an absolute baseUrl (https://…), got "${options.baseUrl}"`)
  }
  // Checked before any request; the message names the header, never its value (it holds tokens).
  for (const [name, value] of Object.entries({ ...options.headers, cookie: options.cookie ?? '' })) {
    if (!isSendableHeaderValue(value)) {
      throw new SessionError('invalid-input', `The ${name} header holds a character that cannot be sent (CR, LF or another control character)`)
    }
  }
  if (options.salesChannel !== undefined && !/^\d+$/.test(options.salesChannel)) {
    throw new SessionError('invalid-input', `fetchSession's salesChannel is a sales channel id (digits), got "${options.salesChannel}"`)
  }
  const received: string[] = []
  let forwarded = vtexCookiesOnly(options.cookie)
  const baseFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const client = createSessionClient({
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    headers: options.headers,
    // The cookies a response sets go with the next request (a session created by a POST is read back),
    // and so do those a write answered with tokens only names in its body.
    fetch: async (input, init) => {
      const headers = { ...(init?.headers as Record<string, string>), ...(forwarded ? { cookie: forwarded } : {}) }
      const response = await baseFetch(inChannel(input, init?.method, options.salesChannel), { ...init, headers })
      const sent = response.headers.getSetCookie()
      const setCookie = [...sent, ...(await tokenAnswerCookies(init?.method, response, sent))]
      received.push(...setCookie)
      forwarded = withCookies(forwarded, setCookie)
      return response
    },
  })
  // With a region_id, the read must show whether the shopper has a place: its fields are read too.
  const asked = options.items ?? '*'
  const items: SessionItems = asked === '*' || !options.regionId ? asked : [...new Set([...asked, ...PLACE_ITEMS])]
  const candidates = { regionId: options.regionId, countries: options.countries }
  let session: Session
  let decision: RegionDecision
  if (readCookie(forwarded, 'vtex_session') === undefined) {
    // A new shopper has no place: the region_id's goes into the POST that creates the session.
    decision = resolveRegion(candidates)
    session = await client.createSession(decision.source === 'region_id' ? decision.fields : {}, { items })
  } else {
    // Only the session says whether a returning shopper has a place (a store without regions has
    // no regionId in any segment), so it is read first, and written only when it has none.
    session = await client.getSession({ items })
    decision = resolveRegion({ ...candidates, session })
    if (decision.source === 'region_id') session = await client.editSession(decision.fields, { items })
  }
  // The segment token the Session Manager just set, else the shopper's; one that does not decode
  // (corrupt, percent-encoded) is ignored and the Session Manager asked.
  const segmentToken = readSetCookie(received, 'vtex_segment') ?? readCookie(forwarded, 'vtex_segment')
  const segment = (segmentToken === undefined ? undefined : decodesAsSegment(segmentToken)) ?? (await client.getSegment())
  // What the shopper already holds needs no passing on (and would keep the page from being
  // shared): the same value, or a token re-issued for the same session or the same segment.
  const shopperCookies = vtexCookiesOnly(options.cookie)
  const changed = received.filter((header) => {
    const [name = '', ...rest] = (header.split(';')[0] ?? '').split('=')
    const held = readCookie(shopperCookies, name.trim())
    return held === undefined || !meansTheSame(name.trim(), held, rest.join('=').trim())
  })
  const region = { source: decision.source === 'session' || decision.source === 'region_id' ? decision.source : null, ignored: decision.ignored }
  return { session, segment, segmentKey: segmentKeyOf(segment), setCookie: forAppOrigin(changed, options.cookieDomain), region }
}

/** A write's URL with the page's sales channel (`?sc=`, digits), which the Session Manager adds to `public`. */
function inChannel(input: Parameters<typeof fetch>[0], method: string | undefined, salesChannel: string | undefined): Parameters<typeof fetch>[0] {
  if (salesChannel === undefined || method === undefined || method === 'GET' || typeof input !== 'string') return input
  return `${input}${input.includes('?') ? '&' : '?'}sc=${salesChannel}`
}

/** The public fields that say where a shopper is (`placeOf`). */
const PLACE_ITEMS = ['public.country', 'public.postalCode', 'public.geoCoordinates']

/**
 * Whether a new cookie provably says what the shopper's says. A token that does not decode (or a
 * session token without a session id) says nothing, so two of them never count as the same.
 */
function meansTheSame(name: string, held: string, received: string): boolean {
  const meaning = meaningOf(name, held)
  return meaning !== undefined && meaning === meaningOf(name, received)
}

/** What a cookie says: the session id of `vtex_session`, the segment of `vtex_segment`, else the value itself. */
function meaningOf(name: string, value: string): string | undefined {
  try {
    if (name === 'vtex_session') {
      const { id } = decodeSessionTokenUnverified(value)
      return typeof id === 'string' && id !== '' ? id : undefined
    }
    if (name === 'vtex_segment') return segmentKeyOf(decodeSegmentToken(value))
  } catch {
    return undefined
  }
  return value
}

const decodesAsSegment = (token: string): Segment | undefined => {
  try {
    return decodeSegmentToken(token)
  } catch {
    return undefined
  }
}
