import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { usePublicField, useRegion } from '../src/index'
import { createWrapper, mock, sessionRequests } from './harness'

const patchBodies = () => sessionRequests().filter(({ method }) => method === 'PATCH').map(({ body }) => JSON.stringify((body as { public: unknown }).public))

describe('a server that refuses every PATCH (a WAF 403, a blocked cookie) while the shopper types', () => {
  it('keystrokes merged into one refused PATCH are not each sent again: superseded values cost no request, and the region asked next is not held behind them', async () => {
    const { result } = renderHook(() => ({ note: usePublicField('utm_campaign'), region: useRegion() }), createWrapper())
    await waitFor(() => expect(result.current.region.isLoading).toBe(false))
    mock.fail({ kind: 'http', status: 403 }, { method: 'PATCH', times: 1000 })
    const typed = 'black-friday'
    const outcomes: Array<Promise<unknown>> = []
    act(() => {
      // One write per keystroke: the first PATCH leaves, the other eleven merge behind it.
      for (let end = 1; end <= typed.length; end += 1) outcomes.push(result.current.note[1](typed.slice(0, end)).catch(() => 'refused'))
    })
    // Once the typing is refused, the shopper picks a region.
    await act(() => outcomes[1]!)
    act(() => void outcomes.push(result.current.region.setRegion({ country: 'BRA', postalCode: '22071-900' }).catch(() => 'refused')))
    await act(() => Promise.all(outcomes))
    const bodies = patchBodies()
    // The budget of rapid writes: the first keystroke, the merged rest, their last value again at most, then the region.
    expect(bodies.length, `PATCH bodies:\n${bodies.join('\n')}`).toBeLessThanOrEqual(4)
    expect(bodies.filter((body) => body.includes('"black-"'))).toEqual([])
  })
})
