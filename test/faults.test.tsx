import { onlineManager } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createSessionClient, sessionKeys, usePublicField, useRegion, useSegment, useSession, type SessionError } from '../src/index'
import type { Fault } from '../src/testing/index'
import { createWrapper, mock, sessionRequests, trackUnhandledRejections } from './harness'

const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'

const faults: Array<[string, Fault, SessionError['kind']]> = [
  ['HTTP 500', { kind: 'http', status: 500 }, 'http'],
  ['HTTP 400', { kind: 'http', status: 400 }, 'http'],
  ['a network failure', { kind: 'network' }, 'network'],
  ['invalid JSON', { kind: 'invalid-json' }, 'invalid-response'],
  ['JSON that breaks the schema', { kind: 'schema' }, 'invalid-response'],
]

/** A loaded field reader with a confirmed value, before any fault. */
async function renderLoadedField() {
  const rendered = renderHook(() => ({ field: usePublicField('utm_campaign'), session: useSession() }), createWrapper())
  await waitFor(() => expect(sessionRequests()).toHaveLength(1))
  await act(() => rendered.result.current.field[1]('last-good'))
  mock.reset()
  return rendered
}

describe('faults on a write', () => {
  afterEach(() => onlineManager.setOnline(true))

  it.each(faults)('%s: typed error, optimistic value rolled back, no unhandled rejection', async (_name, fault, kind) => {
    const { result } = await renderLoadedField()
    const unhandled = trackUnhandledRejections()
    try {
      mock.fail(fault)
      mock.setLatency(150)
      // Fire and forget, as an onChange handler would.
      act(() => void result.current.field[1]('optimistic'))
      await waitFor(() => expect(result.current.field[0]).toBe('optimistic'))
      await waitFor(() => expect(result.current.field[2].error).not.toBeNull())
      expect(result.current.field[2].error).toMatchObject({ name: 'SessionError', kind })
      expect(result.current.field[2].isPending).toBe(false)
      expect(result.current.field[0]).toBe('last-good')
      expect(result.current.session.data?.namespaces.public?.utm_campaign?.value).toBe('last-good')
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(unhandled.reasons).toEqual([])
    } finally {
      unhandled.stop()
    }
  })

  it('rejects an awaited write with the SessionError and clears the error on the next success', async () => {
    const { result } = await renderLoadedField()
    mock.fail({ kind: 'http', status: 503 })
    let caught: unknown
    await act(() => result.current.field[1]('x').catch((error: unknown) => void (caught = error)))
    expect(caught).toMatchObject({ kind: 'http', status: 503 })
    expect(result.current.field[2].error).toBe(caught)
    await act(() => result.current.field[1]('y'))
    expect(result.current.field).toEqual(['y', expect.any(Function), { isLoading: false, loadError: null, isPending: false, error: null, reset: expect.any(Function) }])
  })

  it('clears the error with reset(), keeping the last good value', async () => {
    const { result } = await renderLoadedField()
    mock.fail({ kind: 'http', status: 503 })
    await act(() => result.current.field[1]('x').catch(() => {}))
    expect(result.current.field[2].error).toMatchObject({ kind: 'http', status: 503 })
    act(() => result.current.field[2].reset())
    await waitFor(() => expect(result.current.field[2].error).toBeNull())
    expect(result.current.field[0]).toBe('last-good')
  })

  it('fails fast with kind network when offline instead of pausing', async () => {
    const { result } = await renderLoadedField()
    onlineManager.setOnline(false)
    mock.fail({ kind: 'network' })
    let caught: SessionError | undefined
    await act(() => result.current.field[1]('offline').catch((error: SessionError) => void (caught = error)))
    expect(caught?.kind).toBe('network')
    expect(result.current.field[0]).toBe('last-good')
  })

  it('times out with kind network and keeps the last good value', async () => {
    const client = createSessionClient({ timeoutMs: 40 })
    const { result } = renderHook(() => usePublicField('utm_campaign'), createWrapper({ client }))
    await waitFor(() => expect(sessionRequests()).toHaveLength(1))
    mock.setLatency(500)
    let caught: SessionError | undefined
    await act(() => result.current[1]('slow').catch((error: SessionError) => void (caught = error)))
    expect(caught).toMatchObject({ kind: 'network', message: expect.stringContaining('timed out after 40 ms') })
    expect(result.current[0]).toBeUndefined()
  })

  it('keeps the region and the segment when setRegion fails', async () => {
    const { result } = renderHook(() => ({ region: useRegion(), segment: useSegment() }), createWrapper())
    await waitFor(() => expect(result.current.segment.data).toBeDefined())
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    mock.fail({ kind: 'http', status: 500 }, { method: 'PATCH' })
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '01310-100' }).catch(() => {}))
    expect(result.current.region).toMatchObject({ regionId: RIO, postalCode: '22250-040', error: { kind: 'http', status: 500 } })
    expect(result.current.segment.data?.regionId).toBe(RIO)
  })

  it('keeps what the server accepted when the PATCH lands but reading the session back fails, then re-reads: region and segment agree', async () => {
    const { wrapper, queryClient } = createWrapper()
    const rendered: string[] = []
    const { result } = renderHook(() => {
      const region = useRegion()
      const segment = useSegment()
      rendered.push(`${region.postalCode ?? '-'} ${region.regionId ?? '-'} | ${segment.data?.regionId ?? '-'}`)
      return { region, segment }
    }, { wrapper })
    await waitFor(() => expect(result.current.segment.data).toBeDefined())
    // The read-back answers 502; the re-read that follows works.
    mock.fail({ kind: 'http', status: 502 }, { method: 'GET', path: '/api/sessions' })
    const mark = sessionRequests().length
    await act(async () => {
      await result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' })
      // Right after the write: the region the server accepted (from its segment token); the session is read again.
      expect(result.current.region).toMatchObject({ postalCode: '22250-040', regionId: RIO })
      expect(result.current.segment.data?.regionId).toBe(RIO)
    })
    await waitFor(() => expect(sessionRequests().slice(mark).map(({ method, path }) => `${method} ${path}`)).toEqual([
      'PATCH /api/sessions',
      'GET /api/sessions?items=*',
      'GET /api/sessions?items=*',
    ]))
    await waitFor(() => expect(queryClient.getQueryState(sessionKeys.session)?.isInvalidated).toBe(false))
    expect(result.current.region).toMatchObject({ postalCode: '22250-040', regionId: RIO, error: null })
    // Never one region beside another's prices: once the segment moved, the region moved with it.
    const afterSegmentMoved = rendered.slice(rendered.findIndex((line) => line.endsWith(`| ${RIO}`)))
    expect(afterSegmentMoved.every((line) => line === `22250-040 ${RIO} | ${RIO}`)).toBe(true)
  })

  it('rejects a segment token that is not the segment (invalid-response) and keeps the segment', async () => {
    const { result } = renderHook(() => ({ region: useRegion(), segment: useSegment() }), createWrapper())
    await waitFor(() => expect(result.current.segment.data).toBeDefined())
    mock.fail({ kind: 'schema' }, { method: 'PATCH' })
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }).catch(() => {}))
    expect(result.current.region.error?.kind).toBe('invalid-response')
    expect(result.current.segment.data?.regionId).toBeNull()
  })
})

describe('faults on a read', () => {
  it.each(faults)('%s on the first load: typed loadError on useSession, usePublicField and useRegion', async (_name, fault, kind) => {
    mock.fail(fault)
    const { result } = renderHook(() => ({ session: useSession(), field: usePublicField('a'), region: useRegion() }), createWrapper())
    expect(result.current.region).toMatchObject({ isLoading: true, loadError: null })
    await waitFor(() => expect(result.current.session.error).not.toBeNull())
    expect(result.current.session.error).toMatchObject({ name: 'SessionError', kind })
    expect(result.current.session.loadError).toBe(result.current.session.error)
    // A failed read is the read's state; the write's `error` stays for the hook's own writes.
    expect(result.current.field[2]).toMatchObject({ isLoading: false, loadError: result.current.session.error, error: null })
    expect(result.current.region).toMatchObject({ isLoading: false, loadError: result.current.session.error, error: null })
    // reset() clears the write's error only: the failed read stays on show.
    await act(async () => {
      result.current.region.reset()
      await new Promise((resolve) => setTimeout(resolve, 0))
    })
    expect(result.current.region.loadError).toBe(result.current.session.error)
  })

  it('keeps the last good session on screen when a refetch fails', async () => {
    const { result } = await renderLoadedField()
    mock.fail({ kind: 'http', status: 502 })
    await act(() => result.current.session.refetch())
    await waitFor(() => expect(result.current.session.error).toMatchObject({ kind: 'http', status: 502 }))
    expect(result.current.field[0]).toBe('last-good')
    expect(result.current.session.data?.namespaces.public?.utm_campaign?.value).toBe('last-good')
  })

  it('keeps the last good segment when its refetch breaks the schema', async () => {
    // Read data and error during render, as a component would (react-query re-renders for what was read).
    const { result } = renderHook(() => {
      const { data, error, refetch } = useSegment()
      return { data, error, refetch }
    }, createWrapper())
    await waitFor(() => expect(result.current.data).toBeDefined())
    mock.fail({ kind: 'schema' }, { path: '/api/segments' })
    await act(() => result.current.refetch())
    await waitFor(() => expect(result.current.error?.kind).toBe('invalid-response'))
    expect(result.current.data?.channel).toBe('1')
  })
})
