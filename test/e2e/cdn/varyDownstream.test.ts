import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSessionManagerServer, type SessionManagerServer } from '../../../src/testing/node'
import { rawGet, startOrigin } from './jsonOrigin'
import { startVarnish, type Varnish } from './varnish'

// sharedPageHeaders sends `Vary: Cookie` so a cache that keys by nothing else never mixes
// segments. The shipped VCL keys by the page cache key instead and drops it from what it stores;
// what it delivers must carry it again, or every cache after Varnish (a browser, a corporate
// proxy, a second CDN tier) would key a public page by URL alone: a Rio page for a São Paulo
// shopper behind the same proxy, a stale anonymous copy for a shopper who just signed in.

let emulator: SessionManagerServer
let origin: Awaited<ReturnType<typeof startOrigin>>
let varnish: Varnish
beforeAll(async () => {
  emulator = await startSessionManagerServer()
  origin = await startOrigin(emulator.url)
  varnish = await startVarnish(origin.port)
}, 60_000)
afterAll(async () => {
  await varnish?.stop()
  origin?.server.close()
  await emulator?.close()
})

const RIO = { channel: '1', channelPrivacy: 'public', cultureInfo: 'pt-BR', currencyCode: 'BRL', countryCode: 'BRA', regionId: 'v2.1BB18CE648B5111D0933734ED83EC783' }

it('a shared page leaves Varnish either private to its own cache or still varying by Cookie', async () => {
  const port = Number(new URL(varnish.url).port)
  const cookie = `Cookie: vtex_segment=${Buffer.from(JSON.stringify(RIO)).toString('base64')}`
  await rawGet(port, '/', [cookie])
  const { headers } = await rawGet(port, '/', [cookie])
  expect(headers).toMatch(/x-cache: HIT/i)
  const shareableDownstream = /\ncache-control:[^\n]*\bpublic\b/i.test(headers)
  const variesByCookie = /\nvary:[^\n]*\bcookie\b/i.test(headers)
  expect({ shareableDownstream, variesByCookie, headers }).toMatchObject(shareableDownstream ? { variesByCookie: true } : {})
}, 60_000)
