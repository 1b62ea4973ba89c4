import { focusManager } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createSessionClient, usePublicField, type SessionError } from '../src/index'
import { createWrapper, mock, sessionRequests } from './harness'

afterEach(() => focusManager.setFocused(undefined))

describe('a write that timed out, with another write queued behind it', () => {
  it('the late-applied value shows on the next focus even though the write behind it was answered first', async () => {
    const client = createSessionClient({ timeoutMs: 40 })
    const { result } = renderHook(() => ({ campaign: usePublicField('utm_campaign'), source: usePublicField('utm_source') }), createWrapper({ client }))
    await waitFor(() => expect(sessionRequests()).toHaveLength(1))
    // The campaign PATCH is slow (the client gives up at 40 ms, the server applies it at 120 ms); the next one is quick.
    mock.setLatency(({ method }) => (method === 'PATCH' && sessionRequests().filter((request) => request.method === 'PATCH').length === 1 ? 120 : 0))
    let campaign!: Promise<unknown>
    let source!: Promise<unknown>
    act(() => {
      campaign = result.current.campaign[1]('applied-late').catch((error: SessionError) => error)
      source = result.current.source[1]('newsletter')
    })
    expect(await act(() => campaign)).toMatchObject({ kind: 'network' })
    await act(() => source)
    await waitFor(async () => expect((await client.getSession()).namespaces.public?.utm_campaign?.value).toBe('applied-late'))
    mock.setLatency(0)
    act(() => {
      focusManager.setFocused(false)
      focusManager.setFocused(true)
    })
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
    expect({ campaign: result.current.campaign[0], source: result.current.source[0] }).toEqual({ campaign: 'applied-late', source: 'newsletter' })
  })
})
