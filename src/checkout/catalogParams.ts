import { readSessionValue } from '../core/readSessionValue'
import type { Segment, Session } from '../core/types'
import { deliveryPromiseOf, facetsTextOf } from '../core/deliveryFacets'
import { placeOf } from './shippingTarget'

/**
 * What an Intelligent Search request (`/api/io/_v/api/intelligent-search/product_search/{facets}?…`)
 * needs from the shopper's session: the facets path and the query string. Both are plain strings,
 * equal for equal segments, so they can key a query as they are.
 */
export interface CatalogParams {
  /** e.g. `trade-policy/1/region-id/v2.…/shipping/pickup-in-point/pickupPoint/store-7` */
  facets: string
  /** e.g. `locale=pt-BR&zip-code=22250040&coordinates=-43.18,-22.94` */
  query: string
}

/**
 * @deprecated For the legacy Intelligent Search API (`/api/io/_v/api/intelligent-search/…`) only,
 * which reads price tables, campaigns and UTM from the `vtex_segment` cookie. VTEX's v1 reads no
 * cookie: use `searchContextOf(segment, session)` from `vtex-session-react/search`, which sends them.
 * Kept while VTEX still serves the legacy API; removed in the next major version.
 *
 * The Intelligent Search parameters for this shopper. Names from VTEX's documentation:
 * the `trade-policy` and `region-id` facets (the ones FastStore's search client sends), `locale`,
 * and the delivery promise's `zip-code` and `coordinates` query strings with the `shipping`
 * (`delivery` | `pickup-in-point`) and `pickupPoint` facets —
 * https://developers.vtex.com/docs/guides/delivery-promise-for-headless-stores
 * With a session, its region is the place (postal code, else coordinates) and its region id the
 * `region-id`: both from one object, so they never describe two server states (a segment may be
 * a write ahead of the session it came with). Price tables, campaigns and UTM have no Intelligent
 * Search parameter: search reads them from the `vtex_segment` cookie.
 */
export function catalogParamsOf(segment: Segment, session?: Session): CatalogParams {
  const facets: string[] = []
  const query = new URLSearchParams()
  const regionId = (session && readSessionValue(session, 'checkout', 'regionId')) || segment.regionId
  if (segment.channel) facets.push('trade-policy', segment.channel)
  if (regionId) facets.push('region-id', regionId)
  const promise = deliveryPromiseOf(facetsTextOf(segment, session))
  // The session's region is the place; the facets' own zip-code may lag behind a region change.
  const place = session && placeOf(session)
  const postalCode = place ? place.postalCode : promise.postalCode
  const coordinates = place ? place.geoCoordinates : promise.coordinates
  if (postalCode || coordinates) facets.push('shipping', promise.method === 'pickup' ? 'pickup-in-point' : 'delivery')
  if (promise.pickupPoint) facets.push('pickupPoint', promise.pickupPoint)
  if (segment.cultureInfo) query.set('locale', segment.cultureInfo)
  if (postalCode) query.set('zip-code', postalCode)
  if (coordinates) query.set('coordinates', coordinates.join(','))
  return { facets: facets.map(encodeURIComponent).join('/'), query: query.toString() }
}
