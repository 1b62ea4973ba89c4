import { parseGoogleRegionId, type GoogleRegionProblem } from './googleRegionId'
import { toRegionFields, type RegionInput } from './regionInput'
import { placeOf, type SessionPlace } from './sessionPlace'
import type { PublicFieldValues, Session } from './types'

/**
 * Where a shopper's place may come from, in the order they are tried. Geolocation is not one of
 * them: it runs only when the shopper asks (`locate()`).
 */
export type RegionSource = 'session' | 'region_id' | 'saved-address' | 'store-default'

/** An address as the Checkout lists a logged-in shopper's (`availableAddresses`, `shippingData.address`). */
export interface SavedAddress {
  country?: string | null
  postalCode?: string | null
  /** `[longitude, latitude]`. */
  geoCoordinates?: readonly number[] | null
}

export interface RegionCandidates {
  /** The shopper's session: its own `country` + `postalCode` (or coordinates) win over everything. */
  session?: Session
  /** The page URL's `region_id` (a Google regional ad), as it came. */
  regionId?: string | null
  /** The logged-in shopper's saved addresses, the one to prefer first. */
  savedAddresses?: readonly SavedAddress[]
  /** The store's own default place. */
  storeDefault?: RegionInput
  /** The countries the store sells to; a `region_id` for another is ignored. */
  countries?: readonly string[]
}

/** A candidate that was there but could not be used, and why. */
export interface IgnoredSource {
  source: RegionSource
  reason: GoogleRegionProblem | string
}

export type RegionDecision =
  /** The session already has a place: nothing to write. */
  | { source: 'session'; place: SessionPlace; ignored: IgnoredSource[] }
  /** A place to write (the public fields `setRegion` would send), and where it came from. */
  | { source: Exclude<RegionSource, 'session'>; place: RegionInput; fields: PublicFieldValues; ignored: IgnoredSource[] }
  /** No source gave a place: the shopper must be asked (or `locate()`). */
  | { source: null; ignored: IgnoredSource[] }

/** The fields of a candidate, or why it is refused (the same checks as `setRegion`). */
function checked(place: RegionInput): { fields: PublicFieldValues } | { reason: string } {
  try {
    return { fields: toRegionFields(place) }
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error) }
  }
}

function savedPlace({ country, postalCode, geoCoordinates }: SavedAddress): RegionInput | undefined {
  if (!country) return undefined
  if (postalCode) return { country, postalCode }
  const [longitude, latitude] = geoCoordinates ?? []
  return longitude !== undefined && latitude !== undefined ? { country, geoCoordinates: [longitude, latitude] } : undefined
}

/**
 * Decides the shopper's place from its sources, in this order: the session's own place; a valid
 * `region_id`; the first usable saved address; the store's default. Every candidate is checked as
 * `setRegion` checks its input, and a refused one is listed in `ignored` and never replaces the
 * next: an invalid `region_id` cannot wipe a good region.
 */
export function resolveRegion({ session, regionId, savedAddresses = [], storeDefault, countries }: RegionCandidates): RegionDecision {
  const ignored: IgnoredSource[] = []
  const own = session && placeOf(session)
  if (own) return { source: 'session', place: own, ignored }

  const candidates: Array<[Exclude<RegionSource, 'session'>, RegionInput]> = []
  if (regionId) {
    const parsed = parseGoogleRegionId(regionId, countries)
    if ('region' in parsed) candidates.push(['region_id', parsed.region])
    else ignored.push({ source: 'region_id', reason: parsed.problem })
  }
  for (const address of savedAddresses) {
    const place = savedPlace(address)
    if (place) candidates.push(['saved-address', place])
  }
  if (storeDefault) candidates.push(['store-default', storeDefault])

  for (const [source, place] of candidates) {
    const result = checked(place)
    if ('fields' in result) return { source, place, fields: result.fields, ignored }
    ignored.push({ source, reason: result.reason })
  }
  return { source: null, ignored }
}
