import { delay, http, HttpResponse, type HttpHandler, type JsonBodyType } from 'msw'
import type { Session } from '../core/types'
import { defaultCampaignAudiences, defaultTradePolicies, tradePolicyRefusal, type CampaignAudience, type ShopperProfile, type TradePolicy } from './commerce'
import { demoPricesFor } from './demoPrices'
import { createFaultQueue, type Fault, type FaultTarget } from './faults'
import { defaultRegions, type RegionRule } from './regions'
import { createSessionStore, defaultStoreSettings, type StoreSettings, type StoredSession } from './sessionStore'

/** Milliseconds to wait before answering: fixed, or chosen per request. */
export type Latency = number | ((request: { method: string; path: string }) => number)

export interface SessionManagerMockOptions {
  /** Origin the handlers answer on; `''` (default) is the page's own origin. */
  baseUrl?: string
  latency?: Latency
  /** Country + postal code / coordinates → regionId. Default: `defaultRegions`. */
  regions?: readonly RegionRule[]
  /** Trade policy, price tables, currency and locale of the emulated store. */
  store?: Partial<StoreSettings>
  /** Trade policies other than the store's default channel (`public.sc`). Default: `defaultTradePolicies`. */
  tradePolicies?: Readonly<Record<string, TradePolicy>>
  /** Campaign Audiences matched on UTM values. Default: `defaultCampaignAudiences`. */
  campaignAudiences?: readonly CampaignAudience[]
}

/** A request the emulator received, for assertions. */
export interface RecordedRequest {
  method: string
  /** Path and query string, e.g. `/api/sessions?items=*`. */
  path: string
  /** Parsed JSON body, if any. */
  body: unknown
}

export interface SessionManagerMock {
  /** msw handlers: `setupServer(...mock.handlers)` or `setupWorker(...mock.handlers)`. */
  handlers: HttpHandler[]
  /** Every request so far, oldest first. */
  readonly requests: readonly RecordedRequest[]
  /** Forget sessions, faults and recorded requests; stale cookies then start new sessions. */
  reset(): void
  /** Answer the next matching request(s) with a fault. */
  fail(fault: Fault, target?: FaultTarget): void
  /** Drop the faults not yet used. */
  clearFaults(): void
  setLatency(latency: Latency): void
  /** The session a `vtex_session` token names, as `GET ?items=*` would answer. */
  getSession(sessionToken: string): Session | undefined
  /**
   * Logs the session with this id in as a shopper: `profile` then carries their email and
   * B2B price tables, and the segment their price tables. False when there is no such session.
   */
  logIn(sessionId: string, profile: ShopperProfile): boolean
  logOut(sessionId: string): boolean
}

const SESSION_COOKIE = 'vtex_session'
const SEGMENT_COOKIE = 'vtex_segment'
// Fields a GET /api/segments query string may override in that answer only.
const SEGMENT_OVERRIDES = ['cultureInfo', 'utm_campaign', 'utm_source', 'utmi_campaign'] as const

/**
 * The VTEX Session Manager as msw handlers: sessions with cookies, `items` filtering,
 * regions from postal codes or coordinates, segment tokens, latency and faults —
 * plus `GET /api/demo/prices`, a demo catalog priced per segment (region, price table).
 */
export function createSessionManagerMock(options: SessionManagerMockOptions = {}): SessionManagerMock {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '')
  // A baseUrl may carry a path prefix (a proxy): recorded paths start at /api.
  const basePath = new URL(baseUrl || '/', 'http://localhost').pathname.replace(/\/$/, '')
  const settings = { ...defaultStoreSettings, ...options.store }
  const tradePolicies = options.tradePolicies ?? defaultTradePolicies
  const store = createSessionStore(options.regions ?? defaultRegions, settings, {
    tradePolicies,
    campaignAudiences: options.campaignAudiences ?? defaultCampaignAudiences,
  })
  const faults = createFaultQueue()
  let latency: Latency = options.latency ?? 0
  let requests: RecordedRequest[] = []

  /** Records, waits, then answers with an injected fault or the real handler's answer. */
  const answer =
    (respond: (request: Request, url: URL, cookies: Record<string, string>, params: Record<string, string>) => Promise<Response> | Response) =>
    async ({ request, cookies, params }: { request: Request; cookies: Record<string, string>; params: Record<string, unknown> }) => {
      const url = new URL(request.url)
      const pathname = url.pathname.slice(basePath.length)
      const path = decodeURIComponent(pathname + url.search)
      requests.push({ method: request.method, path, body: await readJson(request) })
      const wait = typeof latency === 'function' ? latency({ method: request.method, path }) : latency
      if (wait > 0) await delay(wait)
      return faults.take(request.method, pathname) ?? respond(request, url, cookies, params as Record<string, string>)
    }

  /** The cookie's session, or a new one (as the real API does for a request without a valid cookie). */
  function sessionFor(cookies: Record<string, string>): { session: StoredSession; created: boolean } {
    const found = store.find(cookies[SESSION_COOKIE])
    return found ? { session: found, created: false } : { session: store.create(), created: true }
  }

  /** A JSON answer that sets both cookies (msw reads Set-Cookie only from the init, not from headers added later). */
  function withCookies(body: JsonBodyType, session: StoredSession, status = 200): Response {
    const { sessionToken, segmentToken } = store.tokensOf(session)
    const headers = new Headers()
    // vtex_session first: msw's cookie store keeps only the first Set-Cookie intact.
    headers.append('Set-Cookie', `${SESSION_COOKIE}=${sessionToken}; Path=/; SameSite=Lax`)
    headers.append('Set-Cookie', `${SEGMENT_COOKIE}=${segmentToken}; Path=/; SameSite=Lax; HttpOnly`)
    return HttpResponse.json(body, { status, headers })
  }

  /** POST and PATCH: edit public fields (body `public` plus query string), answer tokens or the session. */
  async function writeSession(request: Request, url: URL, session: StoredSession, created: boolean): Promise<Response> {
    const fields = await publicFieldsOf(request)
    if (fields instanceof Response) return fields
    for (const [key, value] of url.searchParams) if (key !== 'items') fields[key] = value
    const refusal = fields.sc === undefined ? undefined : tradePolicyRefusal(tradePolicies, settings.channel, fields.sc, session.profile)
    if (refusal !== undefined) {
      // The whole write is refused: nothing of it is applied.
      return HttpResponse.json({ error: { message: `Trade policy ${fields.sc} is not available to this shopper` } }, { status: refusal })
    }
    store.edit(session, fields)
    const items = url.searchParams.get('items')
    const status = created && request.method === 'POST' ? 201 : 200
    const body = items === null ? store.tokensOf(session) : store.read(session, items)
    return withCookies(body, session, status)
  }

  const handlers = [
    http.get(`${baseUrl}/api/sessions`, answer((_request, url, cookies) => {
      const items = url.searchParams.get('items')
      if (!items) return HttpResponse.json({ error: { message: 'The items query parameter is required' } }, { status: 400 })
      const { session } = sessionFor(cookies)
      return withCookies(store.read(session, items), session)
    })),
    http.post(`${baseUrl}/api/sessions`, answer((request, url, cookies) => {
      const { session, created } = sessionFor(cookies)
      return writeSession(request, url, session, created)
    })),
    http.patch(`${baseUrl}/api/sessions`, answer((request, url, cookies) => {
      const { session, created } = sessionFor(cookies)
      return writeSession(request, url, session, created)
    })),
    http.post(`${baseUrl}/api/sessions/:sessionToken`, answer((request, url, _cookies, params) => {
      const session = store.find(params.sessionToken)
      if (!session) return HttpResponse.json({ error: { message: 'Session not found' } }, { status: 404 })
      return writeSession(request, url, session, false)
    })),
    http.get(`${baseUrl}/api/segments`, answer((_request, url, cookies) => {
      const { session } = sessionFor(cookies)
      return withCookies(withOverrides(store.segmentOf(session), url), session)
    })),
    http.get(`${baseUrl}/api/segments/:segmentToken`, answer((_request, url, _cookies, params) => {
      try {
        const segment: Record<string, unknown> = JSON.parse(atob(params.segmentToken ?? ''))
        return HttpResponse.json(withOverrides(segment, url))
      } catch {
        return HttpResponse.json({ error: { message: 'Invalid segment token' } }, { status: 400 })
      }
    })),
    // Not part of the Session Manager: a demo catalog price endpoint that answers per segment.
    http.get(`${baseUrl}/api/demo/prices`, answer((_request, _url, cookies) => {
      const { session } = sessionFor(cookies)
      return withCookies(demoPricesFor(store.segmentOf(session)) as unknown as JsonBodyType, session)
    })),
  ]

  return {
    handlers,
    get requests() {
      return requests
    },
    reset() {
      store.clear()
      faults.clear()
      requests = []
      latency = options.latency ?? 0
    },
    fail: faults.add,
    clearFaults: faults.clear,
    setLatency(next) {
      latency = next
    },
    getSession(sessionToken) {
      const session = store.find(sessionToken)
      return session && store.read(session, '*')
    },
    logIn: (sessionId, profile) => store.setProfile(sessionId, profile),
    logOut: (sessionId) => store.setProfile(sessionId, undefined),
  }
}

function withOverrides<T extends Record<string, unknown>>(segment: T, url: URL): T {
  const result: Record<string, unknown> = { ...segment }
  for (const field of SEGMENT_OVERRIDES) {
    const value = url.searchParams.get(field)
    if (value !== null) result[field] = value
  }
  return result as T
}

async function readJson(request: Request): Promise<unknown> {
  if (request.method === 'GET') return undefined
  try {
    return await request.clone().json()
  } catch {
    return undefined
  }
}

/** Only `public` counts; other namespaces are ignored, as on the real API. */
async function publicFieldsOf(request: Request): Promise<Record<string, string> | Response> {
  const body = await readJson(request)
  const publicNamespace = (body as { public?: unknown } | undefined)?.public
  if (typeof publicNamespace !== 'object' || publicNamespace === null) {
    return HttpResponse.json({ error: { message: 'The body must be {"public":{"name":{"value":"…"}}}' } }, { status: 400 })
  }
  const fields: Record<string, string> = {}
  for (const [key, entry] of Object.entries(publicNamespace)) {
    const value = (entry as { value?: unknown } | null)?.value
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[key] = String(value)
  }
  return fields
}
