import { describe, expect, it } from 'vitest'
import type { Segment, Session } from '../src/core/types'
import { searchContextOf, searchPathOf, searchQueryOf, type SearchEndpoint } from '../src/search/searchContext'

const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'
const ENDPOINTS: SearchEndpoint[] = ['product-search', 'facets', 'products', 'pickup-point-availability']

/** The query each endpoint would send for a segment. */
const queries = (segment: Segment) => Object.fromEntries(ENDPOINTS.map((endpoint) => [endpoint, searchQueryOf(searchContextOf(segment), endpoint)]))

// The endpoints of each row: VTEX, "Migrating to Intelligent Search API v1", Step 3
// (https://developers.vtex.com/docs/guides/migrating-to-intelligent-search-api-v1), and the API
// reference's parameters of each endpoint (https://developers.vtex.com/docs/api-reference/intelligent-search-api-v1).
describe('searchContextOf: each segment field reaches the v1 wire, on the endpoints that take it', () => {
  it.each([
    ['cultureInfo', { cultureInfo: 'pt-BR' }, 'locale=pt-BR', ENDPOINTS],
    ['channel', { channel: '2' }, 'sc=2', ENDPOINTS],
    ['regionId', { regionId: RIO }, `regionId=${RIO}`, ['product-search', 'facets', 'products']],
    ['priceTables', { priceTables: 'gold,silver' }, 'priceTables=gold%2Csilver', ['product-search', 'products']],
    ['campaigns', { campaigns: '7' }, 'campaigns=7', ['product-search', 'products']],
    ['utm_source', { utm_source: 'mail' }, 'utmSource=mail', ['product-search', 'products']],
    ['utm_campaign', { utm_campaign: 'black-friday' }, 'utmCampaign=black-friday', ['product-search', 'products']],
    ['utmi_campaign', { utmi_campaign: 'inner' }, 'utmiCampaign=inner', ['product-search', 'products']],
    ['countryCode', { countryCode: 'BRA' }, 'country=BRA', ENDPOINTS],
    ['facets zip-code', { facets: 'zip-code=22250040' }, 'zip-code=22250040', ENDPOINTS],
    ['facets coordinates', { facets: 'coordinates=-43.18,-22.94' }, 'coordinates=-43.18%2C-22.94', ENDPOINTS],
    ['facets country', { facets: 'country=BRA' }, 'country=BRA', ENDPOINTS],
    ['facets pickupPoint', { facets: 'pickupPoint=store-7' }, 'pickupPoint=store-7', ENDPOINTS],
    ['facets deliveryZonesHash', { facets: 'deliveryZonesHash=dz1' }, 'deliveryZonesHash=dz1', ENDPOINTS],
    ['facets pickupPointsHash', { facets: 'pickupPointsHash=pp1' }, 'pickupPointsHash=pp1', ENDPOINTS],
  ] as const)('%s', (_field, segment, wire, endpoints) => {
    const sent = queries(segment)
    for (const endpoint of ENDPOINTS) expect(sent[endpoint], endpoint).toBe(endpoints.includes(endpoint as never) ? wire : '')
  })

  it('leaves a segment facet that is a dot segment out of the path (it would leave the search path)', () => {
    expect(searchContextOf({ facets: '..=..;brand=acme;.=x' }).facets).toBe('brand/acme')
  })

  it('puts the path facets on product-search and facets only, as VTEX lists them', () => {
    const context = searchContextOf({ facets: 'zip-code=22250040;brand=acme' })
    expect(Object.fromEntries(ENDPOINTS.map((endpoint) => [endpoint, searchPathOf(context, endpoint)]))).toEqual({
      'product-search': 'brand/acme',
      facets: 'brand/acme',
      products: '',
      'pickup-point-availability': '',
    })
  })

  it('turns every other facets key into a path facet, in the segment order, URL-encoded', () => {
    const context = searchContextOf({ facets: 'zip-code=22250040;shipping=pickup-in-point;brand=Café Bom;category-1=drinks' })
    expect(context.facets).toBe('shipping/pickup-in-point/brand/Caf%C3%A9%20Bom/category-1/drinks')
    expect(context.params).toEqual({ 'zip-code': '22250040' })
  })

  it('lets the segment countryCode win over the country of facets', () => {
    expect(searchContextOf({ countryCode: 'USA', facets: 'country=BRA' }).params.country).toBe('USA')
  })

  it('keeps the address beside the hashes that stand for it: the hashes expire, the address is the fallback', () => {
    const query = searchQueryOf(searchContextOf({ facets: 'deliveryZonesHash=dz1;zip-code=22250040;pickupPointsHash=pp1;coordinates=-43.18,-22.94' }), 'product-search')
    expect(query).toBe('zip-code=22250040&coordinates=-43.18%2C-22.94&deliveryZonesHash=dz1&pickupPointsHash=pp1')
  })

  it('leaves empty values out: null, blank text, an empty campaigns list', () => {
    const context = searchContextOf({ cultureInfo: 'pt-BR', channel: null, regionId: '', campaigns: ' ', priceTables: undefined, facets: 'zip-code=;brand=' })
    expect(context).toEqual({ params: { locale: 'pt-BR' }, facets: '' })
  })
})

describe('searchContextOf: one canonical URL per context', () => {
  const shopper: Segment = {
    cultureInfo: 'pt-BR',
    channel: '1',
    regionId: RIO,
    priceTables: 'gold',
    utm_campaign: 'black-friday',
    countryCode: 'BRA',
    facets: 'zip-code=22250040;pickupPoint=store-7',
  }

  it('gives two shoppers with equal segments byte-identical URLs, whatever order their fields came in', () => {
    const reordered = Object.fromEntries(Object.entries(shopper).reverse()) as Segment
    for (const endpoint of ENDPOINTS) expect(searchQueryOf(searchContextOf(reordered), endpoint)).toBe(searchQueryOf(searchContextOf(shopper), endpoint))
    expect(searchQueryOf(searchContextOf(shopper), 'product-search')).toBe(
      `locale=pt-BR&sc=1&regionId=${RIO}&priceTables=gold&utmCampaign=black-friday&zip-code=22250040&country=BRA&pickupPoint=store-7`,
    )
  })

  it.each([
    ['a price table', { priceTables: 'silver' }],
    ['a UTM campaign', { utm_campaign: 'cyber-monday' }],
    ['a region', { regionId: 'v2.5A6F0E3D91B24C7E8F1A2B3C4D5E6F70' }],
    ['a pickup point', { facets: 'zip-code=22250040;pickupPoint=store-8' }],
    ['a postal code', { facets: 'zip-code=20040002' }],
  ])('changes the product-search and products URLs when %s changes', (_what, change) => {
    for (const endpoint of ['product-search', 'products'] as const) {
      expect(searchQueryOf(searchContextOf({ ...shopper, ...change }), endpoint), endpoint).not.toBe(searchQueryOf(searchContextOf(shopper), endpoint))
    }
  })
})

describe('searchContextOf with the session the segment describes', () => {
  const session = (publicFields: Record<string, string>, regionId?: string): Session => ({
    id: 's',
    namespaces: {
      public: Object.fromEntries(Object.entries(publicFields).map(([name, value]) => [name, { value }])),
      ...(regionId ? { checkout: { regionId: { value: regionId } } } : {}),
    },
  })

  it('takes the place from the session: facets written before a region change still name the old one', () => {
    const stale = { facets: 'zip-code=01310100;country=BRA;brand=acme' }
    const context = searchContextOf(stale, session({ country: 'BRA', postalCode: '22250-040' }))
    expect(searchQueryOf(context, 'product-search')).toBe('zip-code=22250-040&country=BRA')
    expect(context.facets).toBe('brand/acme')
  })

  it('sends coordinates for a region set by coordinates, and no postal code', () => {
    const context = searchContextOf({ facets: 'zip-code=01310100' }, session({ country: 'BRA', geoCoordinates: '-43.18,-22.94' }))
    expect(searchQueryOf(context, 'pickup-point-availability')).toBe('coordinates=-43.18%2C-22.94&country=BRA')
  })

  it('drops the expiring hashes when the session is somewhere else than they were made for, and keeps them when it is there', () => {
    const facets = 'zip-code=01310100;deliveryZonesHash=dz1;pickupPointsHash=pp1'
    expect(searchContextOf({ facets }, session({ country: 'BRA', postalCode: '22250-040' })).params).toEqual({ 'zip-code': '22250-040', country: 'BRA' })
    expect(searchContextOf({ facets }, session({ country: 'BRA', postalCode: '01310100' })).params).toEqual({
      'zip-code': '01310100',
      country: 'BRA',
      deliveryZonesHash: 'dz1',
      pickupPointsHash: 'pp1',
    })
  })

  it("takes the session's region id over the segment's, which may be a write ahead", () => {
    const context = searchContextOf({ regionId: 'v2.5A6F0E3D91B24C7E8F1A2B3C4D5E6F70' }, session({ country: 'BRA', postalCode: '22250-040' }, RIO))
    expect(context.params.regionId).toBe(RIO)
  })

  it('reads the delivery promise the session holds (public.facets) over the segment copy', () => {
    const context = searchContextOf({ facets: 'pickupPoint=store-7' }, session({ facets: 'pickupPoint=store-8' }))
    expect(context.params.pickupPoint).toBe('store-8')
  })
})

describe('searchContextOf: what facets says of a place goes only beside that place', () => {
  const at = (publicFields: Record<string, string>): Session => ({ id: 's', namespaces: { public: Object.fromEntries(Object.entries(publicFields).map(([name, value]) => [name, { value }])) } })
  const facets = 'zip-code=22250040;coordinates=-43.18,-22.95;country=BRA;pickupPoint=rio-botafogo;deliveryZonesHash=dz1;pickupPointsHash=pp1'

  it('keeps the coordinates, pickup point and hashes when the session is at that postal code, however it is written', () => {
    expect(searchContextOf({ facets }, at({ country: 'BRA', postalCode: '22250-040' })).params).toEqual({
      'zip-code': '22250-040',
      coordinates: '-43.18,-22.95',
      country: 'BRA',
      pickupPoint: 'rio-botafogo',
      deliveryZonesHash: 'dz1',
      pickupPointsHash: 'pp1',
    })
  })

  it('leaves them all out after a region change to another place, so no search pairs the new place with the old point', () => {
    expect(searchContextOf({ facets }, at({ country: 'BRA', postalCode: '01310-100' })).params).toEqual({ 'zip-code': '01310-100', country: 'BRA' })
  })
})
