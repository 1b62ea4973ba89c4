import { afterAll, beforeAll, expect, it } from 'vitest'
import { pageForRequest } from '../../../src/server/index'
import { startSessionManagerServer, type SessionManagerServer } from '../../../src/testing/node'

// SharedPage promises "a function of its URL and cacheKey alone". pageCacheKeyOf keys null and ""
// alike (`regionId=`), so pageSegmentOf must make them one value too: else whoever misses first
// would decide which of the two every other shopper of the key is served (and hydrates).

let emulator: SessionManagerServer
beforeAll(async () => {
  emulator = await startSessionManagerServer()
})
afterAll(() => emulator.close())

const NATIONAL = { campaigns: null, channel: '1', priceTables: null, regionId: null, utm_campaign: null, utm_source: null, utmi_campaign: null, currencyCode: 'BRL', currencySymbol: 'R$', countryCode: 'BRA', cultureInfo: 'pt-BR', channelPrivacy: 'public' }
const request = (segment: object) => new Request('https://shop.example/', { headers: { cookie: `vtex_segment=${Buffer.from(JSON.stringify(segment)).toString('base64')}` } })

it('two requests under one page cache key get the same page segment', async () => {
  const shopper = await pageForRequest(request(NATIONAL), { baseUrl: emulator.url })
  const forged = await pageForRequest(request({ ...NATIONAL, regionId: '', priceTables: '', campaigns: '' }), { baseUrl: emulator.url })
  if (shopper.kind !== 'shared' || forged.kind !== 'shared') throw new Error('expected shared pages')
  expect(forged.cacheKey).toBe(shopper.cacheKey)
  expect(forged.segment).toEqual(shopper.segment)
})
