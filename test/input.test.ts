import { describe, expect, it } from 'vitest'
import { postalCodeProblem, SessionError, toRegionFields } from '../src/index'

describe('postal codes per country', () => {
  it.each([
    ['BRA', '22250-040'], ['BRA', '22250040'], ['USA', '10001'], ['USA', '10001-1234'],
    ['CAN', 'K1A 0B1'], ['CAN', 'k1a0b1'], ['GBR', 'SE10 0GP'], ['GBR', 'sw1a 1aa'], ['GBR', 'M1 1AE'],
    ['PRT', '1000-001'], ['ARG', 'C1425DKA'], ['ARG', '1425'], ['MEX', '06600'], ['COL', '110111'],
    ['CHL', '8320000'], ['PER', '15001'], ['DEU', '10115'],
  ])('accepts %s %s', (country, postalCode) => {
    expect(postalCodeProblem(country, postalCode)).toBeNull()
  })

  it.each([
    ['BRA', '2225'], ['BRA', 'ABCDE-123'], ['USA', '1000'], ['CAN', '12345'], ['GBR', '100'],
    ['PRT', '1000'], ['ARG', '12'], ['MEX', '0660'], ['COL', '11011'], ['CHL', '832'], ['PER', '1500'], ['DEU', '!'],
  ])('rejects %s %s with an example of the right format', (country, postalCode) => {
    expect(postalCodeProblem(country, postalCode)).toMatch(new RegExp(`not a valid postal code for ${country} \\(e\\.g\\.`))
  })
})

describe('toRegionFields', () => {
  it('keeps a British postal code intact and upper-cases the country', () => {
    expect(toRegionFields({ country: 'gbr', postalCode: ' se10 0gp ' })).toEqual({ country: 'GBR', postalCode: 'SE10 0GP' })
  })

  it('writes coordinates as "longitude,latitude" and clears the postal code', () => {
    expect(toRegionFields({ country: 'BRA', geoCoordinates: [-43.18, -22.97] })).toEqual({
      country: 'BRA',
      geoCoordinates: '-43.18,-22.97',
      postalCode: '',
    })
  })

  it.each([
    ['a country that is not alpha-3', { country: 'BR', postalCode: '22250-040' }, /alpha-3/],
    ['a postal code of the wrong format', { country: 'BRA', postalCode: '100' }, /not a valid postal code for BRA/],
    ['a latitude out of range', { country: 'BRA', geoCoordinates: [-43, 95] }, /latitude in -90..90/],
    ['no postal code nor coordinates', { country: 'BRA' }, /geoCoordinates must be/],
  ])('rejects %s with kind invalid-input', (_case, input, message) => {
    let caught: unknown
    try {
      toRegionFields(input as never)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(SessionError)
    expect((caught as SessionError).kind).toBe('invalid-input')
    expect((caught as SessionError).message).toMatch(message)
  })
})
