import { QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSessionClient, refreshSession, SessionProvider, useRegionPrefetch, usePublicField, type SessionClient } from '../src/index'
import { createTestQueryClient } from './harness'

afterEach(() => vi.restoreAllMocks())

/** A fetch of the app's own: records `METHOD path` and the store header of every request it sends. */
function recordingFetch() {
  const sent: string[] = []
  const send: typeof fetch = (input, init) => {
    const url = new URL(String(input), 'http://localhost')
    sent.push(`${init?.method ?? 'GET'} ${url.pathname}${url.search} ${new Headers(init?.headers).get('x-store') ?? '-'}`)
    return fetch(input, init)
  }
  return { sent, send }
}

const providerWith = (queryClient = createTestQueryClient(), client?: () => SessionClient) =>
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <QueryClientProvider client={queryClient}>
        <SessionProvider client={client?.()}>{children}</SessionProvider>
      </QueryClientProvider>
    )
  }

describe('one owner for the session engine', () => {
  it("keeps the client the runtime was made with: a second provider's other client is not used, and development builds say so once", async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const queryClient = createTestQueryClient()
    const own = recordingFetch()
    const other = recordingFetch()
    const ownClient = createSessionClient({ fetch: own.send, headers: { 'x-store': 'own' } })
    const first = renderHook(() => usePublicField('utm_campaign'), { wrapper: providerWith(queryClient, () => ownClient) })
    await waitFor(() => expect(first.result.current[0]).toBeUndefined())
    await waitFor(() => expect(own.sent).toHaveLength(1))
    const otherClient = createSessionClient({ fetch: other.send })
    const second = renderHook(() => usePublicField('utm_campaign'), { wrapper: providerWith(queryClient, () => otherClient) })
    second.rerender()
    await act(() => second.result.current[1]('through-the-first'))
    expect(first.result.current[0]).toBe('through-the-first')
    expect(own.sent).toEqual(['GET /api/sessions?items=* own', 'PATCH /api/sessions?items=* own'])
    expect(other.sent).toEqual([])
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/first SessionClient given for it/)
  })

  it('an inline createSessionClient() on every render is the same client: no warning', async () => {
    const warn = vi.spyOn(console, 'warn')
    const { result, rerender } = renderHook(() => usePublicField('utm_campaign'), { wrapper: providerWith(undefined, () => createSessionClient()) })
    rerender()
    await act(() => result.current[1]('inline'))
    rerender()
    expect(result.current[0]).toBe('inline')
    expect(warn).not.toHaveBeenCalled()
  })

  it("refreshSession(queryClient) goes through the provider's own client (its fetch and headers)", async () => {
    const queryClient = createTestQueryClient()
    const own = recordingFetch()
    const client = createSessionClient({ fetch: own.send, headers: { 'x-store': 'own' } })
    renderHook(() => usePublicField('utm_campaign'), { wrapper: providerWith(queryClient, () => client) })
    await waitFor(() => expect(own.sent).toHaveLength(1))
    await act(() => refreshSession(queryClient))
    expect(own.sent).toEqual(['GET /api/sessions?items=* own', 'GET /api/sessions?items=* own'])
  })

  it("the region predictor asks through the provider's fetch and headers", async () => {
    const own = recordingFetch()
    const client = createSessionClient({ fetch: own.send, headers: { 'x-store': 'own' } })
    const { result } = renderHook(() => useRegionPrefetch({ prefetchForSegment: () => {}, debounceMs: 0 }), { wrapper: providerWith(undefined, () => client) })
    await waitFor(() => expect(own.sent).toHaveLength(1))
    act(() => result.current.prefetch({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(own.sent).toContain('GET /api/checkout/pub/regions?country=BRA&postalCode=22250-040 own'))
  })
})
