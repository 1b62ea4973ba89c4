import type { QueryClient } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createSessionClient, refreshSession, sessionKeys, sessionQueryOptions, usePublicField } from '../src/index'
import { createWrapper, sessionRequests } from './harness'

/** Another device (or the server) changes the session behind this page's back. */
const changeOnServer = (campaign: string) => createSessionClient().editSession({ utm_campaign: campaign })

describe('the app removes the session from the cache, then reads it again', () => {
  it.each([
    // The mounted hooks read the key's new entry (as on mount); refreshSession's own read is the second.
    ['refreshSession', (queryClient: QueryClient) => refreshSession(queryClient, createSessionClient()), 2],
    // Its read and the hooks' are one.
    ['fetchQuery', (queryClient: QueryClient) => queryClient.fetchQuery(sessionQueryOptions(createSessionClient())), 1],
    ['refetchQueries', (queryClient: QueryClient) => queryClient.refetchQueries({ queryKey: sessionKeys.all }), 1],
  ])('with %s: the value the server now holds lands on screen', async (_, readAgain, reads) => {
    const { wrapper, queryClient } = createWrapper()
    const { result } = renderHook(() => usePublicField('utm_campaign'), { wrapper })
    await waitFor(() => expect(sessionRequests()).toHaveLength(1))
    await changeOnServer('changed-on-server')
    act(() => queryClient.removeQueries({ queryKey: sessionKeys.session }))
    await act(async () => void (await readAgain(queryClient)))
    await waitFor(() => expect(result.current[0]).toBe('changed-on-server'))
    await act(() => Promise.resolve())
    expect(sessionRequests().slice(2).map(({ method, path }) => `${method} ${path}`)).toEqual(Array(reads).fill('GET /api/sessions?items=*'))
  })
})
