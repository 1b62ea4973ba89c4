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
}

/** A small default table; pass `regions` to `createSessionManagerMock` for your own. */
export const defaultRegions: readonly RegionRule[] = [
  {
    name: 'Rio de Janeiro',
    country: 'BRA',
    regionId: 'v2.1BB18CE648B5111D0933734ED83EC783',
    postalCode: /^2\d{4}-?\d{3}$/,
    area: { west: -43.8, south: -23.1, east: -43.1, north: -22.7 },
  },
  {
    name: 'São Paulo',
    country: 'BRA',
    regionId: 'v2.5A6F0E3D91B24C7E8F1A2B3C4D5E6F70',
    postalCode: /^0\d{4}-?\d{3}$/,
    area: { west: -46.83, south: -24.0, east: -46.36, north: -23.36 },
  },
  { name: 'New York', country: 'USA', regionId: 'v2.7C2D9E4F60A1B2C3D4E5F60718293A4B', postalCode: /^1\d{4}(-\d{4})?$/ },
  { name: 'London', country: 'GBR', regionId: 'v2.3E8A1F6B2C9D4E0F7A1B2C3D4E5F6A7B', postalCode: /^(SE|SW|E|W|N|NW|EC|WC)\d/ },
]

/** The regionId for a session's public fields, or undefined (e.g. an unknown postal code). */
export function resolveRegionId(
  regions: readonly RegionRule[],
  country: string | undefined,
  postalCode: string | undefined,
  geoCoordinates: string | undefined,
): string | undefined {
  if (!country) return undefined
  const code = postalCode?.trim().toUpperCase()
  if (code) return regions.find((rule) => rule.country === country && rule.postalCode?.test(code))?.regionId
  const [longitude, latitude] = (geoCoordinates ?? '').split(',').map(Number)
  if (longitude === undefined || latitude === undefined || Number.isNaN(longitude) || Number.isNaN(latitude)) {
    return undefined
  }
  return regions.find(
    ({ country: ruleCountry, area }) =>
      ruleCountry === country &&
      area !== undefined &&
      longitude >= area.west &&
      longitude <= area.east &&
      latitude >= area.south &&
      latitude <= area.north,
  )?.regionId
}
