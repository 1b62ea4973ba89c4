import { dehydrate, useQuery, type DehydratedState } from '@tanstack/react-query'
import { act, render, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { createSessionClient, RegionGate, regionPolicy, useLocale, useRegionGate, useSegment, type RegionGateState, type Segment } from '../src/index'
import { fillPageCache, pageSegmentOf } from '../src/server/index'
import { createTestQueryClient, mock } from './harness'
import { Browser } from './sharedPageHarness'

const settle = (ms = 150) => act(() => new Promise((resolve) => setTimeout(resolve, ms)))

/** The store's default shared page (BRL, channel 1), prices prefetched in BRL. */
async function defaultSharedPage(): Promise<{ state: DehydratedState; page: Segment }> {
  const page = pageSegmentOf(await createSessionClient().getSegment({ segmentToken: undefined }))
  const server = createTestQueryClient()
  fillPageCache(server, { kind: 'shared', segment: page })
  await server.prefetchQuery({ queryKey: ['prices'], queryFn: () => ({ amount: 10, currency: page.currencyCode }) })
  return { state: dehydrate(server), page }
}


describe('a shared page when the shopper’s reads fail or differ', () => {
  it('a failed session read (500) keeps the page’s currency for the page’s prices (useLocale)', async () => {
    const { state, page } = await defaultSharedPage()
    expect(page.currencyCode).toBe('BRL')
    const seen: string[] = []
    function PriceTag() {
      const { currencyCode, loadError } = useLocale()
      const prices = useQuery<{ amount: number; currency: string }>({ queryKey: ['prices'], queryFn: () => ({ amount: 10, currency: 'BRL' }), staleTime: Infinity })
      seen.push(`${prices.data?.amount} ${prices.data?.currency} shown as ${currencyCode} (error: ${loadError ? 'yes' : 'no'})`)
      return null
    }
    function ProductGrid() {
      useSegment() // any segment reader on the page (search hooks, region bar…)
      return null
    }
    mock.fail({ kind: 'http', status: 500 }, { times: 10 })
    render(
      <Browser state={state}>
        <PriceTag />
        <ProductGrid />
      </Browser>,
    )
    await settle(300)
    // The BRL prices of the HTML stay on screen: they must keep being formatted as BRL.
    expect(seen.at(-1)).toBe('10 BRL shown as BRL (error: yes)')
  })

  it('a failed session read: <RegionGate> keeps the page’s priced children on every render while the gate says failed', async () => {
    const { state } = await defaultSharedPage()
    const rendered: string[] = []
    const Shown = ({ name, children }: { name: string; children?: ReactNode }) => (rendered.push(name), children)
    let gate!: RegionGateState
    function Probe() {
      gate = useRegionGate()
      return null
    }
    mock.fail({ kind: 'http', status: 503 }, { method: 'GET', path: '/api/sessions' })
    render(
      <Browser state={state} region={regionPolicy({ countries: ['BRA'] })}>
        <Probe />
        <RegionGate fallback={<Shown name="fallback" />} ask={() => <Shown name="ask" />} loadError={() => <Shown name="loadError" />}>
          <Shown name="children" />
        </RegionGate>
      </Browser>,
    )
    await waitFor(() => expect(gate.status).toBe('failed'))
    expect(gate).toMatchObject({ ready: true, loadError: { kind: 'http', status: 503 } })
    expect(new Set(rendered)).toEqual(new Set(['children']))
  })

  it('a failed session read keeps the page’s segment in useSegment (as it was before the failure)', async () => {
    const { state } = await defaultSharedPage()
    const seen: Array<string | undefined> = []
    function Reader() {
      const segment = useSegment()
      seen.push(`${segment.data?.currencyCode}/${segment.status}`)
      return null
    }
    mock.fail({ kind: 'http', status: 500 }, { times: 10 })
    render(
      <Browser state={state}>
        <Reader />
      </Browser>,
    )
    await settle(300)
    // The page is still priced with it: the segment readers should not go blank on a failed read.
    expect(seen.at(-1)?.split('/')[0]).toBe('BRL')
  })

  it('a shopper on the USD channel served the default (BRL) page: no render shows useLocale()’s USD beside the page’s BRL segment and prices', async () => {
    // The shopper's session is on sales channel 2 (USD); their segment cookie did not reach the CDN
    // (expired/cleared), so they got the default page, priced in BRL.
    const { state, page } = await defaultSharedPage()
    expect(page.currencyCode).toBe('BRL')
    const shopper = createSessionClient()
    await shopper.editSession({ sc: '2' })
    const mixed: string[] = []
    function PriceTag() {
      const { currencyCode } = useLocale()
      const segment = useSegment().data
      const prices = useQuery<{ amount: number; currency: string }>({ queryKey: ['prices'], queryFn: () => ({ amount: 10, currency: 'BRL' }), staleTime: Infinity })
      if (prices.data && segment && currencyCode !== segment.currencyCode) mixed.push(`${prices.data.amount} ${prices.data.currency} as ${currencyCode} (segment ${segment?.currencyCode})`)
      return null
    }
    mock.setLatency(({ path }) => (path.startsWith('/api/segments') ? 80 : 0))
    render(
      <Browser state={state} dependentQueries={[['prices']]}>
        <PriceTag />
      </Browser>,
    )
    await settle(400)
    expect(mixed).toEqual([])
  })
})
