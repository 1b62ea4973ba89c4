import { describe, expect, it } from 'vitest'
import { cookiePairs } from '../src/core/cookiePairs'
import { readCookie, readSetCookie, vtexCookiesOnly } from '../src/server/index'

describe('vtexCookiesOnly (what a proxy forwards)', () => {
  it("keeps the session, login and cart cookies and drops the app's own", () => {
    const header =
      'app_auth=secret; vtex_session=s; vtex_segment=g; VtexIdclientAutCookie_store=l; checkout.vtex.com=__ofid=abc; CheckoutOrderFormOwnership=o; _ga=1'
    expect(vtexCookiesOnly(header)).toBe('vtex_session=s; vtex_segment=g; VtexIdclientAutCookie_store=l; checkout.vtex.com=__ofid=abc; CheckoutOrderFormOwnership=o')
    expect(vtexCookiesOnly(undefined)).toBe('')
  })
})

describe('one cookie parser for the server helpers and the emulator', () => {
  it('keeps a value with "=" whole, trims, and skips parts without a name', () => {
    expect(cookiePairs(' checkout.vtex.com=__ofid=abc ; =orphan; flag; vtex_session=s')).toEqual([
      ['checkout.vtex.com', '__ofid=abc'],
      ['vtex_session', 's'],
    ])
    expect(readCookie('a=1; a=2', 'a')).toBe('1')
    expect(readSetCookie(['vtex_segment=old; Path=/', 'vtex_segment=new; HttpOnly'], 'vtex_segment')).toBe('new')
    expect(readSetCookie([], 'vtex_segment')).toBeUndefined()
  })
})
