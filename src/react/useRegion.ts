import { readSessionValue } from '../core/readSessionValue'
import { toRegionFields, type RegionInput } from '../core/regionInput'
import type { SessionError } from '../core/SessionError'
import type { Session } from '../core/types'
import { useSessionQuery } from './useSessionQuery'
import { useSessionWrite } from './useSessionWrite'

export interface Region {
  /** `checkout.regionId` (`v2.…`), set by the Session Manager from country + postal code or coordinates. */
  regionId: string | undefined
  postalCode: string | undefined
  country: string | undefined
}

export interface UseRegionResult extends Region {
  /** Checks the input (postal-code format per country) before any request, then re-prices in place. */
  setRegion: (input: RegionInput) => Promise<void>
  isPending: boolean
  error: SessionError | null
}

const selectRegion = (session: Session): Region => ({
  regionId: readSessionValue(session, 'checkout', 'regionId'),
  postalCode: readSessionValue(session, 'public', 'postalCode'),
  country: readSessionValue(session, 'public', 'country'),
})

/** The shopper's region, and `setRegion` to change it by postal code or coordinates. */
export function useRegion(): UseRegionResult {
  const region = useSessionQuery('useRegion', selectRegion)
  const { write, isPending, error } = useSessionWrite('useRegion', toRegionFields)
  return {
    regionId: region.data?.regionId,
    postalCode: region.data?.postalCode,
    country: region.data?.country,
    setRegion: write,
    isPending,
    error: error ?? region.error,
  }
}
