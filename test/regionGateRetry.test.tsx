import { onlineManager } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { regionPolicy, sessionKeys, useRegionGate } from '../src/index'
import { createTestQueryClient, createWrapper, mock, sessionRequests } from './harness'

let since = 0
afterEach(() => {
  since = 0
})
const lines = () =>
  sessionRequests()
    .slice(since)
    .filter(({ path }) => path.startsWith('/api/sessions') || path.startsWith('/api/segments'))
    .map(({ method, path }) => `${method} ${path}`)

describe('retry() called twice while its read is out (a double click, two gates)', () => {
  it.each([
    ['with a region policy', regionPolicy({ required: true })],
    ['without a region policy', undefined],
  ])('%s: the second call settles with the outcome too (it rejects when the read fails again)', async (_name, region) => {
    mock.fail({ kind: 'http', status: 503 }, { method: 'GET', path: '/api/sessions', times: 2 })
    const { result } = renderHook(() => [useRegionGate(), useRegionGate()] as const, createWrapper({ strict: true, region }))
    await waitFor(() => expect(result.current[0].status).toBe('failed'))
    let first!: Promise<void>
    let second!: Promise<void>
    const outcomes: string[] = []
    act(() => {
      first = result.current[0].retry()
      second = result.current[1].retry()
    })
    first.then(
      () => outcomes.push('first resolved'),
      () => outcomes.push('first rejected'),
    )
    second.then(
      () => outcomes.push('second resolved'),
      () => outcomes.push('second rejected'),
    )
    await act(() => first.catch(() => undefined))
    await act(() => second.catch(() => undefined))
    // One read for both calls (deduped), and both callers learn it failed again.
    expect(lines()).toEqual(['GET /api/sessions?items=*', 'GET /api/sessions?items=*'])
    expect(result.current[0]).toMatchObject({ status: 'failed', loadError: { kind: 'http', status: 503 } })
    expect(outcomes.sort()).toEqual(['first rejected', 'second rejected'])
  })
})

describe("review: retry()'s one-off options stay on the session Query", () => {
  it("after a retry() that succeeds, the app's invalidateQueries offline pauses (the QueryClient's networkMode), it does not fail at once", async () => {
    mock.fail({ kind: 'http', status: 503 }, { method: 'GET', path: '/api/sessions' })
    const queryClient = createTestQueryClient()
    const { result } = renderHook(() => useRegionGate(), createWrapper({ queryClient }))
    await waitFor(() => expect(result.current.status).toBe('failed'))
    await act(() => result.current.retry())
    await waitFor(() => expect(result.current.status).toBe('needed'))
    since = sessionRequests().length
    onlineManager.setOnline(false)
    try {
      let invalidated!: Promise<void>
      act(() => {
        invalidated = queryClient.invalidateQueries({ queryKey: sessionKeys.session, exact: true })
      })
      await act(() => invalidated)
      const query = queryClient.getQueryCache().find({ queryKey: sessionKeys.session, exact: true })!
      // networkMode 'online' (the QueryClient's): offline, the refetch waits for the connection, sending nothing.
      expect({ sent: lines(), fetchStatus: query.state.fetchStatus }).toEqual({ sent: [], fetchStatus: 'paused' })
    } finally {
      onlineManager.setOnline(true)
    }
  })

  it("after retry(), an app's refetchQueries of the session uses the QueryClient's retries (not retry: false)", async () => {
    mock.fail({ kind: 'http', status: 503 }, { method: 'GET', path: '/api/sessions', times: 3 })
    const queryClient = createTestQueryClient({ retry: 2, retryDelay: 0 })
    const { result } = renderHook(() => useRegionGate(), createWrapper({ queryClient }))
    await waitFor(() => expect(result.current.status).toBe('failed'))
    await act(() => result.current.retry())
    await waitFor(() => expect(result.current.status).toBe('needed'))
    // One 503, then the QueryClient's retry reads it.
    mock.fail({ kind: 'http', status: 503 }, { method: 'GET', path: '/api/sessions' })
    since = sessionRequests().length
    await act(() => queryClient.refetchQueries({ queryKey: sessionKeys.session, exact: true }))
    expect(lines()).toEqual(['GET /api/sessions?items=*', 'GET /api/sessions?items=*'])
    expect(result.current.loadError).toBeNull()
  })
})
