import { onlineManager, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { useState, type ReactNode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createSessionClient,
  refreshSession,
  segmentQueryOptions,
  SessionProvider,
  sessionKeys,
  sessionKeysFor,
  usePriceTables,
  usePublicField,
  useSegment,
  useSession,
  useSessionRefresh,
  type Session,
  type SessionError,
} from '../src/index'
import { createTestQueryClient, createWrapper, mock, server, sessionRequests } from './harness'

const requestLines = (mark = 0) => sessionRequests().slice(mark).map(({ method, path }) => `${method} ${path}`)
const serverPublic = async () => (await createSessionClient().getSession()).namespaces.public
const campaignOf = (session: Session | undefined) => session?.namespaces.public?.utm_campaign?.value as string | undefined

/** The answers to the next GETs of the session are held until `release()`: a read that lands late. */
function holdSessionReads() {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  server.use(
    http.get('/api/sessions', async () => {
      const stale = await createSessionClient().getSession() // the server's answer at the time it was asked
      await released
      return HttpResponse.json(stale)
    }, { once: true }),
  )
  return release
}

afterEach(() => onlineManager.setOnline(true))

describe('one runtime per QueryClient', () => {
  it('two providers on one QueryClient writing the same field at once: one PATCH at a time, the last intent wins on the server and on both screens', async () => {
    const queryClient = createTestQueryClient()
    const header = renderHook(() => usePublicField('utm_campaign'), createWrapper({ queryClient }))
    const footer = renderHook(() => usePublicField('utm_campaign'), createWrapper({ queryClient }))
    await waitFor(() => expect(sessionRequests()).toHaveLength(1))
    // The first PATCH is slow: in two queues, the second would land first and the first would win.
    const delays = [60, 0]
    mock.setLatency(({ method }) => (method === 'PATCH' ? (delays.shift() ?? 0) : 0))
    await act(() => Promise.all([header.result.current[1]('from-header'), footer.result.current[1]('from-footer')]))
    expect(header.result.current[0]).toBe('from-footer')
    expect(footer.result.current[0]).toBe('from-footer')
    expect(requestLines(1)).toEqual(['PATCH /api/sessions?items=*', 'PATCH /api/sessions?items=*'])
    mock.setLatency(0)
    expect((await serverPublic())?.utm_campaign?.value).toBe('from-footer')
  })

  it("one provider's failed write does not erase what the other provider's write confirmed", async () => {
    const queryClient = createTestQueryClient()
    const first = renderHook(() => usePublicField('utm_source'), createWrapper({ queryClient }))
    const second = renderHook(() => usePublicField('utm_campaign'), createWrapper({ queryClient }))
    await waitFor(() => expect(sessionRequests()).toHaveLength(1))
    await act(() => first.result.current[1]('confirmed'))
    mock.fail({ kind: 'http', status: 500 }, { method: 'PATCH' })
    await act(() => second.result.current[1]('refused').catch(() => {}))
    expect(first.result.current[0]).toBe('confirmed')
    expect(second.result.current).toMatchObject([undefined, expect.any(Function), { error: { kind: 'http', status: 500 } }])
  })

  it('a provider remounted mid-write joins the same write: the value stays, the write resolves, the next one queues behind it', async () => {
    const queryClient = createTestQueryClient()
    function Remountable({ children }: { children: ReactNode }) {
      const [generation, setGeneration] = useState(0)
      remount = () => setGeneration((value) => value + 1)
      return (
        <QueryClientProvider client={queryClient}>
          {/* An inline client, rebuilt on every render: it must not rebuild the queue. */}
          <SessionProvider key={generation} client={createSessionClient()}>
            {children}
          </SessionProvider>
        </QueryClientProvider>
      )
    }
    let remount = () => {}
    const seen: Array<string | undefined> = []
    const { result } = renderHook(
      () => {
        const field = usePublicField('utm_campaign')
        seen.push(field[0])
        return field
      },
      { wrapper: Remountable },
    )
    await waitFor(() => expect(sessionRequests()).toHaveLength(1))
    mock.setLatency(({ method }) => (method === 'PATCH' ? 40 : 0))
    let first!: Promise<void>
    act(() => {
      first = result.current[1]('before-remount')
    })
    act(() => remount())
    const second = result.current[1]('after-remount')
    await act(() => Promise.all([first, second]))
    expect(result.current[0]).toBe('after-remount')
    // From the first write on, the field never went back to nothing.
    expect(seen.slice(seen.indexOf('before-remount'))).not.toContain(undefined)
    const patches = sessionRequests().filter(({ method }) => method === 'PATCH')
    expect(patches.map(({ body }) => body)).toEqual([
      { public: { utm_campaign: { value: 'before-remount' } } },
      { public: { utm_campaign: { value: 'after-remount' } } },
    ])
  })

  it('a write settles after its provider unmounts, with no React warning, and the cache keeps its answer', async () => {
    const errors = vi.spyOn(console, 'error')
    const { wrapper, queryClient } = createWrapper()
    const { result, unmount } = renderHook(() => usePublicField('utm_campaign'), { wrapper })
    await waitFor(() => expect(sessionRequests()).toHaveLength(1))
    mock.setLatency(({ method }) => (method === 'PATCH' ? 30 : 0))
    const write = result.current[1]('after-unmount')
    unmount()
    await expect(write).resolves.toBeUndefined()
    expect(campaignOf(queryClient.getQueryData<Session>(sessionKeys.session))).toBe('after-unmount')
    expect(errors).not.toHaveBeenCalled()
  })

  it('a provider with another baseUrl gets its own runtime and cache keys', async () => {
    const queryClient = createTestQueryClient()
    const here = renderHook(() => useSession(), createWrapper({ queryClient }))
    const proxied = renderHook(() => useSession(), createWrapper({ queryClient, baseUrl: 'http://localhost:3000' }))
    await waitFor(() => expect(here.result.current.data && proxied.result.current.data).toBeTruthy())
    expect(queryClient.getQueryData(sessionKeys.session)).toBeDefined()
    expect(queryClient.getQueryData(sessionKeysFor('http://localhost:3000').session)).toBeDefined()
    expect(sessionKeysFor('http://localhost:3000').session).toEqual(['vtex-session', 'session', 'http://localhost:3000'])
  })
})

describe('reads during a write', () => {
  it('an app-wide invalidateQueries() answered after the write does not put the old value back', async () => {
    const { wrapper, queryClient } = createWrapper()
    const { result } = renderHook(() => usePublicField('utm_campaign'), { wrapper })
    await waitFor(() => expect(sessionRequests()).toHaveLength(1))
    const release = holdSessionReads()
    mock.setLatency(({ method }) => (method === 'PATCH' ? 20 : 0))
    let write!: Promise<void>
    act(() => {
      write = result.current[1]('new')
    })
    // The app invalidates everything while the PATCH is in flight; the GET is answered (with the old session) after it.
    const refetch = queryClient.invalidateQueries()
    await act(() => write)
    expect(result.current[0]).toBe('new')
    release()
    await act(() => refetch)
    expect(result.current[0]).toBe('new')
    expect(campaignOf(queryClient.getQueryData<Session>(sessionKeys.session))).toBe('new')
  })

  it('a refetch answered during a write never makes the value flicker back (every rendered value recorded)', async () => {
    const rendered: Array<string | undefined> = []
    const { result } = renderHook(() => {
      const session = useSession()
      const field = usePublicField('utm_campaign')
      rendered.push(campaignOf(session.data))
      return { session, field }
    }, createWrapper())
    await waitFor(() => expect(result.current.session.data).toBeDefined())
    await act(() => result.current.field[1]('old'))
    mock.setLatency(({ method }) => (method === 'PATCH' ? 60 : 0))
    rendered.length = 0
    const mark = sessionRequests().length
    let write!: Promise<void>
    act(() => {
      write = result.current.field[1]('new')
    })
    // The refetch is answered (with 'old') while the PATCH is still in flight.
    await act(() => result.current.session.refetch())
    expect(requestLines(mark).sort()).toEqual(['GET /api/sessions?items=*', 'PATCH /api/sessions?items=*'])
    expect(result.current.field[0]).toBe('new')
    await act(() => write)
    expect(rendered.length).toBeGreaterThan(1)
    expect(rendered.every((value) => value === 'new')).toBe(true)
  })

  it('a write with only a disabled segment observer, or a segment cached for nobody, is one PATCH ?items=*', async () => {
    const { wrapper, queryClient } = createWrapper()
    const reader = renderHook(() => useSegment(), { wrapper })
    await waitFor(() => expect(reader.result.current.data).toBeDefined())
    reader.unmount() // the segment stays in the cache (gcTime), watched by nobody
    const { result } = renderHook(
      () => ({
        field: usePublicField('utm_campaign'),
        disabled: useQuery({ ...segmentQueryOptions(createSessionClient()), enabled: false }),
      }),
      { wrapper },
    )
    const mark = sessionRequests().length
    await act(() => result.current.field[1]('one-request'))
    expect(requestLines(mark)).toEqual(['PATCH /api/sessions?items=*'])
    // The cached segment no longer describes the session: it is dropped, not shown.
    expect(queryClient.getQueryData(sessionKeys.segment)).toBeUndefined()
  })
})

describe('offline', () => {
  it('a write fails fast with kind network while the first load is paused offline', async () => {
    onlineManager.setOnline(false)
    const { result } = renderHook(() => ({ session: useSession(), field: usePublicField('utm_campaign') }), createWrapper())
    await waitFor(() => expect(result.current.session.fetchStatus).toBe('paused'))
    mock.fail({ kind: 'network' }, { method: 'PATCH' })
    let caught: SessionError | undefined
    await act(() => result.current.field[1]('offline').catch((error: SessionError) => void (caught = error)))
    expect(caught).toMatchObject({ name: 'SessionError', kind: 'network' })
    expect(result.current.field[2]).toMatchObject({ isPending: false, error: caught })
  })

  it('a write fails fast with kind network during a paused refetch, and the last good session stays', async () => {
    const { result } = renderHook(() => {
      const session = useSession()
      return { session, fetchStatus: session.fetchStatus, field: usePublicField('utm_campaign') }
    }, createWrapper())
    await waitFor(() => expect(result.current.session.data).toBeDefined())
    await act(() => result.current.field[1]('last-good'))
    onlineManager.setOnline(false)
    void result.current.session.refetch()
    await waitFor(() => expect(result.current.fetchStatus).toBe('paused'))
    mock.fail({ kind: 'network' }, { method: 'PATCH' })
    let caught: SessionError | undefined
    await act(() => result.current.field[1]('offline').catch((error: SessionError) => void (caught = error)))
    expect(caught?.kind).toBe('network')
    expect(result.current.field[0]).toBe('last-good')
  })
})

describe('refreshSession()', () => {
  /** A tab: its own QueryClient and provider, the buyer's price tables, prices keyed by the segment. */
  async function openTab() {
    const priceFetches: string[] = []
    const { wrapper, queryClient } = createWrapper()
    const rendered = renderHook(
      () => {
        const segment = useSegment()
        useQuery({
          queryKey: ['prices', segment.data?.priceTables ?? ''],
          queryFn: () => priceFetches.push(segment.data?.priceTables ?? '') && { price: 10 },
          enabled: segment.data !== undefined,
        })
        return { session: useSession(), priceTables: usePriceTables().priceTables, refresh: useSessionRefresh() }
      },
      { wrapper },
    )
    await waitFor(() => expect(priceFetches).toHaveLength(1))
    return { ...rendered, queryClient, priceFetches }
  }

  it('after an out-of-band login: this tab re-reads session and segment once, re-prices, and the other tab follows without a request', async () => {
    const first = await openTab()
    const second = await openTab()
    const sessionId = first.result.current.session.data?.id ?? ''
    // The shopper logs in through VTEX ID, outside the Session Manager API.
    mock.logIn(sessionId, { email: 'buyer@b2b.example', priceTables: ['b2b-gold'] })
    const mark = sessionRequests().length
    await act(() => first.result.current.refresh.refreshSession())
    // Resolved once readers see the new session.
    expect(first.result.current.priceTables).toEqual(['b2b-gold'])
    expect(first.result.current.refresh).toMatchObject({ isPending: false, error: null })
    await waitFor(() => expect(second.result.current.priceTables).toEqual(['b2b-gold']))
    expect(requestLines(mark).sort()).toEqual(['GET /api/segments', 'GET /api/sessions?items=*'])
    await waitFor(() => expect(second.priceFetches.at(-1)).toBe('b2b-gold'))
    expect(first.priceFetches).toEqual(['', 'b2b-gold'])
    mock.logOut(sessionId)
    await act(() => refreshSession(first.queryClient))
    await waitFor(() => expect(second.result.current.priceTables).toEqual([]))
  })

  it('keeps the last good session and shows a typed error when the re-read fails', async () => {
    const tab = await openTab()
    mock.fail({ kind: 'http', status: 503 }, { path: '/api/sessions' })
    await act(() => tab.result.current.refresh.refreshSession().catch(() => {}))
    expect(tab.result.current.refresh.error).toMatchObject({ name: 'SessionError', kind: 'http', status: 503 })
    expect(tab.result.current.session.data?.id).toEqual(expect.any(String))
    act(() => tab.result.current.refresh.reset())
    await waitFor(() => expect(tab.result.current.refresh.error).toBeNull())
  })
})

