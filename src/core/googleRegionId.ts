import { normalizePostalCode, postalCodeProblem } from './regionInput'

// Google Shopping's regional ads land on `?region_id=`: Base64 of `vtex:{ISO 3166-1 alpha-3
// country}:{postal code, digits only}` (VTEX, "How to adapt headless storefronts to Google regional
// price and availability", https://developers.vtex.com/docs/guides/adapting-headless-storefronts-to-google-raap).

/** The query parameter Google's regional ads carry. */
export const GOOGLE_REGION_PARAM = 'region_id'

const FORMAT = /^vtex:([A-Z]{3}):(\d+)$/

export interface GoogleRegion {
  country: string
  postalCode: string
}

/** Why a `region_id` cannot be applied (for logs and tests), or undefined when it can. */
export type GoogleRegionProblem = 'missing' | 'not-base64' | 'not-vtex-format' | 'unknown-country' | 'invalid-postal-code'

function decodeBase64(value: string): string | undefined {
  // Standard Base64 (the guide's examples keep the `=` padding); a URL may also have turned `+` into a space.
  const text = value.trim().replace(/ /g, '+')
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 === 1) return undefined
  try {
    return atob(text)
  } catch {
    return undefined
  }
}

/**
 * The place a `region_id` names, checked with the rules `setRegion` applies: the `vtex` prefix, an
 * alpha-3 country (one of `countries` when given), a postal code that fits it. Anything else is
 * `{ problem }`, never a place: an invalid `region_id` must not replace a good region.
 */
export function parseGoogleRegionId(value: string | null | undefined, countries?: readonly string[]): { region: GoogleRegion } | { problem: GoogleRegionProblem } {
  if (!value) return { problem: 'missing' }
  const decoded = decodeBase64(value)
  if (decoded === undefined) return { problem: 'not-base64' }
  const match = FORMAT.exec(decoded)
  if (!match) return { problem: 'not-vtex-format' }
  const [, country, digits] = match as unknown as [string, string, string]
  if (countries && !countries.includes(country)) return { problem: 'unknown-country' }
  if (postalCodeProblem(country, digits) !== null) return { problem: 'invalid-postal-code' }
  return { region: { country, postalCode: normalizePostalCode(digits) } }
}

/** The `region_id` of a place, as Google's ads carry it (digits only), e.g. for a link in a test or a story. */
export const googleRegionIdOf = ({ country, postalCode }: GoogleRegion): string => btoa(`vtex:${country}:${postalCode.replace(/\D/g, '')}`)
