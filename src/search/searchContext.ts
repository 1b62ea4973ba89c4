import { facetsTextOf, parseFacets } from '../core/deliveryFacets'
import { readSessionValue } from '../core/readSessionValue'
import { postalCodeKey } from '../core/regionInput'
import { placeOf } from '../core/sessionPlace'
import type { Segment, Session } from '../core/types'

// Wire format: VTEX, "Migrating to Intelligent Search API v1", Step 3's table of which segment field
// goes to which endpoint (https://developers.vtex.com/docs/guides/migrating-to-intelligent-search-api-v1),
// and each endpoint's parameters in the API reference
// (https://developers.vtex.com/docs/api-reference/intelligent-search-api-v1). v1 reads no
// `vtex_segment` cookie: every input of the shopper's context is a query parameter or a path facet.

/** The Intelligent Search v1 endpoints a storefront prices through. */
export type SearchEndpoint = 'product-search' | 'facets' | 'products' | 'pickup-point-availability'

const EVERY_ENDPOINT: readonly SearchEndpoint[] = ['product-search', 'facets', 'products', 'pickup-point-availability']
const REGIONAL: readonly SearchEndpoint[] = ['product-search', 'facets', 'products']
const PRICED: readonly SearchEndpoint[] = ['product-search', 'products']
/** The endpoints the segment's other `facets` keys go to, as path facets (pickup-point-availability is not one). */
const PATH_FACETS: readonly SearchEndpoint[] = ['product-search', 'facets']

/** The keys of the segment's `facets` text that v1 takes as query parameters; every other key is a path facet. */
const DELIVERY_KEYS = ['zip-code', 'coordinates', 'country', 'pickupPoint', 'deliveryZonesHash', 'pickupPointsHash'] as const

/**
 * Every query parameter v1 reads from the context, in the one order they are written, with the
 * endpoints that take it. The order is fixed, so equal contexts give byte-identical URLs.
 */
const PARAMETERS: ReadonlyArray<readonly [name: string, endpoints: readonly SearchEndpoint[]]> = [
  ['locale', EVERY_ENDPOINT],
  ['sc', EVERY_ENDPOINT],
  ['regionId', REGIONAL],
  ['priceTables', PRICED],
  ['campaigns', PRICED],
  ['utmSource', PRICED],
  ['utmCampaign', PRICED],
  ['utmiCampaign', PRICED],
  // The delivery promise places every endpoint, a product page included.
  ...DELIVERY_KEYS.map((key) => [key, EVERY_ENDPOINT] as const),
]

/**
 * The shopper's search context: what Intelligent Search v1 needs to price and place results as
 * the segment does. Plain strings, equal for equal segments, so it can key a query as it is.
 */
export interface SearchContext {
  /** Query parameters by name, every one non-empty (see `searchQueryOf` for one endpoint's). */
  params: Readonly<Record<string, string>>
  /** The path facets (`key/value/…`, each part URL-encoded): every `facets` key that is not a query parameter, in the segment's order (see `searchPathOf` for one endpoint's). */
  facets: string
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined)

/** Whether a text can be one segment of a URL path as it is: not empty, no "/", not "." or ".." (dot segments). */
export const isPathSegment = (part: string): boolean => part !== '' && !part.includes('/') && part !== '.' && part !== '..'

/**
 * The search context of a segment. `cultureInfo` → `locale`, `channel` → `sc`, `regionId`,
 * `priceTables`, `campaigns`, `utm_source` → `utmSource`, `utm_campaign` → `utmCampaign`,
 * `utmi_campaign` → `utmiCampaign`; of its `facets`, the delivery promise's keys become query
 * parameters and the rest path facets. The segment's `countryCode` is the `country` (it wins over
 * the `country` of `facets`).
 *
 * With the session the segment describes, its region is the place: `zip-code` (else
 * `coordinates`) come from its postal code (else coordinates), as the delivery promise writes them,
 * because `facets` is written only by the app and may still name the place before a region change.
 * What `facets` says of a place (its coordinates, a pickup point, the expiring hashes) goes only
 * beside that place: after a region change to elsewhere, it is left out.
 */
export function searchContextOf(segment: Segment, session?: Session): SearchContext {
  const values = new Map<string, string | undefined>([
    ['locale', text(segment.cultureInfo)],
    ['sc', text(segment.channel)],
    // The session's own region id beside its place: a segment may be a write ahead of it.
    ['regionId', text(session && readSessionValue(session, 'checkout', 'regionId')) ?? text(segment.regionId)],
    ['priceTables', text(segment.priceTables)],
    ['campaigns', text(segment.campaigns)],
    ['utmSource', text(segment.utm_source)],
    ['utmCampaign', text(segment.utm_campaign)],
    ['utmiCampaign', text(segment.utmi_campaign)],
  ])
  const path: string[] = []
  for (const [key, value] of parseFacets(facetsTextOf(segment, session))) {
    if (!text(value)) continue
    if ((DELIVERY_KEYS as readonly string[]).includes(key)) values.set(key, text(value))
    // A segment's facet that cannot be a path segment (a dot segment) is left out: it would leave the search path.
    else if (isPathSegment(key) && isPathSegment(value)) path.push(encodeURIComponent(key), encodeURIComponent(value))
  }
  const place = session && placeOf(session)
  if (place) {
    // Where the facets were written: the same place when the postal code matches (else, for a
    // place set by coordinates, the coordinates). Hashes and a pickup point belong to that place.
    const facetsZip = values.get('zip-code')
    const coordinates = place.geoCoordinates?.join(',')
    const samePlace = place.postalCode ? facetsZip !== undefined && postalCodeKey(facetsZip) === postalCodeKey(place.postalCode) : values.get('coordinates') === coordinates
    if (!samePlace) {
      for (const key of ['pickupPoint', 'deliveryZonesHash', 'pickupPointsHash']) values.delete(key)
      values.set('coordinates', coordinates)
    }
    values.set('zip-code', place.postalCode)
    values.set('country', place.country)
  }
  values.set('country', text(segment.countryCode) ?? values.get('country'))
  const params: Record<string, string> = {}
  for (const [name] of PARAMETERS) {
    const value = values.get(name)
    if (value !== undefined) params[name] = value
  }
  return { params, facets: path.join('/') }
}

/** The query string one endpoint takes from a context, in the canonical order (`locale=pt-BR&sc=1&…`). */
export function searchQueryOf(context: SearchContext, endpoint: SearchEndpoint): string {
  const query = new URLSearchParams()
  for (const [name, endpoints] of PARAMETERS) {
    const value = context.params[name]
    if (value !== undefined && endpoints.includes(endpoint)) query.set(name, value)
  }
  return query.toString()
}

/** The path facets one endpoint takes from a context (`brand/acme`), or `''`. */
export const searchPathOf = (context: SearchContext, endpoint: SearchEndpoint): string => (PATH_FACETS.includes(endpoint) ? context.facets : '')
