import { describe, expect, it } from 'vitest'
import { googleRegionIdOf, parseGoogleRegionId } from '../src/core/googleRegionId'

describe("parseGoogleRegionId: Google's region_id, checked like setRegion's input", () => {
  it.each([
    ['dnRleDpCUkE6MjAyNDEyMjA=', 'BRA', '20241220'],
    ['dnRleDpVU0E6MTAwMDE=', 'USA', '10001'],
    ['dnRleDpCUkE6MDQ1NjEwMDA=', 'BRA', '04561000'],
    ['dnRleDpBUkc6MTQyNQ==', 'ARG', '1425'],
  ])("decodes the guide's example %s", (value, country, postalCode) => {
    expect(parseGoogleRegionId(value)).toEqual({ region: { country, postalCode } })
  })

  it('takes a region_id whose "+" a URL turned into a space', () => {
    const value = googleRegionIdOf({ country: 'BRA', postalCode: '22250-040' })
    expect(parseGoogleRegionId(value.replace(/\+/g, ' '))).toEqual({ region: { country: 'BRA', postalCode: '22250040' } })
  })

  it.each([
    ['missing', null, 'missing'],
    ['empty', '', 'missing'],
    ['not Base64', '%%%not-base64', 'not-base64'],
    ['bad padding', 'dnRleDpCUkE6MDQ1NjEwMDA===', 'not-base64'],
    ['another prefix', btoa('shop:BRA:04561000'), 'not-vtex-format'],
    ['a two-letter country', btoa('vtex:BR:04561000'), 'not-vtex-format'],
    ['a postal code with letters', btoa('vtex:BRA:0456A000'), 'not-vtex-format'],
    ['a postal code its country rejects', btoa('vtex:BRA:123'), 'invalid-postal-code'],
  ])('refuses %s', (_case, value, problem) => {
    expect(parseGoogleRegionId(value)).toEqual({ problem })
  })

  it("refuses a country the store does not sell to, when the store's countries are given", () => {
    expect(parseGoogleRegionId(btoa('vtex:USA:10001'), ['BRA'])).toEqual({ problem: 'unknown-country' })
    expect(parseGoogleRegionId(btoa('vtex:BRA:04561000'), ['BRA'])).toEqual({ region: { country: 'BRA', postalCode: '04561000' } })
  })

  it('encodes a place as the ads do, digits only', () => {
    expect(googleRegionIdOf({ country: 'BRA', postalCode: '04561-000' })).toBe('dnRleDpCUkE6MDQ1NjEwMDA=')
  })
})
