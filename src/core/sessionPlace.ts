import { readSessionValue } from './readSessionValue'
import type { Session } from './types'

/** Where a session's region is: its country and postal code, else its coordinates. */
export interface SessionPlace {
  country: string
  postalCode?: string
  /** `[longitude, latitude]`, when the region was set by coordinates. */
  geoCoordinates?: readonly [number, number]
}

/** The session's place (postal code, else coordinates); undefined without a region. */
export function placeOf(session: Session): SessionPlace | undefined {
  const country = readSessionValue(session, 'public', 'country')
  const postalCode = readSessionValue(session, 'public', 'postalCode')
  const [longitude, latitude] = (readSessionValue(session, 'public', 'geoCoordinates') ?? '').split(',').map(Number)
  if (!country) return undefined
  if (postalCode) return { country, postalCode }
  return Number.isFinite(longitude) && Number.isFinite(latitude) ? { country, geoCoordinates: [longitude!, latitude!] } : undefined
}
