import { focusManager, onlineManager, QueryClientProvider } from '@tanstack/react-query'
import { act, render, renderHook, screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { createSessionClient, RegionGate, regionPolicy, SessionProvider, sessionKeys, usePublicField, useRegionGate, useSession } from '../src/index'
import { createTestQueryClient, createWrapper, mock, sessionRequests, holdNextSessionRequest } from './harness'

let since = 0
afterEach(() => {
  since = 0
  focusManager.setFocused(undefined)
  onlineManager.setOnline(true)
})
const sequence = <T,>(values: T[]) => values.filter((value, index) => value !== values[index - 1])
const gets = () =>
  sessionRequests()
    .slice(since)
    .filter(({ method, path }) => method === 'GET' && path.startsWith('/api/sessions'))


async function returningShopperIn(postalCode: string) {
  await createSessionClient({ baseUrl: 'http://localhost:3000' }).editSession({
    country: 'BRA',
    postalCode,
  })
  since = sessionRequests().length
}

describe("React Query's own reads after a failed one (focus, a new reader) keep the error on screen until they land", () => {
  it("a focus of a tab on a failing store reads it again with the QueryClient's retries, and <RegionGate> never drops its loadError for the fallback meanwhile", async () => {
    const queryClient = createTestQueryClient({ retry: 3, retryDelay: 0 })
    mock.fail({ kind: 'http', status: 503 }, { method: 'GET', path: '/api/sessions', times: 100 })
    const rendered: string[] = []
    const Shown = ({ name }: { name: string }) => (rendered.push(name), name)
    render(
      <QueryClientProvider client={queryClient}>
        <SessionProvider region={regionPolicy({ required: true })}>
          <RegionGate fallback={<Shown name="fallback" />} ask={() => <Shown name="ask" />} loadError={() => <Shown name="loadError" />}>
            <Shown name="children" />
          </RegionGate>
        </SessionProvider>
      </QueryClientProvider>,
    )
    await screen.findByText('loadError')
    expect(gets()).toHaveLength(4)
    act(() => {
      focusManager.setFocused(false)
      focusManager.setFocused(true)
    })
    await act(async () => {})
    await screen.findByText('loadError')
    await act(async () => {})
    // The focus read again (the QueryClient's four attempts), and the message never left the screen.
    await waitFor(() => expect(gets()).toHaveLength(8))
    await screen.findByText('loadError')
    expect(rendered.filter((name, index) => name !== rendered[index - 1])).toEqual(['fallback', 'loadError'])
  })
})

describe('a reader mounting after the failed read', () => {
  it('a component mounting after the failed read (a route change) reads it again, and the gate stays failed meanwhile', async () => {
    mock.fail({ kind: 'http', status: 503 }, { method: 'GET', path: '/api/sessions', times: 5 })
    let show!: (on: boolean) => void
    const statuses: string[] = []
    function Reader() {
      useSession()
      return null
    }
    function Page() {
      const [on, setOn] = useState(false)
      show = setOn
      const gate = useRegionGate()
      statuses.push(gate.status)
      return (
        <>
          <p>{gate.status}</p>
          {on ? <Reader /> : null}
        </>
      )
    }
    render(
      <QueryClientProvider client={createTestQueryClient()}>
        <SessionProvider region={regionPolicy({ required: true })}>
          <Page />
        </SessionProvider>
      </QueryClientProvider>,
    )
    await screen.findByText('failed')
    expect(gets()).toHaveLength(1)
    act(() => show(true))
    await act(async () => {})
    await screen.findByText('failed')
    await waitFor(() => expect(gets()).toHaveLength(2))
    await screen.findByText('failed')
    expect(sequence(statuses)).toEqual(['resolving', 'failed'])
  })
})

describe('retry() while a read is in flight', () => {
  it('a second click during the retry read does not resolve before the read settles, and rejects with it when it fails', async () => {
    mock.fail({ kind: 'http', status: 503 }, { method: 'GET', path: '/api/sessions', times: 1 })
    const { result } = renderHook(() => useRegionGate(), createWrapper({ region: regionPolicy({ required: true }) }))
    await waitFor(() => expect(result.current.status).toBe('failed'))
    const held = holdNextSessionRequest('get')
    mock.fail({ kind: 'http', status: 503 }, { method: 'GET', path: '/api/sessions', times: 1 })
    let first!: Promise<void>
    let second!: Promise<void>
    const outcomes: string[] = []
    act(() => {
      first = result.current.retry()
      second = result.current.retry()
    })
    first.then(
      () => outcomes.push('first resolved'),
      () => outcomes.push('first rejected'),
    )
    second.then(
      () => outcomes.push('second resolved'),
      () => outcomes.push('second rejected'),
    )
    await waitFor(() => expect(held.arrived).toBe(true))
    await act(async () => {})
    // The read has not answered: neither click may have settled yet.
    expect(outcomes).toEqual([])
    held.release()
    await act(() => first.catch(() => {}))
    await act(() => second.catch(() => {}))
    expect(gets()).toHaveLength(2)
    expect(outcomes.sort()).toEqual(['first rejected', 'second rejected'])
  })
})

describe('removeQueries while failed', () => {
  it('after the app removes the failed session, retry() still reads it (the Try again button is not dead)', async () => {
    const queryClient = createTestQueryClient()
    mock.fail({ kind: 'http', status: 503 }, { method: 'GET', path: '/api/sessions', times: 10 })
    const { result } = renderHook(() => useRegionGate(), createWrapper({ queryClient, region: regionPolicy({ required: true }) }))
    await waitFor(() => expect(result.current.status).toBe('failed'))
    act(() => queryClient.removeQueries({ queryKey: sessionKeys.session }))
    await act(async () => {})
    await waitFor(() => expect(result.current.status).toBe('failed'))
    mock.reset()
    const before = gets().length
    await act(() => result.current.retry().catch(() => {}))
    await waitFor(() => expect(result.current.status).toBe('needed'))
    expect(gets().length).toBeGreaterThan(before)
  })
})

describe('a write of another field during the first read renames the session’s own place', () => {
  it('a returning shopper’s page writes the locale while the session is read: their place is still named session', async () => {
    await returningShopperIn('01310-100')
    const read = holdNextSessionRequest('get')
    const { result } = renderHook(() => ({ gate: useRegionGate(), locale: usePublicField('locale') }), createWrapper({ region: regionPolicy({}) }))
    await waitFor(() => expect(read.arrived).toBe(true))
    let written!: Promise<void>
    act(() => {
      written = result.current.locale[1]('pt-BR')
    })
    await act(() => written)
    read.release()
    await waitFor(() => expect(result.current.gate.status).toBe('set'))
    // The shopper never chose a place here: 01310-100 is the session's own.
    expect(result.current.gate.source).toBe('session')
  })
})
