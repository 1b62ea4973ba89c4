import { dehydrate, HydrationBoundary, QueryClient, QueryClientProvider, type DehydratedState } from '@tanstack/react-query'
import { act, render } from '@testing-library/react'
import { hydrateRoot, type Root } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSessionClient, SessionProvider, sessionKeys, useRegion, useSegment, useSegmentKey, useSession, type Session } from '../src/index'
import { prefetchSession } from '../src/server/index'
import { createTestQueryClient, sessionRequests, mock } from './harness'

const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'
/** The server HTML as text: React separates adjacent text nodes with `<!-- -->`. */
const textOf = (html: string) => html.replace(/<!-- -->/g, '').replace(/<[^>]+>/g, '')

function Storefront() {
  const { regionId, postalCode } = useRegion()
  const segment = useSegment()
  const segmentKey = useSegmentKey()
  return (
    <p>
      region {regionId ?? 'loading'} {postalCode ?? ''} · channel {segment.data?.channel ?? 'loading'} · key {segmentKey ? 'ready' : 'none'}
    </p>
  )
}

/** What a server does: read the session for the shopper, render to HTML, dehydrate the cache. */
async function serverRender(tree: (queryClient: QueryClient) => React.ReactNode) {
  const client = createSessionClient()
  await client.editSession({ country: 'BRA', postalCode: '22250-040' })
  const serverClient = createTestQueryClient()
  serverClient.setQueryData(sessionKeys.session, await client.getSession())
  serverClient.setQueryData(sessionKeys.segment, await client.getSegment())
  const html = renderToString(tree(serverClient))
  const state = dehydrate(serverClient)
  mock.reset() // from here on, only the browser's requests count
  return { html, state }
}

let root: Root | undefined
afterEach(() => {
  act(() => root?.unmount())
  root = undefined
  document.body.innerHTML = ''
})

function hydrate(html: string, tree: React.ReactNode) {
  const container = document.createElement('div')
  container.innerHTML = html
  document.body.append(container)
  const errors = vi.spyOn(console, 'error')
  act(() => {
    root = hydrateRoot(container, tree, { onRecoverableError: (error) => console.error(error) })
  })
  return { container, errors }
}

const App = ({ queryClient, state }: { queryClient: QueryClient; state?: DehydratedState }) => (
  <QueryClientProvider client={queryClient}>
    <HydrationBoundary state={state}>
      <SessionProvider>
        <Storefront />
      </SessionProvider>
    </HydrationBoundary>
  </QueryClientProvider>
)

describe('server rendering and hydration', () => {
  it('renders the region in the server HTML and hydrates a dehydrated cache with no request and no warning', async () => {
    const { html, state } = await serverRender((queryClient) => <App queryClient={queryClient} />)
    expect(textOf(html)).toBe(`region ${RIO} 22250-040 · channel 1 · key ready`)

    const { container, errors } = hydrate(html, <App queryClient={createTestQueryClient()} state={state} />)
    expect(container.textContent).toBe(`region ${RIO} 22250-040 · channel 1 · key ready`)
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
    expect(sessionRequests()).toEqual([])
    expect(errors).not.toHaveBeenCalled()
  })

  it('hydrates from initialSession with no session request and no warning', async () => {
    const client = createSessionClient()
    await client.editSession({ country: 'BRA', postalCode: '22250-040' })
    const session: Session = await client.getSession()
    mock.reset()
    function RegionOnly() {
      const { regionId } = useRegion()
      return <p>region {regionId ?? 'loading'}</p>
    }
    const tree = (queryClient: QueryClient) => (
      <QueryClientProvider client={queryClient}>
        <SessionProvider initialSession={session}>
          <RegionOnly />
        </SessionProvider>
      </QueryClientProvider>
    )
    const html = renderToString(tree(new QueryClient()))
    expect(textOf(html)).toBe(`region ${RIO}`)
    const { errors, container } = hydrate(html, tree(createTestQueryClient()))
    expect(container.textContent).toBe(`region ${RIO}`)
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
    expect(sessionRequests()).toEqual([])
    expect(errors).not.toHaveBeenCalled()
  })

  it('without server data, the server HTML shows the loading state and the client loads once', async () => {
    const html = renderToString(<App queryClient={createTestQueryClient()} />)
    expect(textOf(html)).toBe('region loading  · channel loading · key none')
    const { container, errors } = hydrate(html, <App queryClient={createTestQueryClient()} />)
    await act(() => new Promise((resolve) => setTimeout(resolve, 80)))
    expect(container.textContent).toContain('channel 1')
    expect(sessionRequests().map(({ method, path }) => `${method} ${path}`)).toEqual(['GET /api/sessions?items=*', 'GET /api/segments'])
    expect(errors).not.toHaveBeenCalled()
  })
})

describe("prefetchSession and the provider's baseUrl", () => {
  // The server needs an absolute baseUrl; the emulator answers on this page's origin.
  const SERVER_BASE_URL = window.location.origin

  function SessionLine() {
    const session = useSession()
    const segment = useSegment()
    return (
      <p>
        session {session.data?.id ?? 'loading'} · channel {segment.data?.channel ?? 'loading'}
      </p>
    )
  }

  it.each([
    ['the same absolute baseUrl as the server', SERVER_BASE_URL],
    ['a trailing slash on that baseUrl', `${SERVER_BASE_URL}/`],
    ["baseUrl '' (the page's own origin, through a proxy)", ''],
  ])('a provider with %s renders the prefetched session at once and makes no request', async (_case, providerBaseUrl) => {
    const serverClient = createTestQueryClient()
    const { session } = await prefetchSession(serverClient, { baseUrl: SERVER_BASE_URL })
    const mark = sessionRequests().length
    const browserClient = createTestQueryClient()
    const { container } = render(
      <QueryClientProvider client={browserClient}>
        <HydrationBoundary state={dehydrate(serverClient)}>
          <SessionProvider baseUrl={providerBaseUrl}>
            <SessionLine />
          </SessionProvider>
        </HydrationBoundary>
      </QueryClientProvider>,
    )
    expect(container.textContent).toBe(`session ${session.id} · channel 1`)
    // Mounted, effects run: a load would be in flight by now.
    expect(browserClient.isFetching()).toBe(0)
    expect(sessionRequests().slice(mark)).toEqual([])
  })
})
