import { afterAll, beforeAll, expect, it } from 'vitest'
import { pageKindOf } from '../../../src/server/pageCacheKey'
import { startSessionManagerServer, type SessionManagerServer } from '../../../src/testing/node'
import { rawGet, startOrigin } from './jsonOrigin'
import { startVarnish, type Varnish } from './varnish'

// The shipped VCL at the edges of HTTP, with raw requests (headers fetch would merge or refuse),
// in front of an origin that renders pageForRequest's page as JSON.
//
// - A signed-in shopper whose cookies arrive in two Cookie header fields (HTTP/2 cookie crumbs
//   forwarded as they are by a TLS terminator, or any client): Varnish's req.http.Cookie is the
//   first field only unless the VCL collects them, and the login cookie in the second would be
//   missed (a HIT of the anonymous shared page). The origin (Node joins the fields) says 'logged-in'.
// - sharedPageHeaders sends `Vary: Cookie` so a cache that keys by nothing else never mixes
//   segments. The VCL keys by the page cache key instead and drops it from what it stores; what it
//   delivers must carry it again, or every cache after Varnish (a browser, a corporate proxy, a
//   second CDN tier) would key a public page by URL alone: a Rio page for a São Paulo shopper
//   behind the same proxy, a stale anonymous copy for a shopper who just signed in.

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

const NATIONAL = { campaigns: null, channel: '1', priceTables: null, regionId: null, utm_campaign: null, utm_source: null, utmi_campaign: null, currencyCode: 'BRL', currencySymbol: 'R$', countryCode: 'BRA', cultureInfo: 'pt-BR', channelPrivacy: 'public' }
const segment = `vtex_segment=${Buffer.from(JSON.stringify(NATIONAL)).toString('base64')}`

it('a signed-in shopper never gets a HIT, whatever the number of Cookie header fields', async () => {
  const port = Number(new URL(varnish.url).port)
  // An anonymous shopper of the national segment fills the cache.
  await rawGet(port, '/', [`Cookie: ${segment}`])
  expect((await rawGet(port, '/', [`Cookie: ${segment}`])).headers).toMatch(/x-cache: HIT/i)
  // The same segment, signed in, the login cookie in a second Cookie field.
  const lines = [`Cookie: ${segment}`, 'Cookie: VtexIdclientAutCookie_store=eyJhbGciOi.signed.in']
  expect(pageKindOf(`${segment}; VtexIdclientAutCookie_store=eyJhbGciOi.signed.in`)).toMatchObject({ kind: 'personal', reason: 'logged-in' })
  const signedIn = await rawGet(port, '/', lines)
  expect(signedIn.headers).not.toMatch(/x-cache: HIT/i)
  expect(JSON.parse(signedIn.body)).toMatchObject({ kind: 'personal' })
}, 60_000)

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
