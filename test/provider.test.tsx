import { render, renderHook, screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import {
  SessionProvider,
  usePublicField,
  useRegion,
  useSegment,
  useSegmentKey,
  useSession,
  useUpdateSession,
  type Session,
} from '../src/index'
import { createTestQueryClient, renderWithSession, sessionRequests } from './harness'

const requestLines = () => sessionRequests().map(({ method, path }) => `${method} ${path}`)

function SessionId() {
  const { data } = useSession()
  return <p>session {data?.id ?? 'loading'}</p>
}

function Campaign() {
  const [campaign] = usePublicField('utm_campaign')
  return <p>campaign {campaign ?? 'none'}</p>
}

function RegionLabel() {
  const { regionId } = useRegion()
  return <p>region {regionId ?? 'none'}</p>
}

function Channel() {
  const { data } = useSegment()
  return <p>channel {data?.channel ?? 'loading'}</p>
}

const ssrSession: Session = {
  id: 'ssr-session',
  namespaces: { public: { utm_campaign: { value: 'from-server' } }, checkout: { regionId: { value: 'v2.SSR' } } },
}

describe('SessionProvider', () => {
  it('loads the session with one GET ?items=* for many consumers under StrictMode', async () => {
    renderWithSession(
      <>
        <SessionId />
        <SessionId />
        <Campaign />
        <RegionLabel />
      </>,
      { strict: true },
    )
    expect(await screen.findAllByText(/^session 0000/)).toHaveLength(2)
    expect(requestLines()).toEqual(['GET /api/sessions?items=*'])
  })

  it('adds one GET /api/segments, after the session, when a component reads the segment', async () => {
    renderWithSession(
      <>
        <Channel />
        <Channel />
        <SessionId />
      </>,
      { strict: true },
    )
    expect(await screen.findAllByText('channel 1')).toHaveLength(2)
    expect(requestLines()).toEqual(['GET /api/sessions?items=*', 'GET /api/segments'])
  })

  it('lets components that mount later reuse the cache', async () => {
    function Later() {
      const [shown, setShown] = useState(false)
      return shown ? <Campaign /> : <button onClick={() => setShown(true)}>show</button>
    }
    renderWithSession(
      <>
        <SessionId />
        <Later />
      </>,
    )
    await screen.findByText(/^session 0000/)
    screen.getByRole('button', { name: 'show' }).click()
    expect(await screen.findByText('campaign none')).toBeTruthy()
    expect(requestLines()).toEqual(['GET /api/sessions?items=*'])
  })

  it('renders initialSession on the first render and makes no request on mount', async () => {
    renderWithSession(
      <>
        <SessionId />
        <Campaign />
        <RegionLabel />
      </>,
      { initialSession: ssrSession, strict: true },
    )
    // Synchronous queries: no loading state ever rendered.
    expect(screen.getByText('session ssr-session')).toBeTruthy()
    expect(screen.getByText('campaign from-server')).toBeTruthy()
    expect(screen.getByText('region v2.SSR')).toBeTruthy()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(requestLines()).toEqual([])
  })

  it('works with a queryClient prop and no QueryClientProvider', async () => {
    const queryClient = createTestQueryClient()
    render(
      <SessionProvider queryClient={queryClient}>
        <SessionId />
      </SessionProvider>,
    )
    expect(await screen.findByText(/^session 0000/)).toBeTruthy()
    expect(queryClient.getQueryData(['vtex-session', 'session'])).toMatchObject({ id: expect.any(String) })
  })

  it('throws a message naming the fix when there is no QueryClient', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(<SessionProvider />)).toThrow(
      /SessionProvider needs a QueryClient: wrap it in <QueryClientProvider> or pass its queryClient prop/,
    )
  })

  it.each([
    ['useSession', () => useSession()],
    ['useSegment', () => useSegment()],
    ['usePublicField', () => usePublicField('a')],
    ['useRegion', () => useRegion()],
    ['useUpdateSession', () => useUpdateSession()],
    ['useSegmentKey', () => useSegmentKey()],
  ])('%s outside SessionProvider throws a message naming the fix', (name, hook) => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => renderHook(hook as () => unknown)).toThrow(`${name} must be used within <SessionProvider>`)
  })

  it('uses the client prop with its own baseUrl', async () => {
    const { createSessionClient } = await import('../src/index')
    const queryClient = createTestQueryClient({ retry: 3 })
    render(
      <SessionProvider queryClient={queryClient} client={createSessionClient({ baseUrl: 'http://localhost:3000' })}>
        <SessionId />
      </SessionProvider>,
    )
    await screen.findByText(/^session 0000/)
    await waitFor(() => expect(requestLines()).toEqual(['GET /api/sessions?items=*']))
  })
})

describe('SessionProvider freshness', () => {
  async function renderAndFocus(options: { staleTime?: number; refetchOnWindowFocus?: boolean }) {
    const states: string[] = []
    function Recorder() {
      const { data, isPending } = useSession()
      states.push(isPending ? 'pending' : `data ${data?.id}`)
      return null
    }
    renderWithSession(<Recorder />, options)
    await waitFor(() => expect(states.at(-1)).toMatch(/^data /))
    await new Promise((resolve) => setTimeout(resolve, 5))
    const { focusManager } = await import('@tanstack/react-query')
    focusManager.setFocused(false)
    focusManager.setFocused(true)
    await new Promise((resolve) => setTimeout(resolve, 50))
    focusManager.setFocused(undefined)
    return states
  }

  it('refetches a session older than staleTime on focus, in the background, without a loading state', async () => {
    const states = await renderAndFocus({ staleTime: 0 })
    expect(requestLines()).toEqual(['GET /api/sessions?items=*', 'GET /api/sessions?items=*'])
    expect(states.filter((state) => state === 'pending')).toHaveLength(1) // only before the first load
  })

  it('does not refetch on focus with refetchOnWindowFocus={false}', async () => {
    await renderAndFocus({ staleTime: 0, refetchOnWindowFocus: false })
    expect(requestLines()).toEqual(['GET /api/sessions?items=*'])
  })

  it('does not refetch on focus while the session is fresh (default staleTime)', async () => {
    await renderAndFocus({})
    expect(requestLines()).toEqual(['GET /api/sessions?items=*'])
  })
})
