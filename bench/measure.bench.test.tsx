import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { Profiler, useEffect, useMemo, useState, type ReactNode } from 'react'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { SessionProvider, sharedPages, usePublicField, useRegion, useSession, type RegionInput, type Segment, type Session } from 'vtex-session-react'
import { createSearchClient, searchContextOf } from 'vtex-session-react/search'
import { createSessionManagerMock } from 'vtex-session-react/testing'
import { PostalCodeSelector } from '../stories/examples/PostalCodeSelector'
import { PricedPostalCodeSelector } from '../stories/examples/PricedPostalCodeSelector'
import { PriceList } from '../stories/examples/PriceList'
import { fillPageCache, pageSegmentOf } from '../src/server/index'
import { median, saveResults } from './results.mjs'
import { settle as settleEmulator } from './settle'

const RUNS = 21
const LATENCY_MS = 50
const mock = createSessionManagerMock()
const server = setupServer(...mock.handlers)
const sessionManagerRequests = () => mock.requests.filter(({ path }) => /^\/api\/(sessions|segments)/.test(path)).length
const searchRequests = () => mock.requests.filter(({ path }) => path.startsWith('/api/intelligent-search/v1/')).length

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

function fresh(latency = 0) {
  cleanup()
  mock.reset()
  mock.setLatency(latency)
}

const newQueryClient = () => new QueryClient({ defaultOptions: { queries: { retry: false } } })

function Providers({ children, initialSession, queryClient: given }: { children: ReactNode; initialSession?: Session; queryClient?: QueryClient }) {
  const [queryClient] = useState(() => given ?? newQueryClient())
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider initialSession={initialSession} sharedPages={given ? sharedPages : undefined}>
        {children}
      </SessionProvider>
    </QueryClientProvider>
  )
}

const settle = () => settleEmulator(mock, LATENCY_MS * 3 + 30)

let setRegionNow: (input: RegionInput) => Promise<void> = async () => {}
/** Hands the scenario this provider's `setRegion` (from an effect: render stays pure). */
function RegionControl() {
  const { setRegion } = useRegion()
  useEffect(() => {
    setRegionNow = setRegion
  }, [setRegion])
  return null
}

const REGIONS: RegionInput[] = [
  { country: 'BRA', postalCode: '22250-040' },
  { country: 'BRA', postalCode: '01310-100' },
]

const pricesShown = () => screen.queryByTestId('prices')?.textContent ?? ''

/**
 * Waits for the price grid to show other prices than `before`, settled (not fetching).
 * Resolves with whether the grid was ever empty meanwhile (a flash of a loading state).
 */
async function waitForNewPrices(before: string): Promise<boolean> {
  let wentEmpty = false
  await waitFor(
    () => {
      if (pricesShown() === '') wentEmpty = true
      if (pricesShown() === '' || pricesShown() === before || !screen.queryByText('Prices up to date')) throw new Error('not yet')
    },
    { interval: 1, timeout: 10_000 },
  )
  return wentEmpty
}

// ---------------------------------------------------------------------------------------------
// The anchors' way (VTEX IO session-client / shopper-location): PATCH, GET, then reload the page.
// The stand-in for location.reload(): a fresh QueryClient and a full re-mount, refetching everything.

let baselineSetRegion: (input: RegionInput) => Promise<void> = async () => {}
function BaselineApp({ onRender }: { onRender?: () => void }) {
  const [generation, setGeneration] = useState(0)
  const queryClient = useMemo(() => {
    void generation
    return newQueryClient()
  }, [generation])
  useEffect(() => {
    baselineSetRegion = async ({ country, ...rest }) => {
      const postalCode = 'postalCode' in rest ? rest.postalCode : ''
      const body = JSON.stringify({ public: { country: { value: country }, postalCode: { value: postalCode } } })
      await fetch('/api/sessions', { method: 'PATCH', body, headers: { 'content-type': 'application/json' } })
      await fetch('/api/sessions?items=*')
      setGeneration((value) => value + 1)
    }
  }, [])
  return (
    <QueryClientProvider client={queryClient} key={generation}>
      <SessionProvider>
        <Profiler id="prices" onRender={() => onRender?.()}>
          <PriceList />
        </Profiler>
      </SessionProvider>
    </QueryClientProvider>
  )
}

describe('benchmark', () => {
  it('counts Session Manager requests', async () => {
    const requests: Record<string, number> = {}

    fresh()
    render(<Providers><SessionReaders /></Providers>)
    await settle()
    requests['mount, cold: 3 session readers'] = sessionManagerRequests()

    fresh()
    render(<Providers><SessionReaders /><PriceList /></Providers>)
    await settle()
    requests['mount, cold: session readers + a segment-keyed price list'] = sessionManagerRequests()

    fresh()
    const ssrSession = await (await fetch('/api/sessions?items=*')).json()
    mock.reset()
    render(<Providers initialSession={ssrSession}><SessionReaders /></Providers>)
    await settle()
    requests['mount with SSR hydration (initialSession): 3 session readers'] = sessionManagerRequests()

    fresh()
    const pageClient = newQueryClient()
    fillPageCache(pageClient, { kind: 'shared', segment: pageSegmentOf((await (await fetch('/api/segments')).json()) as Segment) })
    mock.reset()
    render(<Providers queryClient={pageClient}><SessionReaders /><PriceList /></Providers>)
    await settle()
    requests['mount on a shared page (the page\'s segment hydrated, no session): session readers + a segment-keyed price list'] = sessionManagerRequests()

    fresh()
    render(<Providers><RegionControl /><PriceList /></Providers>)
    await settle()
    mock.reset()
    await act(() => setRegionNow(REGIONS[0] as RegionInput))
    await settle()
    requests['per setRegion, with a segment reader (prices)'] = sessionManagerRequests()

    fresh()
    render(<Providers><RegionControl /></Providers>)
    await settle()
    mock.reset()
    await act(() => setRegionNow(REGIONS[0] as RegionInput))
    await settle()
    requests['per setRegion, no segment reader'] = sessionManagerRequests()

    fresh()
    render(<Providers><FieldWriter field="utm_campaign" /></Providers>)
    await settle()
    mock.reset()
    await act(() => writeField('bf'))
    await settle()
    requests['per usePublicField write'] = sessionManagerRequests()

    fresh()
    render(<Providers><PostalCodeSelector /><PriceList /></Providers>)
    await settle()
    mock.reset()
    const input = screen.getByRole('textbox', { name: 'Postal code' })
    const digits = '22250040'
    for (let typed = 1; typed <= digits.length; typed += 1) {
      fireEvent.change(input, { target: { value: digits.slice(0, typed) } })
    }
    fireEvent.submit(input.closest('form') as HTMLFormElement)
    await settle()
    requests['typing an 8-digit postal code key by key into the selector example, then Enter'] = sessionManagerRequests()

    saveResults('requests', requests)
  })

  it(`times setRegion → new prices rendered, ${LATENCY_MS} ms per request, median of ${RUNS}`, async () => {
    const library: number[] = []
    const baseline: number[] = []
    const emptyGrid = { library: 0, baseline: 0 }
    for (let run = 0; run < RUNS; run += 1) {
      const region = REGIONS[run % 2] as RegionInput

      fresh(LATENCY_MS)
      render(<Providers><RegionControl /><PriceList /></Providers>)
      await waitForNewPrices('')
      await settle()
      let before = pricesShown()
      let started = performance.now()
      void setRegionNow(region)
      if (await waitForNewPrices(before)) emptyGrid.library += 1
      library.push(performance.now() - started)

      fresh(LATENCY_MS)
      render(<BaselineApp />)
      await waitForNewPrices('')
      await settle()
      before = pricesShown()
      started = performance.now()
      void baselineSetRegion(region)
      if (await waitForNewPrices(before)) emptyGrid.baseline += 1
      baseline.push(performance.now() - started)
    }
    const libraryMedian = median(library)
    const baselineMedian = median(baseline)
    saveResults('timeToNewPrices', {
      latencyMs: LATENCY_MS,
      runs: RUNS,
      libraryMedianMs: Math.round(libraryMedian),
      baselineMedianMs: Math.round(baselineMedian),
      speedup: Math.round((baselineMedian / libraryMedian) * 100) / 100,
      runsWithEmptyPriceGrid: emptyGrid,
      libraryMs: library.map(Math.round),
      baselineMs: baseline.map(Math.round),
    })
  })

  it(`times Apply → new prices when the prices were warmed while typing (useRegionPrefetch), ${LATENCY_MS} ms per request, median of ${RUNS}`, async () => {
    /** Requests by kind, as msw saw them leave (an overriding handler's included). */
    const byKind = (paths: readonly string[]) => ({
      sessionManager: paths.filter((path) => /^\/api\/(sessions|segments)/.test(path)).length,
      regions: paths.filter((path) => path.startsWith('/api/checkout/pub/regions')).length,
      prices: paths.filter((path) => path.startsWith('/api/intelligent-search/v1/')).length,
    })
    /** Types a postal code into the selector, waits `restMs` (the shopper reads it over), then Apply. */
    async function applyAfterTyping(postalCode: string, restMs: number) {
      fresh(LATENCY_MS)
      render(<Providers><PricedPostalCodeSelector /></Providers>)
      await waitForNewPrices('')
      await settle()
      const before = pricesShown()
      const paths: string[] = []
      const record = ({ request }: { request: Request }) => void paths.push(new URL(request.url).pathname)
      server.events.on('request:start', record)
      const input = screen.getByRole('textbox', { name: 'Postal code' })
      fireEvent.change(input, { target: { value: postalCode } })
      await act(() => new Promise((resolve) => setTimeout(resolve, restMs)))
      const started = performance.now()
      fireEvent.submit(input.closest('form') as HTMLFormElement)
      await waitForNewPrices(before)
      const elapsed = performance.now() - started
      await settle()
      server.events.removeListener('request:start', record)
      return { elapsed, requests: byKind(paths) }
    }
    const held: number[] = []
    const wrong: number[] = []
    let heldRequests = {}
    let wrongRequests = {}
    for (let run = 0; run < RUNS; run += 1) {
      const postalCode = run % 2 ? '01310-100' : '22250-040'
      const ok = await applyAfterTyping(postalCode, 300)
      held.push(ok.elapsed)
      heldRequests = ok.requests
      // A regions API that disagrees with the Session Manager: the prediction is wrong.
      server.use(http.get('*/api/checkout/pub/regions', () => HttpResponse.json([{ id: 'v2.00000000000000000000000000000000', sellers: [] }])))
      const off = await applyAfterTyping(postalCode, 300)
      server.resetHandlers()
      wrong.push(off.elapsed)
      wrongRequests = off.requests
    }
    saveResults('prefetch', {
      latencyMs: LATENCY_MS,
      runs: RUNS,
      restMs: 300,
      heldMedianMs: Math.round(median(held)),
      wrongMedianMs: Math.round(median(wrong)),
      requestsWhenHeld: heldRequests,
      requestsWhenWrong: wrongRequests,
    })
  })

  it('counts search requests per region change, and distinct search URLs for 100 shoppers of 5 segments', async () => {
    fresh()
    render(<Providers><RegionControl /><PriceList /></Providers>)
    await waitForNewPrices('')
    await settle()
    mock.reset()
    await act(() => setRegionNow(REGIONS[0] as RegionInput))
    await waitForNewPrices('')
    await settle()
    const perRegionChange = { sessionManager: sessionManagerRequests(), search: searchRequests() }

    // Five segments a store sees (anonymous, two regions, a B2B buyer, a UTM landing at a pickup
    // point); 100 shoppers drawn from them, each segment's fields in its own order, as cookies decode.
    const segments: Segment[] = [
      { channel: '1', cultureInfo: 'pt-BR', currencyCode: 'BRL', countryCode: 'BRA', regionId: null },
      { channel: '1', cultureInfo: 'pt-BR', currencyCode: 'BRL', countryCode: 'BRA', regionId: 'v2.1BB18CE648B5111D0933734ED83EC783', facets: 'zip-code=22250040' },
      { channel: '1', cultureInfo: 'pt-BR', currencyCode: 'BRL', countryCode: 'BRA', regionId: 'v2.5A6F0E3D91B24C7E8F1A2B3C4D5E6F70', facets: 'zip-code=01310100' },
      { channel: '1', cultureInfo: 'pt-BR', currencyCode: 'BRL', countryCode: 'BRA', regionId: null, priceTables: 'b2b-gold' },
      { channel: '1', cultureInfo: 'pt-BR', currencyCode: 'BRL', countryCode: 'BRA', utm_campaign: 'black-friday', campaigns: 'black-friday', facets: 'zip-code=20040002;pickupPoint=rio-centro' },
    ]
    const urls = new Set<string>()
    const recordingFetch: typeof fetch = async (input) => {
      urls.add(String(input))
      return Response.json({ products: [], recordsFiltered: 0 })
    }
    const client = createSearchClient({ baseUrl: 'https://store.example', fetch: recordingFetch })
    let seed = 7
    const draw = () => (seed = (seed * 48271) % 2147483647) % segments.length
    for (let shopper = 0; shopper < 100; shopper += 1) {
      const fields = Object.entries(segments[draw()] as Segment)
      const reordered = Object.fromEntries(shopper % 2 ? fields.reverse() : fields) as Segment
      await client.productSearch({ context: searchContextOf(reordered), count: 12 })
    }
    saveResults('search', { perRegionChange, shoppers: 100, segments: segments.length, distinctUrls: urls.size })
  })

  it('counts renders', async () => {
    const renders: Record<string, number> = {}

    fresh()
    let readerRenders = 0
    render(
      <Providers>
        <Profiler id="reader-a" onRender={() => (readerRenders += 1)}>
          <FieldReader field="a" />
        </Profiler>
        <FieldWriter field="b" />
      </Providers>,
    )
    await settle()
    const beforeWrites = readerRenders
    for (let write = 1; write <= 10; write += 1) await act(() => writeField(String(write)))
    await settle()
    renders["usePublicField('a') reader while 'b' changes 10 times"] = readerRenders - beforeWrites

    fresh()
    let priceCommits = 0
    render(
      <Providers>
        <RegionControl />
        <Profiler id="prices" onRender={() => (priceCommits += 1)}>
          <PriceList />
        </Profiler>
      </Providers>,
    )
    await waitForNewPrices('')
    await settle()
    priceCommits = 0
    let before = pricesShown()
    await act(() => setRegionNow(REGIONS[0] as RegionInput))
    await waitForNewPrices(before)
    await settle()
    renders['price list commits per region change (vtex-session-react)'] = priceCommits

    fresh()
    let baselineCommits = 0
    render(<BaselineApp onRender={() => (baselineCommits += 1)} />)
    await waitForNewPrices('')
    await settle()
    baselineCommits = 0
    before = pricesShown()
    await act(() => baselineSetRegion(REGIONS[0] as RegionInput))
    await waitForNewPrices(before)
    await settle()
    renders['price list commits per region change (baseline: PATCH, GET, reload)'] = baselineCommits

    saveResults('renders', renders)
  })
})

function SessionReaders() {
  useSession()
  usePublicField('utm_campaign')
  useRegion()
  return null
}

let writeField: (value: string) => Promise<void> = async () => {}
function FieldWriter({ field }: { field: string }) {
  const setValue = usePublicField(field)[1]
  useEffect(() => {
    writeField = setValue
  }, [setValue])
  return null
}

function FieldReader({ field }: { field: string }) {
  usePublicField(field)
  return null
}
