import { delay, http, HttpResponse, type HttpHandler, type JsonBodyType } from 'msw'
import { cookiePairs } from '../core/cookiePairs'
import type { Session } from '../core/types'
import type { CatalogProduct } from './catalog'
import type { CampaignAudience, ShopperProfile, TradePolicy } from './commerce'
import { createFaultQueue, type Fault, type FaultTarget } from './faults'
import type { PickupPointRule } from './pickupPoints'
import type { RegionRule } from './regions'
import type { EmulatorRoute, EmulatorRouteContext, ModelResponse } from './modelProtocol'
import { createSessionManagerModel } from './sessionManagerModel'
import type { StoreSettings } from './sessionStore'

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
  /** The store's pickup points (`GET /api/checkout/pub/pickup-points`). Default: `defaultPickupPoints`. */
  pickupPoints?: readonly PickupPointRule[]
  /** The products the cart sells and `/api/demo/prices` lists, prices in cents. Default: the demo catalog. */
  catalog?: readonly CatalogProduct[]
  /** Endpoints beside the Session Manager's, e.g. `demoPricesRoute` (recorded, delayed and faulted like the rest). */
  routes?: readonly EmulatorRoute[]
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
  /** The same emulator as a fetch handler (for a node server, a proxy): undefined for a path it does not serve. */
  respond(request: Request, cookies?: Record<string, string>): Promise<Response | undefined>
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

/**
 * The VTEX Session Manager (and the Checkout calls session flows make) as msw handlers over the
 * one model (`createSessionManagerModel`): this adapter adds what a test controls — recorded
 * requests, latency and faults — and the extra `routes` an app adds (e.g. `demoPricesRoute`).
 */
export function createSessionManagerMock(options: SessionManagerMockOptions = {}): SessionManagerMock {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '')
  // A baseUrl may carry a path prefix (a proxy): recorded paths start at /api.
  const basePath = new URL(baseUrl || '/', 'http://localhost').pathname.replace(/\/$/, '')
  const model = createSessionManagerModel(options)
  const routeContext: EmulatorRouteContext = { pricesFor: model.pricesFor }
  const faults = createFaultQueue()
  let latency: Latency = options.latency ?? 0
  let requests: RecordedRequest[] = []

  /** Records, waits, then answers with an injected fault or the model's answer (undefined: not ours). */
  async function respond(request: Request, cookies: Record<string, string> = cookiesOf(request)): Promise<Response | undefined> {
    const url = new URL(request.url)
    const pathname = url.pathname.slice(basePath.length)
    if (!pathname.startsWith('/api/')) return undefined
    const path = decodeURIComponent(pathname + url.search)
    const bodyText = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.clone().text()
    requests.push({ method: request.method, path, body: parseJson(bodyText) })
    const wait = typeof latency === 'function' ? latency({ method: request.method, path }) : latency
    if (wait > 0) await delay(wait)
    const fault = faults.take(request.method, pathname)
    if (fault) return fault
    const route = options.routes?.find(({ method, path: routePath }) => method === request.method && routePath === pathname)
    const answer = route
      ? model.answerWithSegment(cookies, (segment) => route.answer(segment, url.searchParams, routeContext))
      : model.handle({ method: request.method, path: pathname, query: url.searchParams, cookies, bodyText })
    return answer && toResponse(answer)
  }

  // msw hands the cookies it keeps for the page (its own store, as a browser would) to the resolver.
  const handlers = [http.all(`${baseUrl}/api/*`, ({ request, cookies }) => respond(request, cookies))]

  return {
    handlers,
    respond,
    get requests() {
      return requests
    },
    reset() {
      model.reset()
      faults.clear()
      requests = []
      latency = options.latency ?? 0
    },
    fail: faults.add,
    clearFaults: faults.clear,
    setLatency(next) {
      latency = next
    },
    getSession: model.getSession,
    logIn: (sessionId, profile) => model.setProfile(sessionId, profile),
    logOut: (sessionId) => model.setProfile(sessionId, undefined),
  }
}

function toResponse({ status, body, setCookie }: ModelResponse): Response {
  // msw reads Set-Cookie only from the init, not from headers added later.
  const headers = new Headers()
  for (const cookie of setCookie) headers.append('Set-Cookie', cookie)
  return HttpResponse.json(body as JsonBodyType, { status, headers })
}

const cookiesOf = (request: Request): Record<string, string> => Object.fromEntries(cookiePairs(request.headers.get('cookie')))

function parseJson(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
