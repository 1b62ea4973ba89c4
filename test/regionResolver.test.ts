import { describe, expect, it } from 'vitest'
import { googleRegionIdOf } from '../src/core/googleRegionId'
import { resolveRegion } from '../src/core/regionResolver'
import type { Session } from '../src/core/types'

const sessionAt = (publicFields: Record<string, string>): Session => ({
  id: 's',
  namespaces: { public: Object.fromEntries(Object.entries(publicFields).map(([name, value]) => [name, { value }])) },
})
const RIO_AD = googleRegionIdOf({ country: 'BRA', postalCode: '22250-040' })
const saved = [{ country: 'BRA', postalCode: '01310-100' }]
const storeDefault = { country: 'BRA', postalCode: '20040-002' }

describe('resolveRegion: the shopper’s place, from its sources in order', () => {
  it("1. the session's own place wins, and nothing is written", () => {
    const decision = resolveRegion({ session: sessionAt({ country: 'BRA', postalCode: '04561-000' }), regionId: RIO_AD, savedAddresses: saved, storeDefault })
    expect(decision).toEqual({ source: 'session', place: { country: 'BRA', postalCode: '04561-000' }, ignored: [] })
  })

  it("1. so do the session's coordinates", () => {
    expect(resolveRegion({ session: sessionAt({ country: 'BRA', geoCoordinates: '-43.18,-22.94' }), regionId: RIO_AD }).source).toBe('session')
  })

  it('2. a valid region_id for a shopper without a place, as the public fields setRegion sends', () => {
    const decision = resolveRegion({ session: sessionAt({}), regionId: RIO_AD, savedAddresses: saved, storeDefault })
    expect(decision).toMatchObject({ source: 'region_id', place: { country: 'BRA', postalCode: '22250040' }, fields: { country: 'BRA', postalCode: '22250040' } })
  })

  it('3. then the first usable saved address (one without a place is passed over)', () => {
    const decision = resolveRegion({ session: sessionAt({}), savedAddresses: [{ country: 'BRA', postalCode: null }, ...saved], storeDefault })
    expect(decision).toMatchObject({ source: 'saved-address', fields: { country: 'BRA', postalCode: '01310-100' } })
  })

  it('3. a saved address with coordinates only', () => {
    expect(resolveRegion({ savedAddresses: [{ country: 'BRA', geoCoordinates: [-43.18, -22.94] }] })).toMatchObject({
      source: 'saved-address',
      fields: { country: 'BRA', geoCoordinates: '-43.18,-22.94', postalCode: '' },
    })
  })

  it("4. then the store's default", () => {
    expect(resolveRegion({ session: sessionAt({}), storeDefault })).toMatchObject({ source: 'store-default', fields: { country: 'BRA', postalCode: '20040-002' } })
  })

  it('none: the shopper must be asked', () => {
    expect(resolveRegion({ session: sessionAt({}) })).toEqual({ source: null, ignored: [] })
  })
})

describe('resolveRegion: a candidate that fails the checks is passed over and listed, never used', () => {
  it.each([
    ['bad Base64', '%%%'],
    ['a wrong prefix', btoa('shop:BRA:22250040')],
    ['a postal code the country rejects', btoa('vtex:BRA:123')],
  ])('an invalid region_id (%s) falls through to the saved address', (_case, regionId) => {
    const decision = resolveRegion({ session: sessionAt({}), regionId, savedAddresses: saved })
    expect(decision.source).toBe('saved-address')
    expect(decision.ignored).toEqual([{ source: 'region_id', reason: expect.any(String) }])
  })

  it('an invalid region_id never touches a session that has a place', () => {
    expect(resolveRegion({ session: sessionAt({ country: 'BRA', postalCode: '04561-000' }), regionId: '%%%' })).toMatchObject({ source: 'session', place: { postalCode: '04561-000' } })
  })

  it('a region_id for a country the store does not sell to is ignored', () => {
    const decision = resolveRegion({ regionId: googleRegionIdOf({ country: 'USA', postalCode: '10001' }), countries: ['BRA'], storeDefault })
    expect(decision).toMatchObject({ source: 'store-default', ignored: [{ source: 'region_id', reason: 'unknown-country' }] })
  })

  it("a saved address or a store default that setRegion would refuse is listed with setRegion's message", () => {
    const decision = resolveRegion({ savedAddresses: [{ country: 'BRA', postalCode: '123' }], storeDefault: { country: 'BRA', postalCode: 'abc' } })
    expect(decision).toEqual({
      source: null,
      ignored: [
        { source: 'saved-address', reason: '"123" is not a valid postal code for BRA (e.g. "22250-040")' },
        { source: 'store-default', reason: '"abc" is not a valid postal code for BRA (e.g. "22250-040")' },
      ],
    })
  })
})
