import { SessionError } from './SessionError'
import type { PublicFieldValues } from './types'

/** A region chosen by postal code or by coordinates; `country` is ISO 3166-1 alpha-3 (`BRA`). */
export type RegionInput =
  | { country: string; postalCode: string }
  | { country: string; geoCoordinates: readonly [longitude: number, latitude: number] }

/** Postal-code formats (after trimming and upper-casing), with an example for the error message. */
const POSTAL_CODE_FORMATS: Record<string, readonly [RegExp, string]> = {
  BRA: [/^\d{5}-?\d{3}$/, '22250-040'],
  USA: [/^\d{5}(-\d{4})?$/, '10001'],
  CAN: [/^[A-Z]\d[A-Z] ?\d[A-Z]\d$/, 'K1A 0B1'],
  GBR: [/^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, 'SE10 0GP'],
  PRT: [/^\d{4}-?\d{3}$/, '1000-001'],
  ARG: [/^([A-Z]\d{4}[A-Z]{3}|\d{4})$/, 'C1425DKA'],
  MEX: [/^\d{5}$/, '06600'],
  COL: [/^\d{6}$/, '110111'],
  CHL: [/^\d{7}$/, '8320000'],
  PER: [/^\d{5}$/, '15001'],
}

/** Countries without a known format still get a sanity check. */
const ANY_POSTAL_CODE: readonly [RegExp, string] = [/^[A-Z\d][A-Z\d -]{1,11}$/, '12345']

export const normalizePostalCode = (postalCode: string): string => postalCode.trim().toUpperCase()

/** What identifies a postal code: its letters and digits (`22250-040`, `22250040` and ` 22250040 ` are one). */
export const postalCodeKey = (postalCode: string): string => normalizePostalCode(postalCode).replace(/[^A-Z\d]/g, '')

/** `null` when the postal code fits its country, else a message that says what is expected. */
export function postalCodeProblem(country: string, postalCode: string): string | null {
  const [format, example] = POSTAL_CODE_FORMATS[country] ?? ANY_POSTAL_CODE
  if (format.test(normalizePostalCode(postalCode))) return null
  return `"${postalCode}" is not a valid postal code for ${country} (e.g. "${example}")`
}

/** Checks and upper-cases an ISO 3166-1 alpha-3 country code. */
export function toCountry(country: unknown): string {
  if (typeof country !== 'string' || !/^[A-Za-z]{3}$/.test(country.trim())) {
    const got = JSON.stringify(country)
    throw new SessionError('invalid-input', process.env.NODE_ENV !== 'production' ? `country must be an ISO 3166-1 alpha-3 code such as "BRA", got ${got}` : `country must be ISO 3166-1 alpha-3, got ${got}`)
  }
  return country.trim().toUpperCase()
}

/** A finite number (Number.isFinite is false for anything else) within ±limit. */
const inRange = (value: unknown, limit: number): value is number => Number.isFinite(value) && Math.abs(value as number) <= limit

/**
 * Checks a region input before any request and turns it into the public fields the
 * Session Manager reads. Choosing one way clears the other, so a stale postal code
 * cannot outrank new coordinates.
 */
export function toRegionFields(input: RegionInput): PublicFieldValues {
  if (typeof input !== 'object' || input === null) {
    throw new SessionError('invalid-input', process.env.NODE_ENV !== 'production' ? 'setRegion needs { country, postalCode } or { country, geoCoordinates }' : 'setRegion needs a country')
  }
  const country = toCountry(input.country)
  if ('postalCode' in input) {
    if (typeof input.postalCode !== 'string') {
      throw new SessionError('invalid-input', `postalCode must be a string, got ${typeof input.postalCode}`)
    }
    const problem = postalCodeProblem(country, input.postalCode)
    if (problem) throw new SessionError('invalid-input', problem)
    return { country, postalCode: normalizePostalCode(input.postalCode) }
  }
  const coordinates = 'geoCoordinates' in input ? input.geoCoordinates : undefined
  if (!Array.isArray(coordinates) || !inRange(coordinates[0], 180) || !inRange(coordinates[1], 90)) {
    throw new SessionError(
      'invalid-input',
      process.env.NODE_ENV !== 'production' ? 'geoCoordinates must be [longitude, latitude] with longitude in -180..180 and latitude in -90..90' : 'geoCoordinates must be [longitude, latitude]',
    )
  }
  // VTEX stores coordinates as "longitude,latitude".
  return { country, geoCoordinates: `${coordinates[0]},${coordinates[1]}`, postalCode: '' }
}
