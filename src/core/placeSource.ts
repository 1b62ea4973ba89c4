import { postalCodeKey } from './regionInput'
import type { RegionDecision, RegionSource } from './regionResolver'
import { placeOf, type SessionPlace } from './sessionPlace'
import type { Session } from './types'

/** Where the place shown came from: a resolver source, or the shopper (or another tab) since. */
export type PlaceSource = RegionSource | 'shopper'

/** One text per place: postal codes compared as the Session Manager does (`postalCodeKey`). */
const placeKey = (place: { country: string; postalCode?: string; geoCoordinates?: readonly number[] }): string =>
  `${place.country}:${place.postalCode ? postalCodeKey(place.postalCode) : String(place.geoCoordinates)}`

/**
 * Where a set place came from: the source a region policy wrote it from, while it is that place;
 * `session` while it is the place of the session as the page found it (before the shopper changed
 * anything); else the shopper's (or another tab's).
 */
export function sourceOf(place: SessionPlace, found: Session | undefined, decision?: RegionDecision): PlaceSource {
  if (decision && 'fields' in decision && placeKey(decision.place) === placeKey(place)) return decision.source
  const own = found && placeOf(found)
  return own && placeKey(own) === placeKey(place) ? 'session' : 'shopper'
}
