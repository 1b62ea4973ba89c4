import * as z from 'zod/mini'
import { createSessionClient } from '../core/createSessionClient'
import { GOOGLE_REGION_PARAM, parseGoogleRegionId, type GoogleRegion } from '../core/googleRegionId'
import { requestJson, toRequestSettings } from '../core/request'
import type { Segment } from '../core/types'
import { pageKindOf, pageSegmentOf, type PersonalReason } from './pageCacheKey'
import { sharedPageHeaders, type PageCacheOptions } from './pageCachePolicy'
import { sessionForRequest, type SessionForRequest, type SessionForRequestOptions } from './sessionForRequest'

export interface PageForRequestOptions extends SessionForRequestOptions {
  /**
   * The store's default segment, for visitors without one (default: `GET /api/segments` asked
   * without cookies, on each render of that page — a CDN makes that rare).
   */
  defaultSegment?: Segment
}

/**
 * A page a shared cache may store: a function of its URL and `cacheKey` alone. It holds no session
 * (render it from `segment`, fill the browser's cache with `fillPageCache`), sets no cookie, and
 * its `headers` let a CDN keep it (`public, s-maxage`, the key in `x-page-cache-key`).
 */
export interface SharedPage {
  kind: 'shared'
  /** The page cache key of the request's `vtex_segment` (`'default'` without one): what the CDN keys by. */
  cacheKey: string
  /** What the page is priced with: the key's segment fields, with the URL's `region_id` region where it has none. */
  segment: Segment
  /** The URL's Google `region_id` place the page is priced for (the browser writes it after hydration), or `null`. */
  regionFromUrl: GoogleRegion | null
  headers: Headers
}

/** A page for one shopper (`private, no-store`): their session read, as `sessionForRequest` reads it. */
export interface PersonalPage extends SessionForRequest {
  kind: 'personal'
  reason: PersonalReason
}

export type PageForRequest = SharedPage | PersonalPage

const regionsAnswer = z.array(z.looseObject({ id: z.string() }))

/**
 * Which page a request gets, decided from its cookies as a CDN decides it (`pageKindOf`):
 *
 * - **shared** — anonymous shoppers on public sales channels, first visits included: no session is
 *   read or created; the page is priced from the `vtex_segment` cookie's key fields (or the default
 *   segment) and, for a segment without a region, the URL's `region_id`. The browser's
 *   `SessionProvider` then loads the shopper's own session.
 * - **personal** — signed in, a private sales channel, a segment that cannot be keyed: the whole
 *   session is read (`sessionForRequest`), the response is `private, no-store`, and it may set cookies.
 */
export async function pageForRequest(request: Request, options: PageForRequestOptions): Promise<PageForRequest> {
  const { defaultSegment, ...sessionOptions } = options
  const kind = pageKindOf(request.headers.get('cookie'))
  // A page with the session in it is `private, no-store` (sessionForRequest's headers say so).
  if (kind.kind === 'personal') return { ...(await sessionForRequest(request, sessionOptions)), kind: 'personal', reason: kind.reason }
  const settings = toRequestSettings({ baseUrl: options.baseUrl, fetch: options.fetch, headers: options.headers, timeoutMs: options.timeoutMs })
  const segment = kind.segment ?? pageSegmentOf(defaultSegment ?? (await createSessionClient(settings).getSegment()))
  const found = options.regionFromUrl === false ? undefined : parseGoogleRegionId(new URL(request.url).searchParams.get(GOOGLE_REGION_PARAM), options.countries)
  const regionFromUrl = found && 'region' in found && !segment.regionId ? found.region : null
  // The region is a refinement: a slow or failing Checkout API must not hold or fail the page. Then
  // the page is priced without it and kept by no cache (the browser writes the place and re-prices).
  const regionId = regionFromUrl && (await regionIdOf({ ...settings, timeoutMs: Math.min(settings.timeoutMs, REGION_TIMEOUT_MS) }, regionFromUrl, segment.channel).catch(() => undefined))
  const headers = new Headers(sharedPageHeaders(kind.cacheKey, options.pageCache))
  if (regionId === undefined) headers.set('Cache-Control', 'private, no-store')
  return { kind: 'shared', cacheKey: kind.cacheKey, segment: regionId ? { ...segment, regionId } : segment, regionFromUrl, headers }
}

/** How long a shared page waits for its URL's region (milliseconds). */
const REGION_TIMEOUT_MS = 2_000

/** The Checkout API's region for a place (`GET /api/checkout/pub/regions`), `null` where it has none. */
async function regionIdOf(settings: ReturnType<typeof toRequestSettings>, { country, postalCode }: GoogleRegion, channel: string | null | undefined): Promise<string | null> {
  const query = new URLSearchParams({ country, postalCode: postalCode.replace(/\D/g, '') })
  if (channel) query.set('sc', channel)
  const regions = await requestJson(settings, 'GET', `/api/checkout/pub/regions?${query}`, regionsAnswer, 'regions')
  return regions[0]?.id ?? null
}

export type { PageCacheOptions }
