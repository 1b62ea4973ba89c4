import { describe, expect, it } from 'vitest'
import { bindingFor, bindingUrl, type Binding } from '../src/index'
import { bindingFor as serverBindingFor } from '../src/server/index'

const brazil: Binding = { id: 'br', canonicalBaseAddress: 'store.com', defaultLocale: 'pt-BR', currencyCode: 'BRL', countryCode: 'BRA', salesChannel: '1' }
const us: Binding = { id: 'us', canonicalBaseAddress: 'store.com/en', defaultLocale: 'en-US', currencyCode: 'USD', countryCode: 'USA', salesChannel: '2' }
const mexico: Binding = { id: 'mx', canonicalBaseAddress: 'https://Tienda.MX/', defaultLocale: 'es-MX', currencyCode: 'MXN', countryCode: 'MEX', salesChannel: '3' }
const bindings = [brazil, us, mexico]

describe('bindingFor: the binding a request URL is for', () => {
  it.each([
    ['https://store.com/', 'br'],
    ['https://store.com/cafe/p', 'br'],
    ['https://store.com/en', 'us'],
    ['https://store.com/en/', 'us'],
    ['https://store.com/en/coffee/p?sc=9', 'us'],
    // A path that only starts with the prefix's letters is not under it.
    ['https://store.com/english-tea/p', 'br'],
    // Hosts compare without case; an address written with a scheme or a trailing slash still matches.
    ['https://STORE.com/EN/x', 'br'],
    ['https://tienda.mx/cafe', 'mx'],
  ])('%s → %s', (url, id) => {
    expect(bindingFor(url, bindings)?.id).toBe(id)
  })

  it('answers undefined for a host no binding serves', () => {
    expect(bindingFor('https://other.com/en', bindings)).toBeUndefined()
  })

  it('between bindings of one address, the one marked isDefault wins, else the first listed', () => {
    const second = { ...us, id: 'us-2', isDefault: true }
    expect(bindingFor('https://store.com/en/x', [us, second])?.id).toBe('us-2')
    expect(bindingFor('https://store.com/en/x', [us, { ...us, id: 'us-3' }])?.id).toBe('us')
  })

  it('on a myvtex.com host, the __bindingAddress parameter names the address', () => {
    expect(bindingFor('https://account.myvtex.com/cafe/p?__bindingAddress=store.com/en', bindings)?.id).toBe('us')
    expect(bindingFor('https://account.myvtex.com/?__bindingAddress=tienda.mx', bindings)?.id).toBe('mx')
    // Without it, the myvtex host is served by no binding of this list.
    expect(bindingFor('https://account.myvtex.com/cafe/p', bindings)).toBeUndefined()
  })

  it('rejects a binding whose address cannot be matched, naming it, before anything else', () => {
    expect(() => bindingFor('https://store.com/', [{ ...us, canonicalBaseAddress: 'store.com/en?x=1' }])).toThrowError(
      expect.objectContaining({ name: 'SessionError', kind: 'invalid-input', message: expect.stringContaining('"us"') }),
    )
    expect(() => bindingFor('https://store.com/', [{ ...us, canonicalBaseAddress: ' ' }])).toThrowError(expect.objectContaining({ kind: 'invalid-input' }))
  })

  it('is the same function on the server entry', () => {
    expect(serverBindingFor).toBe(bindingFor)
  })
})

describe('bindingUrl: the same page in another binding', () => {
  it.each([
    ['https://store.com/cafe/p?x=1', brazil, us, 'https://store.com/en/cafe/p?x=1'],
    ['https://store.com/', brazil, us, 'https://store.com/en'],
    ['https://store.com/en/cafe/p', us, brazil, 'https://store.com/cafe/p'],
    ['https://store.com/en', us, brazil, 'https://store.com/'],
    ['https://store.com/en/cafe/p', us, mexico, 'https://tienda.mx/cafe/p'],
    ['https://account.myvtex.com/cafe/p?__bindingAddress=store.com', brazil, us, 'https://account.myvtex.com/cafe/p?__bindingAddress=store.com%2Fen'],
  ])('%s from %s to %s', (url, from, to, expected) => {
    expect(bindingUrl(url, from, to).href).toBe(expected)
  })

  it('refuses a URL that is not in the binding it says it is from', () => {
    expect(() => bindingUrl('https://store.com/cafe', us, brazil)).toThrowError(expect.objectContaining({ kind: 'invalid-input' }))
  })
})
