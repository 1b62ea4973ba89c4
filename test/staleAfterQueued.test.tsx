import { focusManager } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createSessionClient, usePublicField, type SessionError } from '../src/index'
import { createWrapper, mock, sessionRequests } from './harness'

const serverPublic = async () => (await createSessionClient().getSession()).namespaces.public

afterEach(() => focusManager.setFocused(undefined))

describe('a write that timed out, with another write queued behind it', () => {
  it('stays marked stale when the write behind it lands: the next focus shows what the server applied late', async () => {
    const client = createSessionClient({ timeoutMs: 40 })
    const { result } = renderHook(
      () => ({
        campaign: usePublicField('utm_campaign'),
        source: usePublicField('utm_source'),
      }),
      createWrapper({ client }),
    )
    await waitFor(() => expect(sessionRequests()).toHaveLength(1))
    // The first PATCH is slow (the client gives up, the server applies it later); the next is quick.
    let patches = 0
    mock.setLatency(({ method }) => (method === 'PATCH' && ++patches === 1 ? 120 : 0))
    let outcomes!: Promise<unknown[]>
    act(() => {
      outcomes = Promise.all([result.current.campaign[1]('applied-late').catch((error: SessionError) => error), result.current.source[1]('mail')])
    })
    const [campaignOutcome] = await act(() => outcomes)
    expect(campaignOutcome).toMatchObject({ kind: 'network' })
    await waitFor(async () => expect((await serverPublic())?.utm_campaign?.value).toBe('applied-late'))
    expect(result.current.source[0]).toBe('mail')
    act(() => {
      focusManager.setFocused(false)
      focusManager.setFocused(true)
    })
    // markStale's invalidation was undone by the queued write's setQueryData (isInvalidated: false).
    await waitFor(() => expect(result.current.campaign[0]).toBe('applied-late'))
  })
})
