import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { catalogParamsOf, deliveryPromiseOf, parseFacets, useCatalogParams, withFacet, type CatalogParams } from '../src/checkout/index'
import { useRegion, useUpdateSession, type Segment, type Session } from '../src/index'
import { createWrapper, mock, server } from './harness'

const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'
const SAO_PAULO = 'v2.5A6F0E3D91B24C7E8F1A2B3C4D5E6F70'
const segment: Segment = { channel: '1', regionId: RIO, cultureInfo: 'pt-BR', priceTables: null, campaigns: null }
const withFacets = (facets: string): Session => ({ id: 's', namespaces: { public: { facets: { value: facets } } } })

describe('public.facets (the delivery promise as VTEX stores it)', () => {
  it('reads key=value;key=value and writes one key, keeping every other key in its order', () => {
    const text = 'zip-code=22250040;country=BRA;coordinates=-43.18,-22.94;custom=kept'
    expect(parseFacets(text)).toEqual([['zip-code', '22250040'], ['country', 'BRA'], ['coordinates', '-43.18,-22.94'], ['custom', 'kept']])
    expect(withFacet(text, 'pickupPoint', 'store-7')).toBe(`${text};pickupPoint=store-7`)
    expect(withFacet(`${text};pickupPoint=store-7`, 'pickupPoint', undefined)).toBe(text)
    expect(withFacet(text, 'zip-code', '01310100')).toBe('zip-code=01310100;country=BRA;coordinates=-43.18,-22.94;custom=kept')
    expect(withFacet(undefined, 'zip-code', '1')).toBe('zip-code=1')
  })

  it('tells delivery from pickup and reads the place', () => {
    expect(deliveryPromiseOf('zip-code=22250040;country=BRA;coordinates=-43.18,-22.94')).toEqual({
      method: 'delivery', postalCode: '22250040', country: 'BRA', coordinates: [-43.18, -22.94], pickupPoint: undefined,
    })
    expect(deliveryPromiseOf('zip-code=22250040;pickupPoint=store-7').method).toBe('pickup')
    expect(deliveryPromiseOf(undefined)).toEqual({ method: 'delivery', postalCode: undefined, country: undefined, coordinates: undefined, pickupPoint: undefined })
  })
})

describe('catalogParamsOf', () => {
  it('gives the trade policy and region facets and the locale for a segment', () => {
    expect(catalogParamsOf(segment)).toEqual({ facets: `trade-policy/1/region-id/${RIO}`, query: 'locale=pt-BR' })
  })

  it('adds the delivery promise from the session (else the segment): shipping, pickup point, zip-code, coordinates', () => {
    const delivery = catalogParamsOf(segment, withFacets('zip-code=22250040;coordinates=-43.18,-22.94'))
    expect(delivery).toEqual({
      facets: `trade-policy/1/region-id/${RIO}/shipping/delivery`,
      query: 'locale=pt-BR&zip-code=22250040&coordinates=-43.18%2C-22.94',
    })
    const pickup = catalogParamsOf({ ...segment, facets: 'zip-code=22250040;pickupPoint=store 7' })
    expect(pickup.facets).toBe(`trade-policy/1/region-id/${RIO}/shipping/pickup-in-point/pickupPoint/store%207`)
  })

  it("takes the region id from the session beside its place, when the session has one (a segment may be a write ahead of it)", () => {
    const rioSession: Session = {
      id: 's',
      namespaces: { public: { country: { value: 'BRA' }, postalCode: { value: '22250040' } }, checkout: { regionId: { value: RIO } } },
    }
    expect(catalogParamsOf({ ...segment, regionId: SAO_PAULO }, rioSession)).toEqual({
      facets: `trade-policy/1/region-id/${RIO}/shipping/delivery`,
      query: 'locale=pt-BR&zip-code=22250040',
    })
  })

  it('is equal for equal segments (it can key a query) and leaves out what the segment lacks', () => {
    expect(catalogParamsOf({ ...segment })).toEqual(catalogParamsOf(segment))
    expect(catalogParamsOf({ channel: '2', regionId: null, cultureInfo: null })).toEqual({ facets: 'trade-policy/2', query: '' })
  })
})

describe('useCatalogParams', () => {
  it('follows the session (region, delivery promise) and keeps one identity while the parameters are equal', async () => {
    const { result, rerender } = renderHook(() => ({ params: useCatalogParams(), region: useRegion(), update: useUpdateSession() }), createWrapper())
    await waitFor(() => expect(result.current.params).toEqual({ facets: 'trade-policy/1', query: 'locale=pt-BR' }))
    const first = result.current.params
    rerender()
    expect(result.current.params).toBe(first)
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    await waitFor(() => expect(result.current.params?.facets).toBe(`trade-policy/1/region-id/${RIO}/shipping/delivery`))
    expect(result.current.params?.query).toBe('locale=pt-BR&zip-code=22250-040')
    await act(() => result.current.update.mutateAsync({ facets: 'zip-code=22250040;country=BRA;pickupPoint=rio-centro' }))
    await waitFor(() => expect(result.current.params?.facets).toBe(`trade-policy/1/region-id/${RIO}/shipping/pickup-in-point/pickupPoint/rio-centro`))
  })
})

describe('useCatalogParams while a region write is in flight', () => {
  it('never pairs the old region-id with the new zip-code: it changes once, to the new pair, after the write is confirmed', async () => {
    let patchAnswered = false
    const rendered: Array<{ params: CatalogParams | undefined; patchAnswered: boolean }> = []
    const { result } = renderHook(() => {
      const params = useCatalogParams()
      rendered.push({ params, patchAnswered })
      return { params, region: useRegion() }
    }, createWrapper())
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '22250-040' }))
    const rio = { facets: `trade-policy/1/region-id/${RIO}/shipping/delivery`, query: 'locale=pt-BR&zip-code=22250-040' }
    await waitFor(() => expect(result.current.params).toEqual(rio))
    // The São Paulo PATCH is held in flight; every value rendered meanwhile is recorded.
    mock.setLatency(({ method }) => (method === 'PATCH' ? 200 : 0))
    server.events.on('response:mocked', ({ request }) => void (request.method === 'PATCH' && (patchAnswered = true)))
    const since = rendered.length
    await act(() => result.current.region.setRegion({ country: 'BRA', postalCode: '01310-100' }))
    server.events.removeAllListeners()
    const saoPaulo = { facets: `trade-policy/1/region-id/${SAO_PAULO}/shipping/delivery`, query: 'locale=pt-BR&zip-code=01310-100' }
    await waitFor(() => expect(result.current.params).toEqual(saoPaulo))
    const during = rendered.slice(since - 1)
    // One change, straight from the Rio pair to the São Paulo pair, once the server answered.
    const changes = during.filter(({ params }, index) => index === 0 || params !== during[index - 1]!.params)
    expect(changes).toEqual([
      { params: rio, patchAnswered: false },
      { params: saoPaulo, patchAnswered: true },
    ])
  })
})
