import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { googleRegionIdOf, pageForRequest } from '../../../src/server/index'
import { startSessionManagerServer, type SessionManagerServer } from '../../../src/testing/node'

// A Google ad's landing page is a shared page: the region of its region_id is looked up in the
// Checkout API (GET /api/checkout/pub/regions). That lookup is a refinement (the page can be priced
// nationally, as for a region_id that does not parse): when it fails or hangs, the page is still
// rendered, quickly, and kept by no cache.

let emulator: SessionManagerServer
beforeAll(async () => {
  emulator = await startSessionManagerServer()
})
afterEach(() => emulator.mock.reset())
afterAll(() => emulator.close())

const AD = googleRegionIdOf({ country: 'BRA', postalCode: '22250-040' })
const adLanding = () => new Request(`https://shop.example/?region_id=${encodeURIComponent(AD)}`)

it('a failing regions lookup still renders the shared page (priced without the region, not kept by the CDN)', async () => {
  emulator.mock.fail({ kind: 'http', status: 503 }, { path: '/api/checkout/pub/regions' })
  const page = await pageForRequest(adLanding(), { baseUrl: emulator.url }).catch((error: unknown) => error)
  expect(page).not.toBeInstanceOf(Error)
  expect(page).toMatchObject({ kind: 'shared', segment: { regionId: null } })
  expect((page as { headers: Headers }).headers.get('cache-control')).toBe('private, no-store')
})

it('a hanging regions lookup does not hold the page for the 15 s request timeout', async () => {
  emulator.mock.setLatency(({ path }) => (path.startsWith('/api/checkout/pub/regions') ? 60_000 : 0))
  const started = Date.now()
  await pageForRequest(adLanding(), { baseUrl: emulator.url }).catch(() => undefined)
  expect(Date.now() - started).toBeLessThan(3_000)
}, 30_000)
