// @vitest-environment node
import { afterAll, beforeAll, it } from 'vitest'
import { fetchSession, googleRegionIdOf } from '../src/server/index'
import { startSessionManagerServer, type SessionManagerServer } from '../src/testing/node'
import { saveResults } from './results.mjs'

let emulator: SessionManagerServer
beforeAll(async () => {
  emulator = await startSessionManagerServer()
})
afterAll(() => emulator.close())

const AD = googleRegionIdOf({ country: 'BRA', postalCode: '22250-040' })

/** Session Manager requests one `fetchSession` makes, for a shopper holding `cookie`. */
async function requestsFor(cookie: string | null, regionId?: string): Promise<number> {
  const mark = emulator.mock.requests.length
  await fetchSession({ baseUrl: emulator.url, cookie, regionId })
  return emulator.mock.requests.length - mark
}

it('counts Session Manager requests per server render', async () => {
  const created = await fetchSession({ baseUrl: emulator.url })
  const cookie = created.setCookie.map((header) => header.split(';')[0]).join('; ')
  const sessionOnly = cookie.split('; ').filter((pair) => pair.startsWith('vtex_session=')).join('; ')
  saveResults('serverRequests', {
    'new shopper (no cookie): POST ?items=*, segment from its Set-Cookie': await requestsFor(null),
    'returning shopper: GET ?items=*, segment from the vtex_segment cookie': await requestsFor(cookie),
    'returning shopper with a corrupt vtex_segment cookie (this emulator re-sets it on the GET)': await requestsFor(`${sessionOnly}; vtex_segment=corrupt`),
    'new shopper from a Google regional ad (region_id): POST ?items=* with the place': await requestsFor(null, AD),
    'returning shopper without a place, from the ad: GET, then PATCH ?items=* with the place': await requestsFor(cookie, AD),
    'returning shopper with a place of their own, from the ad: GET, nothing written': await requestsFor(cookie, AD),
  })
})
