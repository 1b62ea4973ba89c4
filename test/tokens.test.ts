import { describe, expect, it } from 'vitest'
import { decodeSegmentToken, decodeSessionTokenUnverified, SessionError } from '../src/index'

// The example token of the Session Manager's OpenAPI document (regionId null).
const OPENAPI_SEGMENT_TOKEN =
  'eyJjYW1wYWlnbnMiOm51bGwsImNoYW5uZWwiOiIxIiwicHJpY2VUYWJsZXMiOm51bGwsInJlZ2lvbklkIjpudWxsLCJ1dG1fY2FtcGFpZ24iOm51bGwsInV0bV9zb3VyY2UiOm51bGwsInV0bWlfY2FtcGFpZ24iOm51bGwsImN1cnJlbmN5Q29kZSI6IkJSTCIsImN1cnJlbmN5U3ltYm9sIjoiUiQiLCJjb3VudHJ5Q29kZSI6IkJSQSIsImN1bHR1cmVJbmZvIjoiZW4tVVMiLCJjaGFubmVsUHJpdmFjeSI6InB1YmxpYyJ9'
const OPENAPI_SESSION_TOKEN =
  'eyJhbGciOiJFUzI1NiIsImtpZCI6IjM5MEI4MTM1RDUzQ0MwMUY0RjA4N0YwMzA2RjhDODMzNzBDMjY4M0UiLCJ0eXAiOiJqd3QifQ.eyJhY2NvdW50LmlkIjoiYThiMjdmYjQtNjUxNi00Y2MwLTgyYjYtYTVmMmIwMTFlNmUyIiwiaWQiOiIyNmQyY2I2Yy0yMTNlLTQ5MzYtOWUyYS0xZDFlMjk5ZWMzM2IiLCJ2ZXJzaW9uIjoyLCJzdWIiOiJzZXNzaW9uIiwiYWNjb3VudCI6InNlc3Npb24iLCJleHAiOjE2OTM1Nzg5NzYsImlhdCI6MTY5Mjg4Nzc3NiwiaXNzIjoidG9rZW4tZW1pdHRlciIsImp0aSI6IjhiYWU2NzdmLWE0NTAtNGI0OC05YTBkLTViMzAwYjNiY2NkOCJ9.Ak1bn2xEA1A5dVN4qR6RI8vnZpSpLXyVxFCthMoVjmWn0HlP5BqMHEMYApDj8TPPhyxT0hGT0vkmvMQa2Mprrw'

const base64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64')

describe('decodeSegmentToken', () => {
  it("decodes the OpenAPI document's example, null regionId included", () => {
    expect(decodeSegmentToken(OPENAPI_SEGMENT_TOKEN)).toEqual({
      campaigns: null,
      channel: '1',
      priceTables: null,
      regionId: null,
      utm_campaign: null,
      utm_source: null,
      utmi_campaign: null,
      currencyCode: 'BRL',
      currencySymbol: 'R$',
      countryCode: 'BRA',
      cultureInfo: 'en-US',
      channelPrivacy: 'public',
    })
  })

  it('keeps unknown fields and decodes UTF-8 and URL-safe, unpadded base64', () => {
    const token = base64({ channel: '1', utm_campaign: 'promoção ✓', facets: 'a=b' }).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
    expect(decodeSegmentToken(token)).toEqual({ channel: '1', utm_campaign: 'promoção ✓', facets: 'a=b' })
  })

  it.each([
    ['not base64 JSON', '%%%'],
    ['a field of the wrong type', base64({ channel: 1 })],
  ])('rejects %s with kind invalid-response', (_case, token) => {
    expect(() => decodeSegmentToken(token)).toThrow(SessionError)
    try {
      decodeSegmentToken(token)
    } catch (error) {
      expect((error as SessionError).kind).toBe('invalid-response')
    }
  })
})

describe('decodeSessionTokenUnverified', () => {
  it("reads the id and expiry of the OpenAPI document's example", () => {
    expect(decodeSessionTokenUnverified(OPENAPI_SESSION_TOKEN)).toMatchObject({
      id: '26d2cb6c-213e-4936-9e2a-1d1e299ec33b',
      exp: 1693578976,
    })
  })

  it('rejects a token that is not a JWT', () => {
    expect(() => decodeSessionTokenUnverified('not-a-jwt')).toThrow(/not a JWT/)
  })
})
