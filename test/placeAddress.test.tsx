import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createCheckoutClient, postalCodeAddressQuery, usePlaceAddress } from '../src/checkout/index'
import { SessionError, useRegion } from '../src/index'
import { createTestQueryClient, createWrapper, mock } from './harness'

const addressReads = () => mock.requests.filter(({ path }) => path.startsWith('/api/checkout/pub/postal-code/')).map(({ method, path }) => `${method} ${path}`)

function usePlace() {
  return { place: usePlaceAddress(), region: useRegion() }
}

describe('usePlaceAddress: the place a header names', () => {
  it('asks nothing without a postal code, then names the confirmed one from the Checkout answer', async () => {
    const { wrapper } = createWrapper({ strict: true })
    const { result } = renderHook(usePlace, { wrapper })
    await waitFor(() => expect(result.current.place.isLoading).toBe(false))
    expect(result.current.place.address).toBeUndefined()
    expect(addressReads()).toEqual([])

    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(result.current.place.address?.neighborhood).toBe('Botafogo'))
    expect(result.current.place.address).toMatchObject({ city: 'Rio de Janeiro', state: 'RJ', country: 'BRA', postalCode: '22250-040' })
    expect(addressReads()).toEqual(['GET /api/checkout/pub/postal-code/BRA/22250-040'])
  })

  it('names only a place the Session Manager accepted: nothing is asked while the write is in flight, nor for a refused one', async () => {
    const { wrapper } = createWrapper()
    const { result } = renderHook(usePlace, { wrapper })
    await waitFor(() => expect(result.current.place.isLoading).toBe(false))
    // The write's answer is held back (the emulator's latency for PATCH only): the typed place is optimistic meanwhile.
    mock.setLatency(({ method }) => (method === 'PATCH' ? 300 : 0))
    let written: Promise<void> = Promise.resolve()
    act(() => {
      written = result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' })
    })
    await waitFor(() => expect(result.current.region.isPending).toBe(true))
    expect(result.current.region.postalCode).toBe('22250-040')
    expect(result.current.place.address).toBeUndefined()
    expect(addressReads()).toEqual([])
    await act(() => written)
    await waitFor(() => expect(result.current.place.address?.neighborhood).toBe('Botafogo'))
    mock.setLatency(0)

    mock.fail({ kind: 'http', status: 503 }, { method: 'PATCH' })
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '01310-100' }).catch(() => undefined))
    expect(result.current.region.error?.status).toBe(503)
    expect(result.current.place.address?.neighborhood).toBe('Botafogo')
    expect(addressReads()).toEqual(['GET /api/checkout/pub/postal-code/BRA/22250-040'])
  })

  it('asks once per postal code however many readers (a header and a footer), however it is spelled', async () => {
    const { wrapper } = createWrapper()
    const { result } = renderHook(() => ({ region: useRegion(), readers: [usePlaceAddress(), usePlaceAddress(), usePlaceAddress()] }), { wrapper })
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '01310-100' }))
    await waitFor(() => expect(result.current.readers.map(({ address }) => address?.city)).toEqual(['São Paulo', 'São Paulo', 'São Paulo']))
    expect(result.current.readers[0]?.place).toEqual({ country: 'BRA', postalCode: '01310-100' })
    // A Google ad writes it digits-only: the same postal code, the same answer.
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '01310100' }))
    await waitFor(() => expect(result.current.readers[0]?.place?.postalCode).toBe('01310100'))
    expect(result.current.readers[0]?.address?.city).toBe('São Paulo')
    expect(addressReads()).toEqual(['GET /api/checkout/pub/postal-code/BRA/01310-100'])
  })

  it('fails at once on an answer a retry cannot mend (a 404), whatever the app retries', async () => {
    const { wrapper } = createWrapper({ queryClient: createTestQueryClient({ retry: 2, retryDelay: 0 }) })
    const { result } = renderHook(usePlace, { wrapper })
    mock.fail({ kind: 'http', status: 404 }, { path: '/api/checkout/pub/postal-code/', times: 3 })
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(result.current.place.loadError?.status).toBe(404))
    expect(addressReads()).toHaveLength(1)
  })

  it('keys a server prefetch as the browser reads it, trailing slash or not', () => {
    const server = postalCodeAddressQuery(createCheckoutClient({ baseUrl: 'https://shop.example' }), { country: 'bra', postalCode: '22250040' }, { providerBaseUrl: 'https://shop.example/' })
    const browser = postalCodeAddressQuery(createCheckoutClient({ baseUrl: 'https://shop.example' }), { country: 'BRA', postalCode: '22250-040' })
    expect(server.queryKey).toEqual(browser.queryKey)
  })

  it('a failed read is loadError, with no address and nothing else lost', async () => {
    const { wrapper } = createWrapper()
    const { result } = renderHook(usePlace, { wrapper })
    mock.fail({ kind: 'http', status: 503 }, { path: '/api/checkout/pub/postal-code/' })
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(result.current.place.loadError?.status).toBe(503))
    expect(result.current.place.address).toBeUndefined()
    expect(result.current.region.postalCode).toBe('22250-040')
  })

  it('the client checks the place before any request', async () => {
    const client = createCheckoutClient()
    await expect(client.getAddress({ country: 'BRA', postalCode: '123' })).rejects.toMatchObject({ kind: 'invalid-input', message: expect.stringContaining('"123" is not a valid postal code for BRA') })
    await expect(client.getAddress({ country: 'Brazil', postalCode: '22250-040' })).rejects.toBeInstanceOf(SessionError)
    expect(addressReads()).toEqual([])
    // An unknown postal code is an address with empty names, as the Checkout API answers it.
    expect(await client.getAddress({ country: 'BRA', postalCode: '99999-999' })).toMatchObject({ city: '', neighborhood: '', postalCode: '99999-999' })
  })
})
