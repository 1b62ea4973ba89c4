import { dehydrate, hydrate } from '@tanstack/react-query'
import { http } from 'msw'
import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSessionClient, refreshSession, sessionKeys, usePublicField, useRegion, useSegment, useSession, useUpdateSession, type Session } from '../src/index'
import { runtimeFor } from '../src/runtime/index'
import { createTestQueryClient, createWrapper, mock, server, sessionRequests } from './harness'

const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'
const SAO_PAULO = 'v2.5A6F0E3D91B24C7E8F1A2B3C4D5E6F70'
const THIRTY_SECONDS = 30_000
const realNow = Date.now.bind(Date)
/** Moves this page's wall clock by `offset` ms from now on (another machine's clock, a clock jump). */
const moveClock = (offset: number) => vi.spyOn(Date, 'now').mockImplementation(() => realNow() + offset)
const requestLines = (mark = 0) => sessionRequests().slice(mark).map(({ method, path }) => `${method} ${path}`)
const campaignOf = (session: Session | undefined) => session?.namespaces.public?.utm_campaign?.value

afterEach(() => vi.restoreAllMocks())

/** The server's render: the session read for the shopper, dehydrated with the server's clock. */
async function serverState(serverClockOffset: number) {
  const client = createSessionClient()
  await client.editSession({ utm_campaign: 'from-the-server' })
  const serverCache = createTestQueryClient()
  moveClock(serverClockOffset)
  serverCache.setQueryData(sessionKeys.session, await client.getSession())
  const state = dehydrate(serverCache)
  vi.restoreAllMocks()
  return state
}

describe('session and segment describe one server state', () => {
  it('refreshSession after an outside region change: session and segment change in the same render', async () => {
    const pairs: string[] = []
    const { result, queryClient } = (() => {
      const wrapped = createWrapper()
      const hook = renderHook(() => {
        const region = useRegion()
        const segment = useSegment()
        if (segment.data) pairs.push(`${region.regionId} ${segment.data.regionId}`)
        return { region, segment }
      }, wrapped)
      return { ...hook, queryClient: wrapped.queryClient }
    })()
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    // Changed outside the provider (another device, a server action); the segment read is the slow one.
    await createSessionClient().editSession({ country: 'BRA', postalCode: '01310-100' })
    mock.setLatency(({ path }) => (path.startsWith('/api/segments') ? 60 : 0))
    pairs.length = 0
    await act(() => refreshSession(queryClient))
    expect(result.current.region.regionId).toBe(SAO_PAULO)
    expect(pairs.filter((pair) => pair !== `${RIO} ${RIO}` && pair !== `${SAO_PAULO} ${SAO_PAULO}`)).toEqual([])
  })

  it('a write resolves with the session the server confirmed for it, not with a write still queued behind it', async () => {
    const { result } = renderHook(() => ({ segment: useSegment(), update: useUpdateSession() }), createWrapper())
    await waitFor(() => expect(result.current.segment.data).toBeDefined())
    mock.setLatency(({ method }) => (method === 'PATCH' ? 30 : 0))
    let first!: Promise<Session>
    let second!: Promise<Session>
    act(() => {
      first = result.current.update.mutateAsync({ utm_source: 'first' })
      second = result.current.update.mutateAsync({ utm_campaign: 'queued-behind' })
    })
    const [confirmedFirst] = await act(() => Promise.all([first, second]))
    expect(confirmedFirst.namespaces.public?.utm_source?.value).toBe('first')
    expect(confirmedFirst.namespaces.public?.utm_campaign).toBeUndefined()
  })

  it('a region change: no render shows the new segment beside the old region, even while the session is read back', async () => {
    const pairs: string[] = []
    const { result } = renderHook(() => {
      const region = useRegion()
      const segment = useSegment()
      if (region.regionId !== undefined && segment.data) pairs.push(`${region.regionId} ${segment.data.regionId}`)
      return { region, segment }
    }, createWrapper())
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    expect(result.current.segment.data?.regionId).toBe(RIO)
    // The read-back of the session is slow: the segment from the PATCH answer arrives first.
    mock.setLatency(({ method, path }) => (method === 'GET' && path.startsWith('/api/sessions') ? 80 : 0))
    pairs.length = 0
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '01310-100' }))
    expect(result.current.region.regionId).toBe(SAO_PAULO)
    expect(pairs.length).toBeGreaterThan(0)
    expect(pairs.filter((pair) => pair !== `${RIO} ${RIO}` && pair !== `${SAO_PAULO} ${SAO_PAULO}`)).toEqual([])
  })
})

describe('order by the page, never by a clock', () => {
  it('a late hydration of an older session (let in by a server clock ahead of ours) does not undo a confirmed write: the server is asked once', async () => {
    const state = await serverState(10 * 60_000) // read before the write below, stamped 10 minutes ahead
    const { wrapper, queryClient } = createWrapper()
    const rendered: Array<string | undefined> = []
    const { result } = renderHook(() => {
      const field = usePublicField('utm_campaign')
      rendered.push(field[0])
      return field
    }, { wrapper })
    await waitFor(() => expect(result.current[0]).toBe('from-the-server'))
    await act(() => result.current[1]('confirmed-here'))
    const mark = sessionRequests().length
    rendered.length = 0
    act(() => hydrate(queryClient, state)) // e.g. router.refresh() bringing a page rendered earlier
    await waitFor(() => expect(requestLines(mark)).toEqual(['GET /api/sessions?items=*']))
    await waitFor(() => expect(queryClient.isFetching()).toBe(0))
    expect(result.current[0]).toBe('confirmed-here')
    expect(rendered.filter((value) => value !== 'confirmed-here')).toEqual([])
  })

  for (const offset of [THIRTY_SECONDS, -THIRTY_SECONDS]) {
    it(`hydrated from a server whose clock is ${offset > 0 ? 'ahead of' : 'behind'} the browser's by 30 s: await setValue shows the new value, one PATCH`, async () => {
      const state = await serverState(offset)
      const queryClient = createTestQueryClient()
      hydrate(queryClient, state)
      const mark = sessionRequests().length
      const rendered: Array<string | undefined> = []
      const { result } = renderHook(
        () => {
          const field = usePublicField('utm_campaign')
          rendered.push(field[0])
          return field
        },
        createWrapper({ queryClient }),
      )
      expect(result.current[0]).toBe('from-the-server')
      await act(() => result.current[1]('set-here'))
      expect(result.current[0]).toBe('set-here')
      expect(requestLines(mark)).toEqual(['PATCH /api/sessions?items=*'])
      expect(rendered.slice(rendered.indexOf('set-here'))).toEqual(rendered.slice(rendered.indexOf('set-here')).map(() => 'set-here'))
    })
  }

  it('a cache entry stamped in the future, then removed: the next read costs one request, not a loop', async () => {
    const queryClient = createTestQueryClient()
    const session = await createSessionClient().getSession()
    queryClient.setQueryData(sessionKeys.session, session, { updatedAt: realNow() + THIRTY_SECONDS })
    const { result } = renderHook(() => useSession(), createWrapper({ queryClient }))
    expect(result.current.data?.id).toBe(session.id)
    queryClient.removeQueries({ queryKey: sessionKeys.session, exact: true })
    const mark = sessionRequests().length
    const reader = renderHook(() => useSession(), createWrapper({ queryClient }))
    await waitFor(() => expect(reader.result.current.data?.id).toBe(session.id))
    expect(requestLines(mark)).toEqual(['GET /api/sessions?items=*'])
  })

  it('a read started before a write and answered after it, with the clock moved ±30 s meanwhile: the write lands, the old value never comes back, no extra request', async () => {
    const { wrapper, queryClient } = createWrapper()
    const { result } = renderHook(() => ({ field: usePublicField('utm_campaign'), session: useSession() }), { wrapper })
    await waitFor(() => expect(result.current.session.data).toBeDefined())
    const mark = sessionRequests().length
    // The refetch starts first and is answered last, with the session as it was when asked.
    const delays: Record<string, number> = { GET: 80, PATCH: 30 }
    mock.setLatency(({ method }) => delays[method] ?? 0)
    const refetch = queryClient.refetchQueries({ queryKey: sessionKeys.session, exact: true })
    moveClock(THIRTY_SECONDS) // mid-read
    let write!: Promise<void>
    act(() => {
      write = result.current.field[1]('after-the-jump')
    })
    moveClock(-THIRTY_SECONDS) // mid-write
    await act(() => write)
    expect(result.current.field[0]).toBe('after-the-jump')
    await act(() => refetch)
    expect(result.current.field[0]).toBe('after-the-jump')
    expect(campaignOf(queryClient.getQueryData<Session>(sessionKeys.session))).toBe('after-the-jump')
    expect(requestLines(mark).sort()).toEqual(['GET /api/sessions?items=*', 'PATCH /api/sessions?items=*'])
  })

  it('a read dropped with nothing newer to show is read again once, and a second drop is a typed error, not a loop', async () => {
    const queryClient = createTestQueryClient()
    const runtime = runtimeFor(queryClient, createSessionClient())
    queryClient.setQueryData(sessionKeys.session, await createSessionClient().getSession())
    // Each read is overtaken: a write confirms while it is out, then the app removes the entry.
    let overtake = 2
    const gets: string[] = []
    server.use(
      http.get('/api/sessions', async ({ request, cookies }) => {
        gets.push(request.url)
        const answer = await mock.respond(request, cookies)
        if (overtake-- > 0) {
          await runtime.write({ utm_campaign: `overtaking-${overtake}` })
          queryClient.removeQueries({ queryKey: sessionKeys.session, exact: true })
        }
        return answer
      }),
    )
    await expect(runtime.readSession()).rejects.toMatchObject({ name: 'SessionError', kind: 'network' })
    expect(gets).toHaveLength(2)
    // The next read, not overtaken, lands at once.
    await expect(runtime.readSession()).resolves.toMatchObject({ id: expect.any(String) })
    expect(gets).toHaveLength(3)
  })
})

