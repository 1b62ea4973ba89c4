import { act, renderHook, waitFor } from '@testing-library/react'
import { delay, http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { createSessionClient, segmentQueryOptions, sessionKeys, usePublicField, useSegment, useUpdateSession } from '../src/index'
import { runtimeFor } from '../src/runtime/index'
import { createTestQueryClient, createWrapper, mock, server, sessionRequests } from './harness'

const serverPublic = async () => (await createSessionClient().getSession()).namespaces.public

describe('serialized writes', () => {
  it('keeps both of two quick writes of different fields', async () => {
    const { result } = renderHook(() => ({ a: usePublicField('a'), b: usePublicField('b') }), createWrapper())
    await waitFor(() => expect(sessionRequests()).toHaveLength(1))
    mock.setLatency(20)
    await act(() => Promise.all([result.current.a[1]('1'), result.current.b[1]('2')]))
    expect(result.current.a[0]).toBe('1')
    expect(result.current.b[0]).toBe('2')
    mock.setLatency(0)
    expect(await serverPublic()).toMatchObject({ a: { value: '1' }, b: { value: '2' } })
  })

  it('ends at the last of three quick writes even when earlier answers would come back last', async () => {
    const { result } = renderHook(() => ({ field: usePublicField('utm_campaign'), segment: useSegment() }), createWrapper())
    await waitFor(() => expect(result.current.segment.data).toBeDefined())
    // The earlier a PATCH, the slower its answer: in parallel they would land in reverse order.
    const delays = [90, 45, 0]
    mock.setLatency(({ method }) => (method === 'PATCH' ? (delays.shift() ?? 0) : 0))
    const writes = ['first', 'second', 'third'].map((value) => result.current.field[1](value))
    await act(() => Promise.all(writes))
    expect(result.current.field[0]).toBe('third')
    expect(result.current.segment.data?.utm_campaign).toBe('third')
    const patches = sessionRequests().filter(({ method }) => method === 'PATCH')
    expect(patches.at(-1)?.body).toEqual({ public: { utm_campaign: { value: 'third' } } })
    // Queued writes of the same field merge: the server never sees 'second' after 'third'.
    expect(patches.map(({ body }) => JSON.stringify(body))).toEqual([
      JSON.stringify({ public: { utm_campaign: { value: 'first' } } }),
      JSON.stringify({ public: { utm_campaign: { value: 'third' } } }),
    ])
    mock.setLatency(0)
    expect((await serverPublic())?.utm_campaign?.value).toBe('third')
  })

  it('never has two PATCHes in flight at once', async () => {
    const { result } = renderHook(() => usePublicField('n'), createWrapper())
    await waitFor(() => expect(sessionRequests()).toHaveLength(1))
    let inFlight = 0
    let most = 0
    mock.setLatency(() => {
      inFlight += 1
      most = Math.max(most, inFlight)
      setTimeout(() => (inFlight -= 1), 15)
      return 15
    })
    await act(async () => {
      const first = result.current[1]('1')
      await new Promise((resolve) => setTimeout(resolve, 5))
      await Promise.all([first, result.current[1]('2'), result.current[1]('3')])
    })
    expect(most).toBe(1)
    expect(result.current[0]).toBe('3')
  })
})

describe('useUpdateSession', () => {
  it('writes several public fields in one PATCH and resolves with the new session', async () => {
    const { result } = renderHook(() => ({ update: useUpdateSession(), source: usePublicField('utm_source') }), createWrapper())
    await waitFor(() => expect(sessionRequests()).toHaveLength(1))
    let session: Awaited<ReturnType<typeof result.current.update.mutateAsync>> | undefined
    await act(async () => {
      session = await result.current.update.mutateAsync({ utm_source: 'mail', utm_campaign: 'bf' })
    })
    expect(session?.namespaces.public).toMatchObject({ utm_source: { value: 'mail' }, utm_campaign: { value: 'bf' } })
    expect(result.current.source[0]).toBe('mail')
    const patches = sessionRequests().filter(({ method }) => method === 'PATCH')
    expect(patches).toEqual([
      { method: 'PATCH', path: '/api/sessions?items=*', body: { public: { utm_source: { value: 'mail' }, utm_campaign: { value: 'bf' } } } },
    ])
  })
})

describe('a segment read in flight during a write', () => {
  it('does not land after the write and bring back the old segment', async () => {
    const client = createSessionClient()
    const queryClient = createTestQueryClient({ retry: 3 })
    queryClient.setQueryData(sessionKeys.session, await client.getSession())
    const runtime = runtimeFor(queryClient, client)
    const oldSegment = await client.getSegment()
    queryClient.setQueryData(sessionKeys.segment, oldSegment)
    // A read of the segment that the server answered before the write, delivered after it.
    server.use(
      http.get('/api/segments', async () => {
        await delay(150)
        return HttpResponse.json(oldSegment)
      }, { once: true }),
    )
    void queryClient.fetchQuery({ ...segmentQueryOptions(client), staleTime: 0 }).catch(() => {})
    await new Promise((resolve) => setTimeout(resolve, 10))
    await runtime.write({ country: 'BRA', postalCode: '22250-040' })
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(queryClient.getQueryData<{ regionId: string }>(sessionKeys.segment)?.regionId).toBe('v2.1BB18CE648B5111D0933734ED83EC783')
  })
})
