import { dehydrate, HydrationBoundary, QueryClient, QueryClientProvider, type DehydratedState } from '@tanstack/react-query'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { setupServer } from 'msw/node'
import { useState } from 'react'
import { renderToString } from 'react-dom/server'
import { afterAll, beforeAll, it } from 'vitest'
import { regionPolicy, SessionProvider, type RegionPolicy } from 'vtex-session-react'
import { createSearchClient, productSearchOptions, searchContextOf } from 'vtex-session-react/search'
import { googleRegionIdOf, prefetchSession } from '../src/server/index'
import { createSessionManagerMock, demoPriceOf } from 'vtex-session-react/testing'
import { catalogPage } from '../stories/examples/catalogPage'
import { PriceList } from '../stories/examples/PriceList'
import { median, saveResults } from './results.mjs'
import { settle as settleEmulator } from './settle'

// A shopper lands on a product page from a Google Shopping regional ad (`?region_id=`): how many
// requests, and how long, until prices for the ad's region are rendered — with the server part
// (`fetchSession({ regionId })`, the search prefetched, the HTML rendered) and without it (the
// browser's `regionPolicy`). Every request costs LATENCY_MS; times are this page's own clock.

const RUNS = 21
const LATENCY_MS = 50
const mock = createSessionManagerMock()
const server = setupServer(...mock.handlers)
const AD = googleRegionIdOf({ country: 'BRA', postalCode: '22250-040' })
const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'
const REGIONAL = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' }).format(demoPriceOf(249, { regionId: RIO }))

const count = (prefix: RegExp) => mock.requests.filter(({ path }) => prefix.test(path)).length
const requestCounts = () => ({ sessionManager: count(/^\/api\/(sessions|segments)/), search: count(/^\/api\/intelligent-search\/v1\//) })
const settle = () => settleEmulator(mock, LATENCY_MS * 3 + 30)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

function fresh() {
  cleanup()
  mock.reset()
  mock.setLatency(LATENCY_MS)
}

function Page({ queryClient, state, region }: { queryClient: QueryClient; state?: DehydratedState; region?: RegionPolicy }) {
  return (
    <QueryClientProvider client={queryClient}>
      <HydrationBoundary state={state}>
        <SessionProvider region={region}>
          <PriceList />
        </SessionProvider>
      </HydrationBoundary>
    </QueryClientProvider>
  )
}

function Browser(props: { state?: DehydratedState; region?: RegionPolicy }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: false } } }))
  return <Page queryClient={queryClient} {...props} />
}

/** The server part: the session read with the ad's region in the same request, the search prefetched, the HTML rendered. */
async function serverRender() {
  const queryClient = new QueryClient()
  const fetched = await prefetchSession(queryClient, { baseUrl: location.origin, cookie: null, regionId: AD })
  const search = createSearchClient({ baseUrl: location.origin })
  await queryClient.prefetchQuery(productSearchOptions(search, { ...catalogPage, context: searchContextOf(fetched.segment, fetched.session) }, { providerBaseUrl: '' }))
  const html = renderToString(<Page queryClient={queryClient} />)
  return { html, state: dehydrate(queryClient) }
}

it(`times a Google ad landing to regional prices rendered, server and client paths, ${LATENCY_MS} ms per request, median of ${RUNS}`, async () => {
  const serverTimes: number[] = []
  const clientTimes: number[] = []
  let serverRequests = { sessionManager: 0, search: 0 }
  let hydrationRequests = { sessionManager: 0, search: 0 }
  let clientRequests = { sessionManager: 0, search: 0 }
  for (let run = 0; run < RUNS; run++) {
    fresh()
    const started = performance.now()
    const { html, state } = await serverRender()
    serverTimes.push(performance.now() - started)
    if (!html.includes(REGIONAL)) throw new Error(`the server HTML is not priced for the ad's region (${REGIONAL})`)
    serverRequests = requestCounts()
    // The browser hydrates it: nothing more to ask.
    mock.reset()
    render(<Browser state={state} />)
    await settle()
    hydrationRequests = requestCounts()

    fresh()
    window.history.replaceState(null, '', `/p/kettle?region_id=${encodeURIComponent(AD)}`)
    const landed = performance.now()
    render(<Browser region={regionPolicy()} />)
    await waitFor(() => {
      if (!screen.queryByTestId('prices')?.textContent?.includes(REGIONAL)) throw new Error('not yet')
    }, { timeout: 10_000, interval: 2 })
    clientTimes.push(performance.now() - landed)
    await settle()
    clientRequests = requestCounts()
    window.history.replaceState(null, '', '/')
  }
  saveResults('googleAdLanding', {
    latencyMs: LATENCY_MS,
    runs: RUNS,
    server: { medianMs: Math.round(median(serverTimes)), requests: serverRequests, requestsAfterHydration: hydrationRequests },
    client: { medianMs: Math.round(median(clientTimes)), requests: clientRequests },
  })
})
