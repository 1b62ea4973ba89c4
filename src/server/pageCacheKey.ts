import { decodeSegmentToken } from '../core/tokens'
import type { Segment } from '../core/types'
import { readCookie } from './cookies'

/**
 * The segment fields a shared page is priced, translated and filtered with, in the one order the
 * page cache key lists them. A CDN computes the same key from the `vtex_segment` cookie
 * (`examples/cdn/varnish.vcl` does it in VCL), so both must change together.
 */
export const PAGE_KEY_FIELDS = [
  'channel',
  'channelPrivacy',
  'cultureInfo',
  'currencyCode',
  'countryCode',
  'regionId',
  'priceTables',
  'campaigns',
  'utm_source',
  'utm_campaign',
  'utmi_campaign',
  'facets',
] as const

/**
 * The keys of the segment's `facets` left out of the key and of the page: a shopper's own postal
 * code and GPS fix (written by the delivery promise). What they do to prices the segment's
 * `regionId` already says; the browser adds them to its own search after hydration. Also left out:
 * `currencySymbol` (the currency code names it, and `R$` or `€` are no text a CDN can key) and
 * every field not in `PAGE_KEY_FIELDS`.
 */
export const PERSONAL_FACETS = ['zip-code', 'coordinates'] as const

/** The key of a page for a visitor with no (readable) segment: the store's default segment's page. */
export const DEFAULT_PAGE_KEY = 'default'

/**
 * A value a key may hold as it is, byte for byte the same in a CDN's decoding (no JSON escape, no
 * key separator `&`). Anything else makes the page personal: rare, and never wrong.
 */
const KEYABLE = /^[A-Za-z0-9 ._:;,=+/@-]*$/

/** Why a request gets a page of its own (`private, no-store`) rather than the shared one. */
export type PersonalReason = 'logged-in' | 'private-sales-channel' | 'unkeyable-segment'

/** What a page request is, from its cookies alone (what a CDN sees): shared under a key, or personal. */
export type PageKind = { kind: 'shared'; cacheKey: string; segment: Segment | undefined } | { kind: 'personal'; reason: PersonalReason }

/** The `facets` text without the shopper's own place, its other entries in their order. */
export const sharedFacetsOf = (facets: string): string =>
  facets
    .split(';')
    .filter((entry) => entry !== '' && !PERSONAL_FACETS.some((key) => entry.startsWith(`${key}=`)))
    .join(';')

/**
 * The segment a shared page is rendered with: the key's fields and nothing else, so the page is a
 * function of its key (no unknown field, no shopper's postal code or coordinates can reach it).
 */
export function pageSegmentOf(segment: Segment): Segment {
  const page: Segment = {}
  for (const field of PAGE_KEY_FIELDS) {
    const value = segment[field]
    const text = typeof value !== 'string' ? '' : field === 'facets' ? sharedFacetsOf(value) : value
    // Empty and absent are one key value (`regionId=`), so one page value: null.
    page[field] = text === '' ? null : text
  }
  return page
}

/**
 * The page cache key of a segment: `channel=1&channelPrivacy=public&cultureInfo=pt-BR&…` in
 * `PAGE_KEY_FIELDS` order, an absent or `null` field empty; `undefined` when a value cannot be keyed
 * (not text, or a character outside `[A-Za-z0-9 ._:;,=+/@-]`). Equal keys price equal pages.
 */
export function pageCacheKeyOf(segment: Segment): string | undefined {
  const parts: string[] = []
  for (const field of PAGE_KEY_FIELDS) {
    const value = segment[field] ?? ''
    if (typeof value !== 'string' || !KEYABLE.test(value)) return undefined
    parts.push(`${field}=${field === 'facets' ? sharedFacetsOf(value) : value}`)
  }
  return parts.join('&')
}

/** VTEX ID's access token cookie (`VtexIdclientAutCookie_{account}`, and the older unsuffixed one). */
const SIGNED_IN = /(?:^|;)\s*VtexIdclientAutCookie[^=]*=/

/** Standard base64 with its padding: what a CDN decodes (anything else is no segment to it). */
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/**
 * The segment of a `vtex_segment` token; `undefined` when it is no segment at all (not base64, not
 * a JSON object: no segment), `null` when it is a JSON object that breaks the segment's shape.
 */
function segmentOfToken(token: string): Segment | undefined | null {
  try {
    return decodeSegmentToken(token)
  } catch {
    return STRICT_BASE64.test(token) && atob(token).trimStart().startsWith('{') ? null : undefined
  }
}

/**
 * What kind of page a request's cookies call for, decided as a CDN decides it (the recipe in
 * docs/server-rendering.md): signed in (VTEX ID's cookie) or a private sales channel is personal;
 * otherwise the page is shared under the key of the `vtex_segment` cookie — the default page's
 * when there is none or it does not decode. Reads no session: a shared page never depends on one.
 */
export function pageKindOf(cookieHeader: string | null | undefined): PageKind {
  if (SIGNED_IN.test(cookieHeader ?? '')) return { kind: 'personal', reason: 'logged-in' }
  const token = readCookie(cookieHeader, 'vtex_segment')
  const segment = token === undefined ? undefined : segmentOfToken(token)
  if (segment === null) return { kind: 'personal', reason: 'unkeyable-segment' }
  if (segment === undefined) return { kind: 'shared', cacheKey: DEFAULT_PAGE_KEY, segment: undefined }
  if (segment.channelPrivacy === 'private') return { kind: 'personal', reason: 'private-sales-channel' }
  const cacheKey = pageCacheKeyOf(segment)
  return cacheKey === undefined ? { kind: 'personal', reason: 'unkeyable-segment' } : { kind: 'shared', cacheKey, segment: pageSegmentOf(segment) }
}
