import { focusManager } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createSessionClient, usePublicField, useRegion, useSalesChannel, type SessionError } from '../src/index'
import { createWrapper, mock, sessionRequests } from './harness'
import { storeSwitcher } from './storeSwitcher'

const patchBodies = () => sessionRequests().filter(({ method }) => method === 'PATCH').map(({ body }) => (body as { public: Record<string, { value: string }> }).public)
const serverPublic = async () => (await createSessionClient().getSession()).namespaces.public

afterEach(() => focusManager.setFocused(undefined))

describe('each write has its own outcome', () => {
  it('a sales channel refused with 401 fails only its own caller: the postal code merged into the same PATCH is sent again on its own and lands', async () => {
    const { result } = renderHook(() => ({ channel: useSalesChannel(), region: useRegion(), campaign: usePublicField('utm_campaign') }), createWrapper())
    await waitFor(() => expect(result.current.region.isLoading).toBe(false))
    let writes!: Promise<[unknown, unknown, unknown]>
    act(() => {
      // The first PATCH is out; the two writes behind it merge into the next one.
      writes = Promise.all([
        result.current.campaign[1]('winter'),
        result.current.channel.setSalesChannel('3').catch((error: SessionError) => error),
        result.current.region.setRegion({ country: 'BRA', postalCode: '22071-900' }).then(() => 'placed'),
      ])
    })
    const [, channelOutcome, regionOutcome] = await act(() => writes)
    expect(channelOutcome).toMatchObject({ kind: 'http', status: 401 })
    expect(regionOutcome).toBe('placed')
    expect(patchBodies()).toEqual([
      { utm_campaign: { value: 'winter' } },
      { sc: { value: '3' }, country: { value: 'BRA' }, postalCode: { value: '22071-900' } },
      // Refused as a whole: each write again on its own, in the order asked.
      { sc: { value: '3' } },
      { country: { value: 'BRA' }, postalCode: { value: '22071-900' } },
    ])
    expect(result.current.region).toMatchObject({ postalCode: '22071-900', regionId: expect.stringMatching(/^v2\./), error: null })
    expect(result.current.channel).toMatchObject({ salesChannel: '1', error: { status: 401 } })
    expect((await serverPublic())?.postalCode?.value).toBe('22071-900')
  })

  it('a PATCH the server refuses alone is not sent again', async () => {
    const { result } = renderHook(() => useSalesChannel(), createWrapper())
    await waitFor(() => expect(result.current.isLoading).toBe(false))
    await act(() => result.current.setSalesChannel('3').catch(() => {}))
    expect(patchBodies()).toEqual([{ sc: { value: '3' } }])
  })
})

describe('a write whose outcome is unknown', () => {
  it('timed out while the server applied it: the session is marked stale, and the next window focus shows what the server holds', async () => {
    const client = createSessionClient({ timeoutMs: 40 })
    const { result } = renderHook(() => usePublicField('utm_campaign'), createWrapper({ client }))
    await waitFor(() => expect(sessionRequests()).toHaveLength(1))
    mock.setLatency(({ method }) => (method === 'PATCH' ? 120 : 0))
    const error = await act(() => result.current[1]('applied-late').catch((failure: SessionError) => failure))
    expect(error).toMatchObject({ kind: 'network' })
    expect(result.current[0]).toBeUndefined()
    // The server applied it after the client gave up.
    await waitFor(async () => expect((await serverPublic())?.utm_campaign?.value).toBe('applied-late'))
    mock.setLatency(0)
    act(() => {
      focusManager.setFocused(false)
      focusManager.setFocused(true)
    })
    await waitFor(() => expect(result.current[0]).toBe('applied-late'))
  })

  it('refused (4xx) is known not to be applied: nothing is read again on focus', async () => {
    const { result } = renderHook(() => useSalesChannel(), createWrapper())
    await waitFor(() => expect(result.current.isLoading).toBe(false))
    await act(() => result.current.setSalesChannel('3').catch(() => {}))
    const before = sessionRequests().length
    act(() => {
      focusManager.setFocused(false)
      focusManager.setFocused(true)
    })
    await act(() => Promise.resolve())
    expect(sessionRequests()).toHaveLength(before)
  })
})

describe('a store switcher', () => {
  it('a write asked just before the provider moves to another store goes to the store it was asked on', async () => {
    const { storeB, wrapper: Switchable, switchStore } = storeSwitcher()
    const { result } = renderHook(() => usePublicField('utm_campaign'), { wrapper: Switchable })
    await waitFor(() => expect(sessionRequests()).toHaveLength(1))
    let write!: Promise<void>
    act(() => {
      write = result.current[1]('for-store-a')
      switchStore()
    })
    await act(() => write.catch(() => {}))
    expect(patchBodies()).toEqual([{ utm_campaign: { value: 'for-store-a' } }])
    expect(storeB.requests.filter(({ method }) => method === 'PATCH')).toEqual([])
    expect((await serverPublic())?.utm_campaign?.value).toBe('for-store-a')
  })
})
