import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { googleRegionIdOf } from '../../src/core/googleRegionId'
import { demoPriceOf } from '../../src/testing/index'
import { startSessionManagerServer, type SessionManagerServer } from '../../src/testing/node'
import { collectErrors, DOC_IMAGES, launchChromium, SCREENSHOTS } from './chromium'
import { freePort } from './processes'

const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'
const SAO_PAULO = 'v2.5A6F0E3D91B24C7E8F1A2B3C4D5E6F70'
/** The kettle's price in the storefront's grid, national or for a region. */
const price = (regionId?: string) => new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' }).format(demoPriceOf(249, regionId ? { regionId } : {}))

let emulator: SessionManagerServer
let next: ChildProcess
let origin = ''
let browser: BrowserContext

async function waitForServer(url: string, deadline = Date.now() + 60_000): Promise<void> {
  while (Date.now() < deadline) {
    try {
      await fetch(url, { method: 'HEAD' })
      return
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  throw new Error(`${url} did not start`)
}

/** A v1 product-search request of the storefront's grid (the first page), with the context's own parameters. */
const searchLine = (context: string) => `GET /api/intelligent-search/v1/product-search?count=12&locale=pt-BR&sc=1${context}`
/** The emulator's requests since `mark` (reset() would also forget the sessions). */
const emulatorLines = (mark = 0) => emulator.mock.requests.slice(mark).map(({ method, path }) => `${method} ${path}`)
/** Requests that price the page or name its place: the Session Manager, search, regions and postal-code answers (not the cart's). */
const pricing = (line: string) => /^\w+ \/api\/(sessions|segments|intelligent-search|checkout\/pub\/(regions|postal-code))/.test(line)
/** The emulator's pricing requests since `mark`. */
const pricingLines = (mark = 0) => emulatorLines(mark).filter(pricing)
/** The session id a cookie jar names, as the Session Manager answers it. */
const sessionIdOf = async (cookie: string) => ((await (await fetch(`${emulator.url}/api/sessions?items=*`, { headers: { cookie } })).json()) as { id: string }).id
/** A new page that records its console errors and its pricing requests (`METHOD /path?query`). */
async function openPage(): Promise<{ page: Page; errors: string[]; browserRequests: string[] }> {
  const page = await browser.newPage()
  const errors = collectErrors(page)
  const browserRequests: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    const line = `${request.method()} ${url.pathname}${url.search}`
    if (pricing(line)) browserRequests.push(line)
  })
  return { page, errors, browserRequests }
}

/** The fields of a response's `Vary`, lower-cased. */
const varyFieldsOf = (response: Response) => (response.headers.get('vary') ?? '').split(',').map((field) => field.trim().toLowerCase())
/** The prices the storefront's grid shows. */
const gridPrices = (page: Page) => page.getByTestId('grid').locator('[data-testid=grid-price]').allInnerTexts()
const cookiePairs = (response: Response) => response.headers.getSetCookie().map((header) => header.split(';')[0]).join('; ')

beforeAll(async () => {
  emulator = await startSessionManagerServer()
  const port = await freePort()
  origin = `http://127.0.0.1:${port}`
  // Built by `npm run build-example` (part of npm test).
  next = spawn(process.execPath, [join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', 'examples/next-app', '-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, SESSION_MANAGER_URL: emulator.url, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  await waitForServer(origin)
  browser = await launchChromium()
}, 90_000)

afterAll(async () => {
  await browser?.close()
  next?.kill()
  await emulator?.close()
})

describe('the Next.js example at start', () => {
  it('starts its own emulator when neither SESSION_MANAGER_URL nor VTEX_ACCOUNT is set (npm run example)', async () => {
    const port = await freePort()
    const started = spawn(process.execPath, ['examples/next-app/start.mjs'], {
      env: { ...process.env, SESSION_MANAGER_URL: '', VTEX_ACCOUNT: '', PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    try {
      await waitForServer(`http://127.0.0.1:${port}`)
      const page = await fetch(`http://127.0.0.1:${port}`)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('data-testid="grid"')
      expect(output).toMatch(/No SESSION_MANAGER_URL or VTEX_ACCOUNT: using the emulator on http:\/\/127\.0\.0\.1:\d+/)
    } finally {
      const exited = new Promise((resolve) => started.on('exit', resolve))
      started.kill('SIGTERM')
      await exited
    }
  })

  it.each([
    ['VTEX_ACCOUNT', '127.0.0.1:4000/#', /VTEX_ACCOUNT must be an account name/],
    ['SESSION_MANAGER_URL', '127.0.0.1:4000', /SESSION_MANAGER_URL must be an absolute http\(s\) URL/],
  ])('stops with a clear error for %s=%j', async (name, value, message) => {
    const started = spawn(process.execPath, [join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', 'examples/next-app', '-H', '127.0.0.1', '-p', String(await freePort())], {
      env: { ...process.env, SESSION_MANAGER_URL: '', VTEX_ACCOUNT: '', [name]: value, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => started.on('exit', resolve))
    expect(code).not.toBe(0)
    expect(output).toMatch(message)
  })
})

describe('the Next.js App Router example', () => {
  it('gives a first visit the shared default page: no session created, no cookie set, kept by a CDN under the default key', async () => {
    const mark = emulator.mock.requests.length
    const response = await fetch(origin)
    const html = await response.text()
    expect(response.headers.getSetCookie()).toEqual([])
    expect(response.headers.get('cache-control')).toBe('public, s-maxage=60, stale-while-revalidate=300')
    expect(response.headers.get('x-page-cache-key')).toBe('default')
    expect(html).toContain(price())
    // The default segment (asked without cookies), then the search it prices.
    expect(pricingLines(mark)).toEqual(['GET /api/segments', searchLine('&country=BRA')])
  })

  it('lands a Google regional ad (?region_id=) already priced, shared by its URL: the region looked up, no session written', async () => {
    const mark = emulator.mock.requests.length
    const regionId = googleRegionIdOf({ country: 'BRA', postalCode: '22250-040' })
    const response = await fetch(`${origin}/?region_id=${encodeURIComponent(regionId)}`)
    const html = (await response.text()).replace(/<!-- -->/g, '')
    expect(html).toContain(price(RIO))
    expect(html).not.toContain(price())
    expect(response.headers.getSetCookie()).toEqual([])
    expect(response.headers.get('cache-control')).toMatch(/^public, s-maxage=/)
    expect(emulatorLines(mark)).toEqual(['GET /api/segments', 'GET /api/checkout/pub/regions?country=BRA&postalCode=22250040&sc=1', searchLine(`&regionId=${RIO}&country=BRA`)])
  })

  it("forwards the cart's Checkout calls with the cart cookies, and passes its cookies on (no Domain)", async () => {
    const first = await fetch(`${origin}/api/checkout/pub/orderForm`, { headers: { cookie: 'app_auth=secret' } })
    const cart = (await first.json()) as { orderFormId: string }
    expect(first.headers.getSetCookie().map((header) => header.split('=')[0])).toEqual(['checkout.vtex.com', 'CheckoutOrderFormOwnership'])
    const cookie = cookiePairs(first)
    expect(cookie).toContain(`checkout.vtex.com=__ofid=${cart.orderFormId}`)
    const mark = emulator.mock.requests.length
    const again = (await (await fetch(`${origin}/api/checkout/pub/orderForm`, { headers: { cookie: `${cookie}; app_auth=secret` } })).json()) as { orderFormId: string }
    expect(again.orderFormId).toBe(cart.orderFormId)
    const shipped = await fetch(`${origin}/api/checkout/pub/orderForm/${cart.orderFormId}/attachments/shippingData`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ selectedAddresses: [{ addressType: 'search', country: 'BRA', postalCode: '22250040', geoCoordinates: [] }] }),
    })
    expect(((await shipped.json()) as { shippingData: { address: { postalCode: string } } }).shippingData.address.postalCode).toBe('22250-040')
    expect(emulatorLines(mark)).toEqual(['GET /api/checkout/pub/orderForm', `POST /api/checkout/pub/orderForm/${cart.orderFormId}/attachments/shippingData`])
  })

  it('a returning anonymous shopper: their segment’s shared page, with no Session Manager request and nothing of their session in it', async () => {
    const written = await fetch(`${origin}/api/sessions?items=*`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ public: { country: { value: 'BRA' }, postalCode: { value: '22271-010' } } }),
    })
    const { id } = (await written.json()) as { id: string }
    // Not the storefront's example postal code (22250-040), which its input shows to everyone.
    const cookie = cookiePairs(written)
    const mark = emulator.mock.requests.length
    const response = await fetch(origin, { headers: { cookie } })
    const html = await response.text()
    expect(html).toContain(price(RIO))
    for (const personal of [id, '22271-010', '22271010', 'Botafogo, Rio de Janeiro']) expect(html).not.toContain(personal)
    expect(response.headers.getSetCookie()).toEqual([])
    expect(response.headers.get('x-page-cache-key')).toContain(`regionId=${RIO}`)
    // The segment comes from the cookie: only the search is asked.
    expect(pricingLines(mark)).toEqual([searchLine(`&regionId=${RIO}&country=BRA`)])
  })

  it('tells a CDN how to cache each page: shared for first visits and anonymous shoppers, never for a signed-in one', async () => {
    const newShopper = await fetch(origin)
    await newShopper.arrayBuffer()
    expect(newShopper.headers.get('cache-control')).toBe('public, s-maxage=60, stale-while-revalidate=300')
    // Vary: Cookie for a cache with no key of its own; Next's own fields stay (client navigations fetch the same URL with `rsc: 1`).
    expect(varyFieldsOf(newShopper)).toEqual(expect.arrayContaining(['cookie', 'rsc']))
    const created = await fetch(`${origin}/api/sessions?items=*`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"public":{}}' })
    const { id } = (await created.json()) as { id: string }
    const cookie = cookiePairs(created)
    emulator.mock.logIn(id, { email: 'buyer@b2b.example', priceTables: ['b2b-gold'] })
    const signedIn = await fetch(origin, { headers: { cookie: `${cookie}; VtexIdclientAutCookie_store=token` } })
    const html = await signedIn.text()
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store')
    expect(signedIn.headers.get('x-page-cache-key')).toBeNull()
    expect(varyFieldsOf(signedIn)).toContain('cookie')
    // A personal page is rendered with the session.
    expect(html).toContain(id)
    emulator.mock.logOut(id)
  })

  it('never lets a browser hand the page a session of its own making', async () => {
    const forged = Buffer.from(JSON.stringify({ kind: 'personal', session: { id: 'forged', namespaces: {} }, segment: {} })).toString('base64url')
    const html = await (await fetch(origin, { headers: { 'x-storefront-page': forged } })).text()
    expect(html).not.toContain('forged')
  })

  it("puts a signed-in shopper's place and prices in their personal page's HTML", async () => {
    const created = await fetch(`${origin}/api/sessions?items=*`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ public: { country: { value: 'BRA' }, postalCode: { value: '22250-040' } } }),
    })
    const { id } = (await created.json()) as { id: string }
    emulator.mock.logIn(id, { email: 'shopper@mail.example' })
    const cookie = `${cookiePairs(created)}; VtexIdclientAutCookie_store=token`
    const mark = emulator.mock.requests.length
    const html = (await (await fetch(origin, { headers: { cookie } })).text()).replace(/<!-- -->/g, '')
    expect(html).toContain('Deliver to <strong>Botafogo, Rio de Janeiro</strong>')
    expect(html).toContain(price(RIO))
    expect(html).toContain('<div lang="pt-BR">')
    expect(pricingLines(mark).sort()).toEqual(['GET /api/checkout/pub/postal-code/BRA/22250-040', 'GET /api/sessions?items=*', searchLine(`&regionId=${RIO}&zip-code=22250-040&country=BRA`)].sort())
    emulator.mock.logOut(id)
  })

  it('hydrates a shared page with one session request and one segment read, re-prices in place, names the place, and keeps the session across page loads', async () => {
    const { page, errors, browserRequests } = await openPage()
    await page.context().clearCookies()
    await page.setViewportSize({ width: 1280, height: 820 })
    await page.goto(origin)
    await page.getByTestId('grid').waitFor()
    expect(await gridPrices(page)).toContain(price())
    // Once the page is quiet (the cart has loaded): the shopper's session created, its segment read,
    // and no search: the segment is the one the page was priced for.
    await page.waitForLoadState('networkidle')
    expect(browserRequests, 'pricing requests on load').toEqual(['GET /api/sessions?items=*', 'GET /api/segments'])
    browserRequests.length = 0
    const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join('; ')
    const sessionId = await sessionIdOf(cookie)
    await page.evaluate(() => Reflect.set(window, '__noReloadMarker', 'still here'))
    await page.screenshot({ path: join(SCREENSHOTS, 'next-1-first-load.png') })

    await page.getByRole('textbox', { name: 'Postal code' }).fill('22250-040')
    await page.getByRole('textbox', { name: 'Postal code' }).press('Enter')
    await expect.poll(() => gridPrices(page), { timeout: 10_000 }).toContain(price(RIO))
    await page.getByTestId('place').getByText('Botafogo, Rio de Janeiro').waitFor()
    expect(await page.evaluate(() => Reflect.get(window, '__noReloadMarker'))).toBe('still here')
    // The write, then (side by side, once it is accepted) its read-back, the regional search and the place's name.
    expect(browserRequests[0], 'requests for a postal-code change').toBe('PATCH /api/sessions')
    expect(browserRequests.slice(1).sort()).toEqual(['GET /api/checkout/pub/postal-code/BRA/22250-040', 'GET /api/sessions?items=*', searchLine(`&regionId=${RIO}&zip-code=22250-040&country=BRA`)].sort())
    await page.getByText('Updating prices…').waitFor({ state: 'detached' })
    await page.screenshot({ path: join(DOC_IMAGES, 'next-storefront.png'), animations: 'disabled' })

    browserRequests.length = 0
    await page.reload()
    // The shared page of the shopper's segment is priced for Rio; their place is named after hydration.
    expect(await gridPrices(page)).toContain(price(RIO))
    await page.getByTestId('place').getByText('Botafogo, Rio de Janeiro').waitFor()
    await page.waitForLoadState('networkidle')
    expect(await sessionIdOf(cookie)).toBe(sessionId)
    expect(browserRequests.sort(), 'requests on the second load').toEqual(
      ['GET /api/sessions?items=*', 'GET /api/segments', 'GET /api/checkout/pub/postal-code/BRA/22250-040', searchLine(`&regionId=${RIO}&zip-code=22250-040&country=BRA`)].sort(),
    )
    expect(errors, 'console errors (hydration warnings included)').toEqual([])
    await page.close()
  })

  it('re-prices in place, frame by frame: the old prices stay on screen (dimmed) until the new ones replace them', async () => {
    const { page, errors } = await openPage()
    await page.context().clearCookies()
    await page.setViewportSize({ width: 1280, height: 820 })
    await page.goto(origin)
    await page.getByTestId('grid').waitFor()
    await page.getByTestId('product-sku-2').getByRole('button', { name: 'Add to cart' }).click()
    await page.getByTestId('cart-sku-2').waitFor()
    await page.waitForLoadState('networkidle')
    await page.screenshot({ path: join(DOC_IMAGES, 'reprice-1-before.png'), animations: 'disabled' })

    // The new prices are held until the frame in between is taken (no timing guess).
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    await page.route('**/api/intelligent-search/**', async (route) => {
      await held
      await route.continue()
    })
    await page.getByRole('textbox', { name: 'Postal code' }).fill('22250-040')
    await page.getByRole('textbox', { name: 'Postal code' }).press('Enter')
    await page.locator('[data-testid=grid][aria-busy=true]').waitFor()
    expect(await gridPrices(page), 'the national prices stay while the regional ones load').toContain(price())
    await page.screenshot({ path: join(DOC_IMAGES, 'reprice-2-updating.png'), animations: 'disabled' })

    release()
    await expect.poll(() => gridPrices(page), { timeout: 10_000 }).toContain(price(RIO))
    await page.locator('[data-testid=grid][aria-busy=false]').waitFor()
    await page.getByTestId('place').getByText('Botafogo, Rio de Janeiro').waitFor()
    await page.getByText('Updating prices…').waitFor({ state: 'detached' })
    await page.screenshot({ path: join(DOC_IMAGES, 'reprice-3-after.png'), animations: 'disabled' })
    await page.unrouteAll()
    expect(errors, 'console errors').toEqual([])
    await page.close()
  })

  it('two tabs: a postal code chosen in one re-prices the other in place, with no session request there', async () => {
    // One browser context: the tabs share the cookies, as two tabs of one shopper do.
    const [first, second] = [await browser.newPage(), await browser.newPage()]
    const errors = [collectErrors(first), collectErrors(second)]
    const secondRequests: string[] = []
    second.on('request', (request) => {
      const url = new URL(request.url())
      if (/^\/api\/(sessions|segments|intelligent-search)/.test(url.pathname)) secondRequests.push(`${request.method()} ${url.pathname}`)
    })
    await first.goto(origin)
    await second.goto(origin)
    await second.getByTestId('grid').waitFor()
    await Promise.all([first.waitForLoadState('networkidle'), second.waitForLoadState('networkidle')])
    secondRequests.length = 0
    await second.evaluate(() => Reflect.set(window, '__noReloadMarker', 'still here'))

    await first.getByRole('textbox', { name: 'Postal code' }).fill('01310-100')
    await first.getByRole('textbox', { name: 'Postal code' }).press('Enter')
    await second.getByTestId('place').getByText('Bela Vista, São Paulo').waitFor()
    await expect.poll(() => gridPrices(second), { timeout: 10_000 }).toContain(price(SAO_PAULO))
    expect(await second.evaluate(() => Reflect.get(window, '__noReloadMarker'))).toBe('still here')
    // The session and segment came through BroadcastChannel: the second tab only re-read its prices.
    expect(secondRequests).toEqual(['GET /api/intelligent-search/v1/product-search'])
    await second.getByText('Updating prices…').waitFor({ state: 'detached' })
    await second.screenshot({ path: join(SCREENSHOTS, 'next-3-second-tab.png') })
    expect(errors.flat(), 'console errors').toEqual([])
    await Promise.all([first.close(), second.close()])
  })

  it('warms the prices while the shopper types a postal code: after Apply, no prices request when the prediction held', async () => {
    const { page, errors, browserRequests } = await openPage()
    await page.context().clearCookies()
    await page.goto(origin)
    await page.getByTestId('grid').waitFor()
    await page.waitForLoadState('networkidle')
    browserRequests.length = 0
    await page.getByRole('textbox', { name: 'Postal code' }).fill('01310-100')
    const warmed = [`GET /api/checkout/pub/regions?country=BRA&postalCode=01310-100`, searchLine(`&regionId=${SAO_PAULO}&zip-code=01310-100&country=BRA`)]
    await expect.poll(() => browserRequests).toEqual(warmed)
    await page.getByRole('textbox', { name: 'Postal code' }).press('Enter')
    await expect.poll(() => gridPrices(page), { timeout: 10_000 }).toContain(price(SAO_PAULO))
    await page.getByTestId('place').getByText('Bela Vista, São Paulo').waitFor()
    await page.waitForLoadState('networkidle')
    expect(browserRequests.slice(0, 3)).toEqual([...warmed, 'PATCH /api/sessions'])
    expect(browserRequests.slice(3).sort(), 'no prices request after Apply').toEqual(['GET /api/checkout/pub/postal-code/BRA/01310-100', 'GET /api/sessions?items=*'])
    expect(errors, 'console errors').toEqual([])
    await page.close()
  })

  it('lands from a UTM link: the shared page first, then one PATCH ?items=* sends the values and prices follow', async () => {
    const { page, errors, browserRequests } = await openPage()
    // A new visitor (no cookies): the shared default page, then the session is created with the campaign.
    await page.context().clearCookies()
    await page.goto(`${origin}/?utm_campaign=black-friday&utm_source=newsletter`)
    const expected = [
      'PATCH /api/sessions?items=*',
      'GET /api/segments',
      searchLine('&campaigns=black-friday%2Cnewsletter-readers&utmSource=newsletter&utmCampaign=black-friday&country=BRA'),
    ]
    await expect.poll(() => browserRequests).toEqual(expected)
    await page.getByTestId('grid').waitFor()
    await page.waitForLoadState('networkidle')
    expect(browserRequests, 'nothing more after the prices').toEqual(expected)
    // Campaign prices: 10% off the national ones.
    expect(await gridPrices(page)).toContain(new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' }).format(demoPriceOf(249, { campaigns: 'black-friday' })))
    await page.screenshot({ path: join(SCREENSHOTS, 'next-4-utm-landing.png') })
    expect(errors, 'console errors').toEqual([])
    await page.close()
  })
})
