import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useDeliveryPromise } from '../src/checkout/index'
import { useRegion } from '../src/index'
import { mock } from './harness'
import { storeSwitcher } from './storeSwitcher'

const facetWrites = (requests: typeof mock.requests) =>
  requests.filter(({ method, body }) => method === 'PATCH' && (body as { public?: Record<string, unknown> } | undefined)?.public?.facets !== undefined).map(({ body }) => body)

describe('a store switcher and the delivery promise', () => {
  it('a pickup point chosen just before the provider moves to another store is written to the store it was chosen on', async () => {
    const { storeB, wrapper: Switchable, switchStore } = storeSwitcher()
    const { result } = renderHook(() => ({ region: useRegion(), promise: useDeliveryPromise() }), { wrapper: Switchable })
    await waitFor(() => expect(result.current.region.isLoading).toBe(false))
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250040' }))
    await waitFor(() => expect(result.current.promise.pickupPoints.map(({ id }) => id)).toContain('rio-centro'))
    let choice!: Promise<unknown>
    act(() => {
      // The shopper picks the Rio locker, and the store switcher fires in the same event.
      choice = result.current.promise.setPickupPoint('rio-centro').then(() => 'written', (error: unknown) => error)
      switchStore()
    })
    const outcome = await act(() => choice)
    expect({ outcome, storeA: facetWrites(mock.requests), storeB: facetWrites(storeB.requests) }).toEqual({
      outcome: 'written',
      storeA: [{ public: { facets: { value: 'zip-code=22250040;country=BRA;pickupPoint=rio-centro' } } }],
      storeB: [],
    })
  })
})
