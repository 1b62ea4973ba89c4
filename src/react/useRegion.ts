import { useCallback } from 'react'
import { currentCoordinates } from '../core/geolocation'
import { readSessionValue } from '../core/readSessionValue'
import { toCountry, toRegionFields, type RegionInput } from '../core/regionInput'
import type { Session } from '../core/types'
import { readStateOf, type ReadState, type WriteState } from './readState'
import { useSessionQuery } from './useSessionQuery'
import { useSessionWrite } from './useSessionWrite'

export interface Region {
  /** `checkout.regionId` (`v2.…`), set by the Session Manager from country + postal code or coordinates. */
  regionId: string | undefined
  postalCode: string | undefined
  country: string | undefined
}

export interface UseRegionResult extends Region, ReadState, WriteState {
  /** Checks the input (postal-code format per country) before any request, then re-prices in place. */
  setRegion: (input: RegionInput) => Promise<void>
  /**
   * Asks the browser where the shopper is and sets the region by those coordinates, in
   * `country` (default: the session's). Permission refused is an `invalid-input` error;
   * no position (no API, no fix, timeout) is a `network` error.
   */
  locate: (country?: string) => Promise<void>
}

const selectRegion = (session: Session): Region => ({
  regionId: readSessionValue(session, 'checkout', 'regionId'),
  postalCode: readSessionValue(session, 'public', 'postalCode'),
  country: readSessionValue(session, 'public', 'country'),
})

/** `locate(country)` travels through the same write as `setRegion` (as a function that finds the input), so it shares its state. */
type RegionRequest = RegionInput | (() => Promise<RegionInput>)

const toFields = async (request: RegionRequest) => toRegionFields(typeof request === 'function' ? await request() : request)

/** The shopper's region, `setRegion` to change it by postal code or coordinates, and `locate`. */
export function useRegion(): UseRegionResult {
  const region = useSessionQuery('useRegion', selectRegion)
  const { write, ...writeState } = useSessionWrite('useRegion', toFields)
  const country = region.data?.country
  const locate = useCallback(
    (inCountry = country) =>
      // The country is checked before the browser asks the shopper anything.
      write(async () => ({ country: toCountry(inCountry), geoCoordinates: await currentCoordinates() })),
    [write, country],
  )
  return {
    regionId: region.data?.regionId,
    postalCode: region.data?.postalCode,
    country,
    setRegion: write,
    locate,
    ...readStateOf(region),
    ...writeState,
  }
}
