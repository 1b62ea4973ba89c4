import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createSessionClient, usePublicField, useSalesChannel } from '../src/index'
import { createWrapper, sessionRequests } from './harness'

const patchBodies = () => sessionRequests().filter(({ method }) => method === 'PATCH').map(({ body }) => (body as { public: Record<string, { value: string }> }).public)

describe('a later value of the same field wins, also when it is refused', () => {
  it('the shopper clicks the USD store (2), then the B2B store (3, private: 401): the USD store they clicked past is not applied after the refusal', async () => {
    const { result } = renderHook(() => ({ channel: useSalesChannel(), campaign: usePublicField('utm_campaign') }), createWrapper())
    await waitFor(() => expect(result.current.channel.isLoading).toBe(false))
    let clicks!: Promise<unknown>
    act(() => {
      // A write is out; both clicks merge into the next PATCH, the later one winning: { sc: '3' }.
      clicks = Promise.all([
        result.current.campaign[1]('winter'),
        result.current.channel.setSalesChannel('2').then(() => 'applied', () => 'refused'),
        result.current.channel.setSalesChannel('3').then(() => 'applied', () => 'refused'),
      ])
    })
    await act(() => clicks)
    // What the server saw after the shopper's last intent was refused.
    const afterRefusal = patchBodies().slice(patchBodies().findIndex((body) => body.sc?.value === '3') + 1)
    // The shopper's last choice was refused: the store stays on the channel it was on, not on the one they clicked past.
    expect({
      sentAfterRefusal: afterRefusal.filter((body) => body.sc?.value === '2'),
      serverChannel: (await createSessionClient().getSession()).namespaces.store?.channel?.value,
      shown: result.current.channel.salesChannel,
    }).toEqual({ sentAfterRefusal: [], serverChannel: '1', shown: '1' })
  })
})
