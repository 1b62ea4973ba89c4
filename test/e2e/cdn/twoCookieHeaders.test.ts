import { afterAll, beforeAll, expect, it } from 'vitest'
import { pageKindOf } from '../../../src/server/pageCacheKey'
import { startSessionManagerServer, type SessionManagerServer } from '../../../src/testing/node'
import { rawGet, startOrigin } from './jsonOrigin'
import { startVarnish, type Varnish } from './varnish'

// A signed-in shopper whose cookies arrive in two Cookie header fields (HTTP/2 cookie crumbs
// forwarded as they are by a TLS terminator, or any client): Varnish's req.http.Cookie is the
// first field only unless the VCL collects them, and the login cookie in the second would be missed
// (a HIT of the anonymous shared page). The origin (Node joins the fields) says 'logged-in'.

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
