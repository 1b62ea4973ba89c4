import { describe, expect, it } from 'vitest'
import { createSessionManagerMock, defaultSalesChannels, defaultTradePolicies, type SessionManagerMockOptions } from '../src/testing/index'

const euro = { currencyCode: 'EUR', currencySymbol: '€', countryCode: 'PRT', cultureInfo: 'pt-PT' }
const yen = { currencyCode: 'JPY', currencySymbol: '¥', countryCode: 'JPN', cultureInfo: 'ja-JP' }

/** Switches a new session to sales channel `sc`: the write's status and the store namespace after it. */
async function switchTo(options: SessionManagerMockOptions, sc: string) {
  const mock = createSessionManagerMock(options)
  const write = await mock.respond(
    new Request('http://localhost/api/sessions', { method: 'POST', body: JSON.stringify({ public: { sc: { value: sc } } }) }),
  )
  // A refused write sets no cookie: there is no session to read back.
  if (write!.status >= 400) return { status: write!.status, currency: undefined }
  const cookie = write!.headers.getSetCookie()[0]!.split(';')[0]!
  const read = await mock.respond(new Request('http://localhost/api/sessions?items=*', { headers: { cookie } }))
  const session = (await read!.json()) as { namespaces: { store: Record<string, { value: string }> } }
  return { status: write!.status, currency: session.namespaces.store.currencyCode?.value }
}

describe('the emulator’s salesChannels option', () => {
  it('sets the currency of a sales channel the store adds', async () => {
    expect(await switchTo({ salesChannels: { '7': euro } }, '7')).toEqual({ status: 201, currency: 'EUR' })
  })

  it('still accepts the deprecated tradePolicies for one minor version', async () => {
    expect(await switchTo({ tradePolicies: { '7': euro } }, '7')).toEqual({ status: 201, currency: 'EUR' })
  })

  it('prefers salesChannels when both are given', async () => {
    const options = { salesChannels: { '7': yen }, tradePolicies: { '7': euro, '8': euro } }
    expect(await switchTo(options, '7')).toEqual({ status: 201, currency: 'JPY' })
    // The old option is ignored entirely, not merged: its channel 8 does not exist.
    expect(await switchTo(options, '8')).toEqual({ status: 400, currency: undefined })
  })

  it('keeps defaultTradePolicies as the same defaults as defaultSalesChannels', () => {
    expect(defaultTradePolicies).toBe(defaultSalesChannels)
  })
})
