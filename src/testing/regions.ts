import { normalizePostalCode } from '../core/regionInput'

/** A row of the emulator's region table: a country plus postal codes and/or an area. */
export interface RegionRule {
  /** `v2.` + 32 hex digits, as the real Session Manager writes it. */
  regionId: string
  /** ISO 3166-1 alpha-3. */
  country: string
  /** Matched against the upper-cased, trimmed postal code. */
  postalCode?: RegExp
  /** Matched against `geoCoordinates` ("longitude,latitude"). */
  area?: { west: number; south: number; east: number; north: number }
  /** For humans reading stories and logs. */
  name?: string
  /** What `GET /api/checkout/pub/postal-code/{country}/{code}` answers for a postal code of this region. */
  city?: string
  state?: string
  neighborhood?: string
  /** `[longitude, latitude]` of the address answered (VTEX's order). */
  center?: readonly [longitude: number, latitude: number]
}

/** A small default table; pass `regions` to `createSessionManagerMock` for your own. */
export const defaultRegions: readonly RegionRule[] = [
  {
    name: 'Rio de Janeiro',
    city: 'Rio de Janeiro',
    state: 'RJ',
    neighborhood: 'Botafogo',
    center: [-43.1822, -22.9455],
    country: 'BRA',
    regionId: 'v2.1BB18CE648B5111D0933734ED83EC783',
    postalCode: /^2\d{4}-?\d{3}$/,
    area: { west: -43.8, south: -23.1, east: -43.1, north: -22.7 },
  },
  {
    name: 'São Paulo',
    city: 'São Paulo',
    state: 'SP',
    neighborhood: 'Bela Vista',
    center: [-46.6559, -23.5614],
    country: 'BRA',
    regionId: 'v2.5A6F0E3D91B24C7E8F1A2B3C4D5E6F70',
    postalCode: /^0\d{4}-?\d{3}$/,
    area: { west: -46.83, south: -24.0, east: -46.36, north: -23.36 },
  },
  { name: 'New York', city: 'New York', state: 'NY', center: [-73.9967, 40.7484], country: 'USA', regionId: 'v2.7C2D9E4F60A1B2C3D4E5F60718293A4B', postalCode: /^1\d{4}(-\d{4})?$/ },
  { name: 'London', city: 'London', state: 'England', center: [-0.0106, 51.4826], country: 'GBR', regionId: 'v2.3E8A1F6B2C9D4E0F7A1B2C3D4E5F6A7B', postalCode: /^(SE|SW|E|W|N|NW|EC|WC)\d/ },
]

/**
 * The region rule a country plus postal code (or "longitude,latitude" coordinates) falls in, or
 * undefined (e.g. an unknown postal code). The postal code is normalized as the library's input
 * checks normalize it.
 */
export function findRegion(
  regions: readonly RegionRule[],
  country: string | undefined,
  postalCode: string | undefined,
  geoCoordinates: string | undefined,
): RegionRule | undefined {
  if (!country) return undefined
  const code = postalCode === undefined ? '' : normalizePostalCode(postalCode)
  if (code) return regions.find((rule) => rule.country === country && rule.postalCode?.test(code))
  const [longitude, latitude] = (geoCoordinates ?? '').split(',').map(Number)
  if (longitude === undefined || latitude === undefined || Number.isNaN(longitude) || Number.isNaN(latitude)) return undefined
  return regions.find(
    ({ country: ruleCountry, area }) =>
      ruleCountry === country &&
      area !== undefined &&
      longitude >= area.west &&
      longitude <= area.east &&
      latitude >= area.south &&
      latitude <= area.north,
  )
}
