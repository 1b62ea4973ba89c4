import { onlineManager, QueryClientProvider, useQuery } from '@tanstack/react-query'
import { act, renderHook, screen, waitFor } from '@testing-library/react'
import { hydrateRoot, type Root } from 'react-dom/client'
import type { ReactNode } from 'react'
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSessionClient, RegionGate, regionPolicy, SessionError, SessionProvider, sessionKeys, usePublicField, useRegion, useRegionGate, useSegmentKey, useSession, type RegionGateState, type RegionPolicy, type RegionPolicyOptions } from '../src/index'
import { googleRegionIdOf } from '../src/server/index'
import { createCheckoutClient, savedAddressesFrom } from '../src/checkout/index'
import { useProductSearch } from '../src/search/index'
import { demoPriceOf } from '../src/testing/index'
import { createTestQueryClient, createWrapper, mock, renderWithSession, sessionRequests, holdNextSessionRequest } from './harness'

const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'
const RIO_AD = googleRegionIdOf({ country: 'BRA', postalCode: '22250-040' })
const RIO_FIELDS = { public: { country: { value: 'BRA' }, postalCode: { value: '22250040' } } }
const KETTLE = 249
const NATIONAL = demoPriceOf(KETTLE, {})
const REGIONAL = demoPriceOf(KETTLE, { regionId: RIO })

const landOn = (url: string) => window.history.replaceState(null, '', url)
/** Requests before this one were the test's own set-up. */
let since = 0
afterEach(() => {
  landOn('/')
  since = 0
})

const lines = () => sessionRequests().slice(since).filter(({ path }) => path.startsWith('/api/sessions') || path.startsWith('/api/segments')).map(({ method, path }) => `${method} ${path}`)
const searchUrls = () => mock.requests.filter(({ path }) => path.startsWith('/api/intelligent-search/v1/')).map(({ path }) => path)
const kettlePrice = (data: { products: Array<{ items: Array<{ itemId: string; sellers: Array<{ commertialOffer: { Price: number } }> }> }> } | undefined) =>
  data?.products.flatMap((product) => product.items).find((item) => item.itemId === 'sku-2')?.sellers[0]?.commertialOffer.Price

/** A product page: records every kettle price and gate it renders, and an app price query marked regional. */
function useLanding(shown: Array<number | undefined>, gates: RegionGateState[], appPrices: string[]) {
  const gate = useRegionGate()
  const segmentKey = useSegmentKey()
  const search = useProductSearch({ count: 12 })
  useQuery({
    queryKey: ['prices', segmentKey],
    queryFn: () => (appPrices.push(segmentKey ?? ''), { price: 1 }),
    enabled: segmentKey !== undefined && gate.ready,
  })
  shown.push(kettlePrice(search.data))
  gates.push(gate)
  return { gate, search, region: useRegion() }
}

function renderLanding(policy: RegionPolicyOptions | undefined, options: Parameters<typeof createWrapper>[0] = {}) {
  const shown: Array<number | undefined> = []
  const gates: RegionGateState[] = []
  const appPrices: string[] = []
  const { wrapper, queryClient } = createWrapper({ strict: true, region: policy && regionPolicy(policy), ...options })
  const rendered = renderHook(() => useLanding(shown, gates, appPrices), { wrapper })
  return { ...rendered, shown, gates, appPrices, queryClient }
}

/** Each value once, in the order it first showed. */
const sequence = <T,>(values: T[]) => values.filter((value, index) => value !== values[index - 1])

/** A logged-in shopper without a place, whose account holds a saved address in Rio. */
async function loggedInWithoutPlace() {
  const { id } = await createSessionClient({ baseUrl: 'http://localhost:3000' }).getSession()
  mock.logIn(id, { email: 'ana@example.com', address: { addressId: 'home', postalCode: '22250-040', country: 'BRA', city: 'Rio de Janeiro', state: 'RJ', street: 'Praia de Botafogo', number: '300', receiverName: 'Ana' } })
  since = sessionRequests().length
}

/** Makes the shopper a returning one with this place (another visit set it). */
async function returningShopperIn(postalCode: string) {
  await createSessionClient({ baseUrl: 'http://localhost:3000' }).editSession({ country: 'BRA', postalCode })
  since = sessionRequests().length
}

describe("the client path: a Google ad's ?region_id= on a store without the server part", () => {
  it('a new shopper: one GET, one PATCH ?items=* with the place, then the segment and one regional search; never a national price', async () => {
    landOn(`/p/kettle?region_id=${encodeURIComponent(RIO_AD)}`)
    const { result, shown, gates, appPrices } = renderLanding({})
    await waitFor(() => expect(kettlePrice(result.current.search.data)).toBe(REGIONAL))
    expect(lines()).toEqual(['GET /api/sessions?items=*', 'PATCH /api/sessions?items=*', 'GET /api/segments'])
    expect(sessionRequests()[1]?.body).toEqual(RIO_FIELDS)
    expect(searchUrls()).toHaveLength(1)
    expect(new URLSearchParams(searchUrls()[0]?.split('?')[1]).get('regionId')).toBe(RIO)
    expect(sequence(shown.filter((price) => price !== undefined))).toEqual([REGIONAL])
    expect(NATIONAL).not.toBe(REGIONAL)
    expect(appPrices).toHaveLength(1)
    // The gate never told the page to ask: resolving, then set by the ad.
    expect(sequence(gates.map(({ status }) => status))).toEqual(['resolving', 'set'])
    expect(result.current.gate).toMatchObject({ status: 'set', source: 'region_id', ready: true, ignored: [] })
    expect(result.current.region.regionId).toBe(RIO)
  })

  it('a returning shopper with a place keeps it: no write, their own prices', async () => {
    await returningShopperIn('01310-100')
    landOn(`/?region_id=${encodeURIComponent(RIO_AD)}`)
    const { result } = renderLanding({})
    await waitFor(() => expect(result.current.search.data).toBeDefined())
    expect(lines()).toEqual(['GET /api/sessions?items=*', 'GET /api/segments'])
    expect(result.current.gate).toMatchObject({ status: 'set', source: 'session' })
    expect(result.current.region.postalCode).toBe('01310-100')
  })

  it.each([
    ['not Base64', '%%%', 'not-base64'],
    ['a Merchant Center id typed by hand', '007979', 'not-vtex-format'],
    ['another prefix', btoa('shop:BRA:22250040'), 'not-vtex-format'],
    ['a country the store does not sell to', btoa('vtex:USA:10001'), 'unknown-country'],
    ['a postal code its country rejects', btoa('vtex:BRA:123'), 'invalid-postal-code'],
  ])('ignores an invalid region_id (%s): nothing is sent, and a good region is kept', async (_case, regionId, reason) => {
    await returningShopperIn('01310-100')
    landOn(`/?region_id=${encodeURIComponent(regionId)}`)
    const kept = renderLanding({ countries: ['BRA'] })
    await waitFor(() => expect(kept.result.current.gate.status).toBe('set'))
    expect(kept.result.current.region.postalCode).toBe('01310-100')
    kept.unmount()

    // A new shopper: no write either, and the gate says why nothing was applied.
    mock.reset()
    since = 0
    const fresh = renderLanding({ countries: ['BRA'] })
    await waitFor(() => expect(fresh.result.current.gate.status).toBe('needed'))
    expect(lines()).toEqual(['GET /api/sessions?items=*', 'GET /api/segments'])
    expect(fresh.result.current.gate).toMatchObject({ source: null, ready: true, ignored: [{ source: 'region_id', reason }] })
  })

  it('a failed write of the region_id keeps the session read, is not retried, and says why', async () => {
    landOn(`/?region_id=${encodeURIComponent(RIO_AD)}`)
    mock.fail({ kind: 'http', status: 503 }, { method: 'PATCH' })
    // A QueryClient that retries: the write still goes once.
    const queryClient = createTestQueryClient({ retry: 3, retryDelay: 1 })
    const { result } = renderLanding({ required: true }, { queryClient })
    await waitFor(() => expect(result.current.gate.status).toBe('needed'))
    expect(result.current.gate.ignored).toEqual([{ source: 'region_id', reason: expect.stringContaining('503') }])
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(lines().filter((line) => line.startsWith('PATCH'))).toHaveLength(1)
    expect(searchUrls()).toEqual([])
  })

  it('applies it after mount over a server-rendered session without a place (read again first: a cached page may not be this shopper’s)', async () => {
    const rendered = await createSessionClient({ baseUrl: 'http://localhost:3000' }).getSession()
    since = sessionRequests().length
    landOn(`/?region_id=${encodeURIComponent(RIO_AD)}`)
    const { result, gates } = renderLanding({}, { initialSession: rendered })
    await waitFor(() => expect(result.current.gate.status).toBe('set'))
    expect(lines().slice(0, 2)).toEqual(['GET /api/sessions?items=*', 'PATCH /api/sessions?items=*'])
    expect(gates.map(({ status }) => status)).not.toContain('needed')
  })
})

describe('a required region', () => {
  const DEFAULT = { country: 'BRA', postalCode: '01310-100' } as const

  it('holds every regional query while needed (zero price requests), pre-fills the default, and prices once the shopper answers', async () => {
    const { result, shown, gates, appPrices } = renderLanding({ required: true, default: DEFAULT })
    await waitFor(() => expect(result.current.gate.status).toBe('needed'))
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(result.current.gate).toMatchObject({ source: null, required: true, ready: false, suggestion: DEFAULT })
    expect(searchUrls()).toEqual([])
    expect(appPrices).toEqual([])
    // The default was not written: nobody chose it.
    expect(lines()).toEqual(['GET /api/sessions?items=*', 'GET /api/segments'])
    expect(result.current.search).toMatchObject({ data: undefined, isLoading: true })

    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(kettlePrice(result.current.search.data)).toBe(REGIONAL))
    expect(result.current.gate).toMatchObject({ status: 'set', source: 'shopper', ready: true })
    expect(searchUrls()).toHaveLength(1)
    expect(appPrices).toHaveLength(1)
    expect(sequence(shown.filter((price) => price !== undefined))).toEqual([REGIONAL])
    expect(sequence(gates.map(({ status }) => status))).toEqual(['resolving', 'needed', 'set'])
  })

  it('a Google ad lands already priced: the gate never asks', async () => {
    landOn(`/?region_id=${encodeURIComponent(RIO_AD)}`)
    const { result, gates } = renderLanding({ required: true, default: DEFAULT })
    await waitFor(() => expect(kettlePrice(result.current.search.data)).toBe(REGIONAL))
    expect(gates.map(({ status }) => status)).not.toContain('needed')
    expect(result.current.gate.source).toBe('region_id')
  })
})

describe('the store default, when a place is not required', () => {
  it('is written for a new shopper with the first load (one PATCH) and named as the source', async () => {
    const { result } = renderLanding({ default: { country: 'BRA', postalCode: '22250-040' } })
    await waitFor(() => expect(kettlePrice(result.current.search.data)).toBe(REGIONAL))
    expect(lines()).toEqual(['GET /api/sessions?items=*', 'PATCH /api/sessions?items=*', 'GET /api/segments'])
    expect(result.current.gate).toMatchObject({ status: 'set', source: 'store-default' })
  })

  it('loses to a valid region_id', async () => {
    landOn(`/?region_id=${encodeURIComponent(googleRegionIdOf({ country: 'BRA', postalCode: '01310-100' }))}`)
    const { result } = renderLanding({ default: { country: 'BRA', postalCode: '22250-040' } })
    await waitFor(() => expect(result.current.gate.status).toBe('set'))
    expect(result.current.region.postalCode).toBe('01310100')
    expect(result.current.gate.source).toBe('region_id')
  })
})

describe("a logged-in shopper's saved address", () => {
  const savedAddresses = savedAddressesFrom(createCheckoutClient())
  const orderFormReads = () => mock.requests.filter(({ path }) => path.startsWith('/api/checkout/pub/orderForm'))

  it('is the place of a shopper without one, read from the cart, and written with one PATCH', async () => {
    await loggedInWithoutPlace()
    const { result } = renderLanding({ savedAddresses })
    await waitFor(() => expect(kettlePrice(result.current.search.data)).toBe(REGIONAL))
    expect(orderFormReads()).toHaveLength(1)
    expect(lines()).toEqual(['GET /api/sessions?items=*', 'PATCH /api/sessions?items=*', 'GET /api/segments'])
    expect(sessionRequests().slice(since).find(({ method }) => method === 'PATCH')?.body).toEqual({ public: { country: { value: 'BRA' }, postalCode: { value: '22250-040' } } })
    expect(result.current.gate).toMatchObject({ status: 'set', source: 'saved-address' })
  })

  it('a refetch while the place is being decided writes nothing more: one PATCH', async () => {
    await loggedInWithoutPlace()
    let release!: () => void
    const cartRead = new Promise<void>((resolve) => (release = resolve))
    const slowSavedAddresses = async (session: Parameters<typeof savedAddresses>[0]) => {
      await cartRead
      return savedAddresses(session)
    }
    const { result, queryClient } = renderLanding({ savedAddresses: slowSavedAddresses })
    await waitFor(() => expect(lines()).toEqual(['GET /api/sessions?items=*']))
    // The session is refetched (a focus, an app's refetch) while the cart is still being read:
    // it waits for the place, and so does the segment.
    const refetched = queryClient.refetchQueries({ queryKey: sessionKeys.session })
    await waitFor(() => expect(lines()).toEqual(['GET /api/sessions?items=*', 'GET /api/sessions?items=*']))
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(lines()).toHaveLength(2)
    expect(result.current.gate.status).toBe('resolving')
    release()
    await act(() => refetched)
    await waitFor(() => expect(result.current.gate).toMatchObject({ status: 'set', source: 'saved-address' }))
    await waitFor(() => expect(kettlePrice(result.current.search.data)).toBe(REGIONAL))
    expect(lines()).toEqual(['GET /api/sessions?items=*', 'GET /api/sessions?items=*', 'PATCH /api/sessions?items=*', 'GET /api/segments'])
  })

  it('loses to a valid region_id (the cart is not even read), and is never asked for an anonymous shopper', async () => {
    await loggedInWithoutPlace()
    landOn(`/?region_id=${encodeURIComponent(googleRegionIdOf({ country: 'BRA', postalCode: '01310-100' }))}`)
    const ad = renderLanding({ savedAddresses })
    await waitFor(() => expect(ad.result.current.gate.source).toBe('region_id'))
    expect(ad.result.current.region.postalCode).toBe('01310100')
    ad.unmount()
    mock.reset()
    since = 0
    landOn('/')
    const anonymous = renderLanding({ savedAddresses })
    await waitFor(() => expect(anonymous.result.current.gate.status).toBe('needed'))
    expect(orderFormReads()).toEqual([])
  })
})

describe('without a region policy', () => {
  it('applies nothing from the URL; the gate only says whether there is a place', async () => {
    landOn(`/?region_id=${encodeURIComponent(RIO_AD)}`)
    const { result } = renderLanding(undefined)
    await waitFor(() => expect(result.current.search.data).toBeDefined())
    expect(lines()).toEqual(['GET /api/sessions?items=*', 'GET /api/segments'])
    expect(result.current.gate).toMatchObject({ status: 'needed', source: null, required: false, ready: true })
  })
})

describe('<RegionGate>', () => {
  function AskForPostalCode({ gate }: { gate: RegionGateState }) {
    const { setRegion } = useRegion()
    const suggested = gate.suggestion && 'postalCode' in gate.suggestion ? gate.suggestion.postalCode : ''
    return <button onClick={() => void setRegion({ country: 'BRA', postalCode: suggested })}>Use {suggested}</button>
  }

  it('shows the fallback while resolving, asks while a required place is missing, then the children', async () => {
    mock.setLatency(40)
    renderWithSession(
      <RegionGate fallback={<p>Finding your region…</p>} ask={(gate) => <AskForPostalCode gate={gate} />}>
        <p>Prices</p>
      </RegionGate>,
      { region: regionPolicy({ required: true, default: { country: 'BRA', postalCode: '01310-100' } }) },
    )
    expect(screen.getByText('Finding your region…')).toBeTruthy()
    const ask = await screen.findByText('Use 01310-100')
    expect(screen.queryByText('Prices')).toBeNull()
    act(() => ask.click())
    await screen.findByText('Prices')
    expect(lines().filter((line) => line.startsWith('PATCH'))).toEqual(['PATCH /api/sessions?items=*'])
    expect(sessionRequests().find(({ method }) => method === 'PATCH')?.body).toEqual({ public: { country: { value: 'BRA' }, postalCode: { value: '01310-100' } } })
  })
})

describe('<RegionGate> rendered on a server, then hydrated', () => {
  const policy = regionPolicy({ required: true })
  const Page = ({ queryClient, session }: { queryClient: ReturnType<typeof createTestQueryClient>; session: Awaited<ReturnType<ReturnType<typeof createSessionClient>['getSession']>> }) => (
    <QueryClientProvider client={queryClient}>
      <SessionProvider initialSession={session} region={policy}>
        <RegionGate fallback={<p>Finding your region…</p>} ask={() => <p>Enter your postal code</p>}>
          <p>Prices</p>
        </RegionGate>
      </SessionProvider>
    </QueryClientProvider>
  )

  /** Renders the page on the "server" for a shopper without a place, then hydrates it in the browser at `url`. */
  async function serverThenBrowser(url: string) {
    const session = await createSessionClient({ baseUrl: 'http://localhost:3000' }).getSession()
    since = sessionRequests().length
    landOn(url)
    const html = renderToString(<Page queryClient={createTestQueryClient()} session={session} />)
    const container = document.createElement('div')
    container.innerHTML = html
    document.body.append(container)
    const errors = vi.spyOn(console, 'error')
    let root!: Root
    act(() => {
      root = hydrateRoot(container, <Page queryClient={createTestQueryClient()} session={session} />, { onRecoverableError: (error) => console.error(error) })
    })
    const done = () => {
      act(() => root.unmount())
      container.remove()
      errors.mockRestore()
    }
    return { html, container, errors, done }
  }

  it('the server never asks (it cannot see the region_id); the browser hydrates that, then applies the ad', async () => {
    const { html, container, errors, done } = await serverThenBrowser(`/?region_id=${encodeURIComponent(RIO_AD)}`)
    expect(html).toContain('Finding your region…')
    await waitFor(() => expect(container.textContent).toBe('Prices'))
    expect(errors).not.toHaveBeenCalled()
    expect(lines()).toEqual(['GET /api/sessions?items=*', 'PATCH /api/sessions?items=*'])
    done()
  })

  it('without a region_id the browser asks at once, with no request', async () => {
    const { html, container, errors, done } = await serverThenBrowser('/')
    expect(html).toContain('Finding your region…')
    await waitFor(() => expect(container.textContent).toBe('Enter your postal code'))
    expect(errors).not.toHaveBeenCalled()
    expect(lines()).toEqual([])
    done()
  })
})

describe('the edges: concurrent writes, other loaders, slow carts, hydrated segments', () => {
  const patchBodies = () => sessionRequests().slice(since).filter(({ method }) => method === 'PATCH').map(({ body }) => body)

  it('a place the shopper chooses while the saved addresses are read stands: the policy writes nothing', async () => {
    await loggedInWithoutPlace()
    let release!: () => void
    const cartRead = new Promise<void>((resolve) => (release = resolve))
    const saved = savedAddressesFrom(createCheckoutClient())
    const { result } = renderLanding({ savedAddresses: async (session) => (await cartRead, saved(session)) })
    await waitFor(() => expect(lines()).toEqual(['GET /api/sessions?items=*']))
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '01310-100' }))
    release()
    await waitFor(() => expect(result.current.gate).toMatchObject({ status: 'set', source: 'shopper' }))
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(patchBodies()).toEqual([{ public: { country: { value: 'BRA' }, postalCode: { value: '01310-100' } } }])
    expect(result.current.region.postalCode).toBe('01310-100')
  })

  it('names the source from the first render that is set', async () => {
    landOn(`/?region_id=${encodeURIComponent(RIO_AD)}`)
    const { result, gates } = renderLanding({})
    await waitFor(() => expect(kettlePrice(result.current.search.data)).toBe(REGIONAL))
    expect(sequence(gates.map(({ status, source }) => `${status}/${source}`))).toEqual(['resolving/null', 'set/region_id'])
  })

  it('says shopper once the shopper changes a place the session already had when hydrated', async () => {
    const hydrated = await createSessionClient({ baseUrl: 'http://localhost:3000' }).editSession({ country: 'BRA', postalCode: '01310-100' }, { items: '*' })
    since = sessionRequests().length
    const { result } = renderLanding({}, { initialSession: hydrated })
    await waitFor(() => expect(result.current.gate).toMatchObject({ status: 'set', source: 'session' }))
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(result.current.gate).toMatchObject({ status: 'set', source: 'shopper' }))
  })

  it('catches up with a session another provider loaded without the policy: one more load, the ad applied', async () => {
    landOn(`/?region_id=${encodeURIComponent(RIO_AD)}`)
    mock.setLatency(30)
    const { wrapper: plain, queryClient } = createWrapper({})
    renderHook(() => useSession(), { wrapper: plain })
    const { result } = renderHook(() => useRegionGate(), { wrapper: createWrapper({ queryClient, region: regionPolicy({ required: true }) }).wrapper })
    await waitFor(() => expect(result.current).toMatchObject({ status: 'set', source: 'region_id' }), { timeout: 2_000 })
    expect(lines()).toEqual(['GET /api/sessions?items=*', 'GET /api/sessions?items=*', 'PATCH /api/sessions?items=*'])
  })

  it('a cart that does not answer in time is skipped: the load and its refetches settle, the gate says why', async () => {
    await loggedInWithoutPlace()
    const { result, queryClient } = renderLanding({ savedAddresses: () => new Promise(() => {}), savedAddressesTimeoutMs: 50, default: { country: 'BRA', postalCode: '22250-040' } })
    await act(() => queryClient.refetchQueries({ queryKey: sessionKeys.session }))
    await waitFor(() => expect(result.current.gate).toMatchObject({ status: 'set', source: 'store-default' }))
    expect(result.current.gate.ignored).toEqual([{ source: 'saved-address', reason: 'no saved addresses within 50 ms' }])
  })

  it('over a hydrated session and segment without a place, no regional query starts with the national segment', async () => {
    const client = createSessionClient({ baseUrl: 'http://localhost:3000' })
    const session = await client.getSession()
    const segment = await client.getSegment()
    const queryClient = createTestQueryClient()
    queryClient.setQueryData(sessionKeys.session, session)
    queryClient.setQueryData(sessionKeys.segment, segment)
    since = sessionRequests().length
    landOn(`/?region_id=${encodeURIComponent(RIO_AD)}`)
    const { result, appPrices } = renderLanding({}, { queryClient })
    await waitFor(() => expect(kettlePrice(result.current.search.data)).toBe(REGIONAL))
    expect(appPrices).toHaveLength(1)
    expect(appPrices[0]).toContain(RIO)
    expect(searchUrls()).toHaveLength(1)
  })

  it('on a server, a store that does not require a place renders its grid for a shopper without one (a crawler)', async () => {
    const session = await createSessionClient({ baseUrl: 'http://localhost:3000' }).getSession()
    function Probe() {
      const { status, ready } = useRegionGate()
      return <p>{`${status} ${ready}`}</p>
    }
    const html = (region: RegionPolicy) =>
      renderToString(
        <QueryClientProvider client={createTestQueryClient()}>
          <SessionProvider initialSession={session} region={region}>
            <Probe />
          </SessionProvider>
        </QueryClientProvider>,
      )
    expect(html(regionPolicy({ countries: ['BRA'] }))).toContain('needed true')
    // Where a place is required, the server never asks: the browser decides after hydration.
    expect(html(regionPolicy({ required: true }))).toContain('resolving false')
  })
})

describe('a place the shopper sets while the page is still reading the session', () => {

  const policies: Array<[string, RegionPolicy | undefined]> = [
    ['with a region policy', regionPolicy({})],
    ['with a required region', regionPolicy({ required: true })],
    ['without a region policy', undefined],
  ]
  const orders = ['before', 'after'] as const

  describe.each(policies)('%s', (_policy, region) => {
    it.each(orders)('setRegion, its PATCH answered %s the read: the gate names the shopper', async (order) => {
      const read = holdNextSessionRequest('get')
      const write = order === 'after' ? holdNextSessionRequest('patch') : undefined
      const { result } = renderHook(() => ({ gate: useRegionGate(), region: useRegion() }), createWrapper({ strict: true, region }))
      await waitFor(() => expect(read.arrived).toBe(true))
      let chosen!: Promise<void>
      act(() => {
        chosen = result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' })
      })
      if (write) {
        await waitFor(() => expect(write.arrived).toBe(true))
        read.release()
        // The read's answer lands while the PATCH is still out.
        await waitFor(() => expect(result.current.region.isLoading).toBe(false))
        write.release()
      } else {
        await act(() => chosen)
        read.release()
      }
      await act(() => chosen)
      await waitFor(() => expect(result.current.gate.status).toBe('set'))
      expect(result.current.gate).toMatchObject({ status: 'set', source: 'shopper', ready: true })
      expect(result.current.region.postalCode).toBe('22250-040')
      const sent = order === 'after' ? ['GET /api/sessions?items=*', 'PATCH /api/sessions?items=*'] : ['PATCH /api/sessions?items=*', 'GET /api/sessions?items=*']
      expect(lines()).toEqual(sent)
      expect(sessionRequests().find(({ method }) => method === 'PATCH')?.body).toEqual({ public: { country: { value: 'BRA' }, postalCode: { value: '22250-040' } } })
    })

    it("another tab's place, arriving while this page reads the session, is named shopper", async () => {
      const other = renderHook(() => useRegion(), createWrapper({}))
      await waitFor(() => expect(other.result.current.isLoading).toBe(false))
      since = sessionRequests().length
      const read = holdNextSessionRequest('get')
      const { result } = renderHook(() => useRegionGate(), createWrapper({ strict: true, region }))
      await waitFor(() => expect(read.arrived).toBe(true))
      await act(() => other.result.current.setRegion({ country: 'BRA', postalCode: '22250-040' }))
      await waitFor(() => expect(result.current.status).toBe('set'))
      read.release()
      await waitFor(() => expect(lines()).toEqual(['PATCH /api/sessions?items=*', 'GET /api/sessions?items=*']))
      expect(result.current).toMatchObject({ status: 'set', source: 'shopper' })
    })

    it('a returning shopper writes a new postal code (usePublicField) during the read: shopper, not their session', async () => {
      await returningShopperIn('01310-100')
      const read = holdNextSessionRequest('get')
      const { result } = renderHook(() => ({ gate: useRegionGate(), postalCode: usePublicField('postalCode') }), createWrapper({ strict: true, region }))
      await waitFor(() => expect(read.arrived).toBe(true))
      let written!: Promise<void>
      act(() => {
        written = result.current.postalCode[1]('22250-040')
      })
      await act(() => written)
      read.release()
      await waitFor(() => expect(result.current.gate.status).toBe('set'))
      expect(result.current.gate.source).toBe('shopper')
      expect(result.current.postalCode[0]).toBe('22250-040')
      expect(lines()).toEqual(['PATCH /api/sessions?items=*', 'GET /api/sessions?items=*'])
      expect(sessionRequests().slice(since).find(({ method }) => method === 'PATCH')?.body).toEqual({ public: { postalCode: { value: '22250-040' } } })
    })
  })
})

describe('a first read of the session that fails (a 503, the network down)', () => {
  it('<RegionGate> renders loadError(gate) instead of its fallback, and after retry() proceeds as normal: the ad applied, then the children', async () => {
    landOn(`/?region_id=${encodeURIComponent(RIO_AD)}`)
    mock.fail({ kind: 'http', status: 503 }, { method: 'GET', path: '/api/sessions' })
    const rendered: string[] = []
    const Shown = ({ name, children }: { name: string; children: ReactNode }) => (rendered.push(name), children)
    renderWithSession(
      <RegionGate
        fallback={<Shown name="fallback">Finding your region…</Shown>}
        ask={() => <Shown name="ask">Enter your postal code</Shown>}
        loadError={(gate) => (
          <Shown name={`loadError ${gate.loadError.kind} ${gate.loadError.status}`}>
            <p>We could not find your region.</p>
            <button onClick={() => void gate.retry()}>Try again</button>
          </Shown>
        )}
      >
        <Shown name="children">Prices</Shown>
      </RegionGate>,
      { region: regionPolicy({ required: true }) },
    )
    const again = await screen.findByText('Try again')
    expect(lines()).toEqual(['GET /api/sessions?items=*'])
    act(() => again.click())
    await screen.findByText('Prices')
    expect(sequence(rendered)).toEqual(['fallback', 'loadError http 503', 'fallback', 'children'])
    expect(lines()).toEqual(['GET /api/sessions?items=*', 'GET /api/sessions?items=*', 'PATCH /api/sessions?items=*'])
    expect(sessionRequests().find(({ method }) => method === 'PATCH')?.body).toEqual(RIO_FIELDS)
  })

  it.each([
    ['with a region policy', regionPolicy({})],
    ['without a region policy', undefined],
  ])('%s: the gate says failed with the typed SessionError; retry() reads once per call whatever the QueryClient retries, never on its own', async (_policy, region) => {
    // The app's QueryClient retries twice: the first load costs its three attempts, each retry() one.
    const queryClient = createTestQueryClient({ retry: 2, retryDelay: 0 })
    mock.fail({ kind: 'network' }, { method: 'GET', path: '/api/sessions', times: 4 })
    const { result } = renderHook(() => useRegionGate(), createWrapper({ queryClient, region }))
    await waitFor(() => expect(result.current.status).toBe('failed'))
    const first = result.current.loadError
    expect(first).toBeInstanceOf(SessionError)
    expect(first).toMatchObject({ kind: 'network' })
    expect(result.current).toMatchObject({ source: null, ready: false })
    expect(lines()).toHaveLength(3)

    // A failed retry rejects with the new error, which the gate shows when it settles.
    await act(() => expect(result.current.retry()).rejects.toBeInstanceOf(SessionError))
    expect(lines()).toHaveLength(4)
    expect(result.current.status).toBe('failed')
    expect(result.current.loadError).toMatchObject({ kind: 'network' })
    expect(result.current.loadError).not.toBe(first)

    await act(() => result.current.retry())
    await waitFor(() => expect(result.current.status).toBe('needed'))
    expect(result.current).toMatchObject({ loadError: null, ready: true })
    expect(lines()).toEqual(Array(5).fill('GET /api/sessions?items=*'))
    // Once the session is read, retry() has nothing to do: no request.
    await act(() => result.current.retry())
    expect(lines()).toHaveLength(5)
  })

  it('retry() offline settles at once with a network error: it does not wait for the connection', async () => {
    mock.fail({ kind: 'network' }, { method: 'GET', path: '/api/sessions', times: 2 })
    const { result } = renderHook(() => useRegionGate(), createWrapper({ region: regionPolicy({ required: true }) }))
    await waitFor(() => expect(result.current.status).toBe('failed'))
    onlineManager.setOnline(false)
    try {
      await act(() => expect(result.current.retry()).rejects.toMatchObject({ kind: 'network' }))
    } finally {
      onlineManager.setOnline(true)
    }
    expect(result.current).toMatchObject({ status: 'failed', loadError: { kind: 'network' }, ready: false })
    expect(lines()).toHaveLength(2)
  })

  it('over a server-rendered session without a place, a failed read says failed and is read again only by retry()', async () => {
    const rendered = await createSessionClient({ baseUrl: 'http://localhost:3000' }).getSession()
    since = sessionRequests().length
    landOn(`/?region_id=${encodeURIComponent(RIO_AD)}`)
    mock.fail({ kind: 'http', status: 503 }, { method: 'GET', path: '/api/sessions' })
    const statuses: string[] = []
    const { result } = renderHook(
      () => {
        const gate = useRegionGate()
        statuses.push(gate.status)
        return gate
      },
      createWrapper({ region: regionPolicy({ required: true }), initialSession: rendered }),
    )
    await waitFor(() => expect(result.current.status).toBe('failed'))
    expect(lines()).toEqual(['GET /api/sessions?items=*'])
    await act(() => result.current.retry())
    await waitFor(() => expect(result.current).toMatchObject({ status: 'set', source: 'region_id', loadError: null }))
    expect(lines()).toEqual(['GET /api/sessions?items=*', 'GET /api/sessions?items=*', 'PATCH /api/sessions?items=*'])
    expect(sequence(statuses)).toEqual(['resolving', 'failed', 'resolving', 'set'])
  })

  it('a failed read after the place is set keeps it: set, ready, and loadError says why', async () => {
    await returningShopperIn('01310-100')
    const { wrapper, queryClient } = createWrapper({ region: regionPolicy({ required: true }) })
    const { result } = renderHook(() => useRegionGate(), { wrapper })
    await waitFor(() => expect(result.current).toMatchObject({ status: 'set', source: 'session' }))
    mock.fail({ kind: 'http', status: 503 }, { method: 'GET', path: '/api/sessions' })
    await act(() => queryClient.refetchQueries({ queryKey: sessionKeys.session }))
    await waitFor(() => expect(result.current.loadError).toMatchObject({ kind: 'http', status: 503 }))
    expect(result.current).toMatchObject({ status: 'set', source: 'session', ready: true })
  })
})
