import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { useRegion, useSegment } from '../src/index'
import { createTestQueryClient, createWrapper, sessionRequests } from './harness'

const requestLines = (mark: number) =>
  sessionRequests()
    .slice(mark)
    .map(({ method, path }) => `${method} ${path}`)

describe('a root that unmounted (micro-frontend unmounted, QueryClientProvider gone)', () => {
  it('asks nothing of the server for the other tabs: their messages cost it no request (what it cannot apply is marked stale)', async () => {
    // The app keeps its cache as persisters advise (gcTime of a day): the entries outlive the root.
    const gone = renderHook(
      () => ({ region: useRegion(), segment: useSegment() }),
      createWrapper({
        queryClient: createTestQueryClient({ gcTime: 24 * 60 * 60_000 }),
      }),
    )
    await waitFor(() => expect(gone.result.current.segment.data).toBeDefined())
    gone.unmount()
    // Another tab, with no segment reader (its messages carry no segment), changes the region.
    const sender = renderHook(() => useRegion(), createWrapper())
    await waitFor(() => expect(sender.result.current.isLoading).toBe(false))
    const mark = sessionRequests().length
    await act(() =>
      sender.result.current.setRegion({
        country: 'BRA',
        postalCode: '22250-040',
      }),
    )
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
    // Only the sender's own write: the unmounted root's runtime still holds an open BroadcastChannel
    // (its onmessage keeps the runtime and the QueryClient alive) and reads session and segment again.
    expect(requestLines(mark)).toEqual(['PATCH /api/sessions?items=*'])
  })
})
