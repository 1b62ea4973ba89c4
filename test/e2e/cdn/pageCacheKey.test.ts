import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pageKindOf } from '../../../src/server/pageCacheKey'
import { startVarnish, type Varnish } from './varnish'

// The page cache key is computed twice: by the origin (`pageKindOf`) and by the CDN, in VCL from
// the same cookie. Here Varnish runs the shipped VCL in front of an origin that answers nothing
// but a 200, and says which key it computed: for every cookie below, the two must agree.

const token = (segment: object) => Buffer.from(JSON.stringify(segment)).toString('base64')
const NATIONAL = { campaigns: null, channel: '1', priceTables: null, regionId: null, utm_campaign: null, utm_source: null, utmi_campaign: null, currencyCode: 'BRL', currencySymbol: 'R$', countryCode: 'BRA', cultureInfo: 'pt-BR', channelPrivacy: 'public' }

const COOKIES: Array<[string, string]> = [
  ['no cookie', ''],
  ['other cookies only', 'app_auth=1; vtex_session=abc'],
  ['a national segment', `vtex_segment=${token(NATIONAL)}`],
  ['a regional segment, other cookies around it', `a=1; vtex_segment=${token({ ...NATIONAL, regionId: 'v2.1BB18CE648B5111D0933734ED83EC783' })}; vtex_session=x`],
  ['a campaign', `vtex_segment=${token({ ...NATIONAL, utm_campaign: 'black-friday', campaigns: 'black-friday' })}`],
  ['fields in another order, with spaces', `vtex_segment=${Buffer.from('{ "cultureInfo" : "en-US", "channel" : "2", "currencyCode":"USD" }').toString('base64')}`],
  ['a shopper’s postal code and coordinates in facets', `vtex_segment=${token({ ...NATIONAL, facets: 'zip-code=22250040;country=BRA;coordinates=-43.18,-22.94;pickupPoint=1_botafogo' })}`],
  ['only personal facets', `vtex_segment=${token({ ...NATIONAL, facets: 'coordinates=-43.18,-22.94;zip-code=22250040' })}`],
  ['unknown extra fields', `vtex_segment=${token({ ...NATIONAL, debug: true, version: 3 })}`],
  ['a private sales channel', `vtex_segment=${token({ ...NATIONAL, channel: '3', channelPrivacy: 'private' })}`],
  ['a value with a character that cannot be keyed', `vtex_segment=${token({ ...NATIONAL, utm_campaign: 'promoção' })}`],
  ['a value with an escaped quote', `vtex_segment=${token({ ...NATIONAL, utm_source: 'a"b' })}`],
  ['a number where text goes', `vtex_segment=${token({ ...NATIONAL, channel: 1 })}`],
  ['not base64', 'vtex_segment=%%%not-base64'],
  ['base64 of something else', `vtex_segment=${Buffer.from('hello').toString('base64')}`],
  ['signed in', `VtexIdclientAutCookie_store=eyJ; vtex_segment=${token(NATIONAL)}`],
]

let origin: Server
let varnish: Varnish

beforeAll(async () => {
  origin = createServer((_, response) => response.end('ok'))
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve))
  varnish = await startVarnish((origin.address() as { port: number }).port)
}, 60_000)

afterAll(async () => {
  await varnish?.stop()
  await new Promise((resolve) => origin?.close(resolve))
})

describe('the page cache key, in Varnish and on the origin', () => {
  it.each(COOKIES)('%s: the same key (or the same "personal")', async (_, cookie) => {
    const response = await fetch(`${varnish.url}/`, { headers: cookie ? { cookie } : {} })
    await response.arrayBuffer()
    const origin = pageKindOf(cookie)
    const expected = origin.kind === 'shared' ? origin.cacheKey : 'personal'
    // A signed-in shopper is passed before any key is computed.
    expect(response.headers.get('x-cdn-page-cache-key') ?? 'personal').toBe(expected)
  })

  it('leaves the shopper’s postal code and coordinates out of the key', () => {
    const kind = pageKindOf(COOKIES[6]![1])
    expect(kind).toMatchObject({ kind: 'shared' })
    const key = kind.kind === 'shared' ? kind.cacheKey : ''
    expect(key).toContain('facets=country=BRA;pickupPoint=1_botafogo')
    expect(key).not.toMatch(/22250040|-43\.18/)
  })
})
