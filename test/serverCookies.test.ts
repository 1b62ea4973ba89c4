import { describe, expect, it } from 'vitest'
import { vtexCookiesOnly } from '../src/server/index'

describe('vtexCookiesOnly (what a proxy forwards)', () => {
  it("keeps the session, login and cart cookies and drops the app's own", () => {
    const header =
      'app_auth=secret; vtex_session=s; vtex_segment=g; VtexIdclientAutCookie_store=l; checkout.vtex.com=__ofid=abc; CheckoutOrderFormOwnership=o; _ga=1'
    expect(vtexCookiesOnly(header)).toBe('vtex_session=s; vtex_segment=g; VtexIdclientAutCookie_store=l; checkout.vtex.com=__ofid=abc; CheckoutOrderFormOwnership=o')
    expect(vtexCookiesOnly(undefined)).toBe('')
  })
})
