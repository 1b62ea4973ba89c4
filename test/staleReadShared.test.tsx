import { focusManager } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createSessionClient, usePublicField, type SessionError } from '../src/index'
import { createWrapper, mock, sessionRequests } from './harness'

afterEach(() => focusManager.setFocused(undefined))

const refocus = () =>
  act(() => {
    focusManager.setFocused(false)
    focusManager.setFocused(true)
  })

describe('a write that timed out and was applied late, with two tabs open', () => {
  it('once this tab reads what the server holds, the other tab shows it too (tabs converge on the server)', async () => {
    const client = createSessionClient({ timeoutMs: 40 })
    const writer = renderHook(() => usePublicField('utm_campaign'), createWrapper({ client }))
    const other = renderHook(() => usePublicField('utm_campaign'), createWrapper({ client }))
    await waitFor(() => expect(sessionRequests()).toHaveLength(2))
    mock.setLatency(({ method }) => (method === 'PATCH' ? 120 : 0))
    const error = await act(() => writer.result.current[1]('applied-late').catch((failure: SessionError) => failure))
    expect(error).toMatchObject({ kind: 'network' })
    await waitFor(async () => expect((await client.getSession()).namespaces.public?.utm_campaign?.value).toBe('applied-late'))
    mock.setLatency(0)
    // The shopper comes back to the writing tab: it reads the server (the write was marked stale)…
    refocus()
    await waitFor(() => expect(writer.result.current[0]).toBe('applied-late'))
    // …then switches to the other tab of the same store.
    refocus()
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
    expect({ writer: writer.result.current[0], other: other.result.current[0] }).toEqual({ writer: 'applied-late', other: 'applied-late' })
  })
})
