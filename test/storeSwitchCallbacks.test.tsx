import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { useUpdateSession } from '../src/index'
import { sessionRequests } from './harness'
import { storeSwitcher } from './storeSwitcher'

describe('a store switch while useUpdateSession’s write is out', () => {
  it('the callbacks given to mutate() still run, and the hook still shows the write it started', async () => {
    const { wrapper: Switchable, switchStore } = storeSwitcher()
    const { result } = renderHook(() => useUpdateSession(), {
      wrapper: Switchable,
    })
    await waitFor(() => expect(sessionRequests()).toHaveLength(1))
    const onSettled = vi.fn()
    act(() => {
      result.current.mutate({ utm_campaign: 'for-store-a' }, { onSettled })
      switchStore()
    })
    // The new mutationKey makes MutationObserver.setOptions call reset(): the observer leaves the
    // pending mutation, so isPending drops at once and mutate()'s own callbacks are never called.
    const pendingAfterSwitch = result.current.isPending
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)))
    expect({
      onSettled: onSettled.mock.calls.length,
      pendingAfterSwitch,
    }).toEqual({ onSettled: 1, pendingAfterSwitch: true })
  })
})
