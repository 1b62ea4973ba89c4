import { decodeSegmentToken } from '../core/tokens'
import type { Segment, Session } from '../core/types'
import { defaultCampaignAudiences, defaultSalesChannels, salesChannelRefusal, type CampaignAudience, type SalesChannelRule } from './commerce'
import { createAppCatalog } from './appCatalog'
import type { CatalogProduct } from './catalog'
import { catalogPricesFor } from './catalogPrices'
import { createCheckoutModel } from './checkoutModel'
import { demoStoreCatalog } from './demoPrices'
import { json, refusal } from './modelAnswers'
import { createSearchModel } from './searchModel'
import type { ModelRequest, ModelResponse } from './modelProtocol'
import { defaultPickupPoints, type PickupPointRule } from './pickupPoints'
import { defaultRegions, type RegionRule } from './regions'
import { createSessionStore, defaultStoreSettings, type StoreSettings, type StoredSession } from './sessionStore'

export interface SessionManagerModelOptions {
  /** Country + postal code / coordinates → regionId (and the address the Checkout API answers). */
  regions?: readonly RegionRule[]
  /** Default sales channel, price tables, currency and locale of the emulated store. */
  store?: Partial<StoreSettings>
  /** Sales channels other than the store's default one (`public.sc`). Default: `defaultSalesChannels`. */
  salesChannels?: Readonly<Record<string, SalesChannelRule>>
  /** @deprecated since 0.2: use `salesChannels` (which wins when both are given). */
  tradePolicies?: Readonly<Record<string, SalesChannelRule>>
  /** Campaign Audiences matched on UTM values. Default: `defaultCampaignAudiences`. */
  campaignAudiences?: readonly CampaignAudience[]
  /** The store's pickup points (`GET /api/checkout/pub/pickup-points`). Default: `defaultPickupPoints`. */
  pickupPoints?: readonly PickupPointRule[]
  /**
   * The products the cart sells and `/api/demo/prices` lists, prices in cents. Default: the demo
   * catalog (`demoCatalog`, priced by `demoPriceOf`). A bad one throws a SessionError `invalid-input`.
   */
  catalog?: readonly CatalogProduct[]
}

export const SESSION_COOKIE = 'vtex_session'
export const SEGMENT_COOKIE = 'vtex_segment'
// Fields a GET /api/segments query string may override in that answer only.
const SEGMENT_OVERRIDES = ['cultureInfo', 'utm_campaign', 'utm_source', 'utmi_campaign'] as const
// Query parameters of a POST/PATCH that are not public fields: `items` picks the answer, `an` is
// the account VTEX's router reads (what @vtex/api sends).
const NOT_FIELDS = new Set(['items', 'an'])

/**
 * The VTEX Session Manager (and the two Checkout calls session flows depend on) as one pure
 * model: request in, status + JSON body + cookies out. Every rule lives here once; the msw and
 * node-HTTP adapters only translate.
 */
export function createSessionManagerModel(options: SessionManagerModelOptions = {}) {
  const settings = { ...defaultStoreSettings, ...options.store }
  const regions = options.regions ?? defaultRegions
  // The deprecated `tradePolicies` still works for one minor version; the new name wins.
  const salesChannels = options.salesChannels ?? options.tradePolicies ?? defaultSalesChannels
  const pickupPoints = options.pickupPoints ?? defaultPickupPoints
  const catalog =
    options.catalog === undefined
      ? demoStoreCatalog
      : createAppCatalog(options.catalog, { regionIds: new Set(regions.map(({ regionId }) => regionId)), pickupPointIds: new Set(pickupPoints.map(({ id }) => id)) })
  const checkout = createCheckoutModel({ regions, pickupPoints, catalog, accountName: settings.accountName })
  const campaignAudiences = options.campaignAudiences ?? defaultCampaignAudiences
  const store = createSessionStore(regions, settings, { salesChannels, campaignAudiences })
  const search = createSearchModel({ catalog, pickupPoints, campaignAudiences })

  /** The cookie's session, or a new one (as the real API does for a request without a valid cookie). */
  function sessionFor(cookies: ModelRequest['cookies']): { session: StoredSession; created: boolean } {
    const found = store.find(cookies[SESSION_COOKIE])
    return found ? { session: found, created: false } : { session: store.create(), created: true }
  }

  /** An answer that sets both cookies, `vtex_session` first (msw's cookie store keeps only the first intact). */
  function withCookies(body: unknown, session: StoredSession, status = 200): ModelResponse {
    const { sessionToken, segmentToken } = store.tokensOf(session)
    return {
      status,
      body,
      setCookie: [`${SESSION_COOKIE}=${sessionToken}; Path=/; SameSite=Lax`, `${SEGMENT_COOKIE}=${segmentToken}; Path=/; SameSite=Lax; HttpOnly`],
    }
  }

  /**
   * POST and PATCH: public fields from the body's `public` (other namespaces ignored; an empty or
   * `public`-less body is no field) plus the query string (OpenAPI: query parameters are added
   * to `public`), as FastStore's ValidateSession sends them with body `{}`.
   */
  function writeSession(request: ModelRequest, session: StoredSession, created: boolean): ModelResponse {
    const fields = publicFieldsOf(request.bodyText)
    if (fields === undefined) return refusal(400, 'The body must be JSON: {"public":{"name":{"value":"…"}}}')
    for (const [key, value] of request.query) if (!NOT_FIELDS.has(key)) fields[key] = value
    const refused = fields.sc === undefined ? undefined : salesChannelRefusal(salesChannels, settings.channel, fields.sc, session.profile)
    // The whole write is refused: nothing of it is applied.
    if (refused !== undefined) return refusal(refused, `Sales channel ${fields.sc} is not available to this shopper`)
    store.edit(session, fields)
    const items = request.query.get('items')
    const status = created && request.method === 'POST' ? 201 : 200
    return withCookies(items === null ? store.tokensOf(session) : store.read(session, items), session, status)
  }


  function handle(request: ModelRequest): ModelResponse | undefined {
    // Intelligent Search v1 reads no cookie: it is answered before any session is looked up.
    const searched = search.handle(request)
    if (searched) return searched
    const { method, query } = request
    const parts = request.path.split('/').slice(1).map(decodeURIComponent)
    const route = `${method} /${parts.slice(0, 2).join('/')}`
    const [, , named, ...rest] = parts
    if (route === 'GET /api/sessions' && named === undefined) {
      const items = query.get('items')
      if (!items) return refusal(400, 'The items query parameter is required')
      const { session } = sessionFor(request.cookies)
      return withCookies(store.read(session, items), session)
    }
    if ((route === 'POST /api/sessions' || route === 'PATCH /api/sessions') && named === undefined) {
      const { session, created } = sessionFor(request.cookies)
      return writeSession(request, session, created)
    }
    if (route === 'POST /api/sessions' && named !== undefined && rest.length === 0) {
      // The overview guide's `POST /api/sessions/{sessionToken}`: edits the session the path names.
      const session = store.find(named)
      return session ? writeSession(request, session, false) : refusal(404, 'Session not found')
    }
    if (route === 'GET /api/segments' && named === undefined) {
      const { session } = sessionFor(request.cookies)
      return withCookies(withOverrides(store.segmentOf(session), query), session)
    }
    if (route === 'GET /api/segments' && rest.length === 0) {
      try {
        // The token is base64 of UTF-8 JSON ("promoção" survives), decoded like the library decodes it.
        return json(withOverrides(decodeSegmentToken(named ?? ''), query))
      } catch {
        return refusal(400, 'Invalid segment token')
      }
    }
    if ((method === 'GET' || method === 'POST') && parts[1] === 'checkout' && parts[2] === 'pub') {
      // The cart is priced for the shopper the session cookie names; without one, for a new shopper.
      const session = store.find(request.cookies[SESSION_COOKIE]) ?? { id: '', publicFields: {} }
      const shopper = { segment: store.segmentOf(session), profile: session.profile }
      return checkout.handle({ method, parts: parts.slice(3), query, cookies: request.cookies, bodyText: request.bodyText, shopper })
    }
    return undefined
  }

  return {
    handle,
    /** The session a `vtex_session` token names, as `GET ?items=*` would answer. */
    getSession(sessionToken: string): Session | undefined {
      const session = store.find(sessionToken)
      return session && store.read(session, '*')
    },
    /**
     * An extra route's answer (e.g. the demo prices): `answer` gets the segment of the session the
     * cookie names (a new one if none), and the reply sets that same session's cookies.
     */
    answerWithSegment(cookies: ModelRequest['cookies'], answer: (segment: Segment) => unknown): ModelResponse {
      const { session } = sessionFor(cookies)
      return withCookies(answer(store.segmentOf(session)), session)
    },
    /** The catalog priced for a segment, as the cart prices it (for extra routes such as `demoPricesRoute`). */
    pricesFor: (segment: Segment) => catalogPricesFor(catalog, pickupPoints, segment),
    /** Logs the session with this id in (a profile) or out (`undefined`); false if there is none. */
    setProfile: store.setProfile,
    reset(): void {
      store.clear()
      checkout.reset()
    },
  }
}

export type SessionManagerModel = ReturnType<typeof createSessionManagerModel>

function withOverrides<T extends Record<string, unknown>>(segment: T, query: URLSearchParams): T {
  const result: Record<string, unknown> = { ...segment }
  for (const field of SEGMENT_OVERRIDES) {
    const value = query.get(field)
    if (value !== null) result[field] = value
  }
  return result as T
}

/** The `public` fields of a POST/PATCH body; `undefined` for a body that is not JSON (or not an object). */
function publicFieldsOf(bodyText: string | undefined): Record<string, string> | undefined {
  let body: unknown = {}
  if (bodyText !== undefined && bodyText.trim() !== '') {
    try {
      body = JSON.parse(bodyText)
    } catch {
      return undefined
    }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined
  const publicNamespace = (body as { public?: unknown }).public ?? {}
  if (typeof publicNamespace !== 'object' || publicNamespace === null) return undefined
  const fields: Record<string, string> = {}
  for (const [key, entry] of Object.entries(publicNamespace)) {
    const value = (entry as { value?: unknown } | null)?.value
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[key] = String(value)
  }
  return fields
}
