import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { googleRegionIdOf } from '../../src/core/googleRegionId'
import { demoPriceOf } from '../../src/testing/index'
import { startSessionManagerServer, type SessionManagerServer } from '../../src/testing/node'
import { collectErrors, DOC_IMAGES, launchChromium } from './chromium'
import { freePort, stopProcess } from './processes'

// examples/react-router: React Router v7 framework mode, built by `npm run build-example:react-router`
// (part of npm test) and served by react-router-serve through start.mjs, on an emulator this test
// starts (so it can count the Session Manager requests each page costs).

const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'
const price = (regionId?: string) => new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' }).format(demoPriceOf(249, regionId ? { regionId } : {}))

let emulator: SessionManagerServer
let app: ChildProcess
let origin = ''
let browser: BrowserContext

beforeAll(async () => {
  emulator = await startSessionManagerServer()
  const port = await freePort()
  origin = `http://127.0.0.1:${port}`
  app = spawn(process.execPath, [join('examples', 'react-router', 'start.mjs')], {
    env: { ...process.env, SESSION_MANAGER_URL: emulator.url, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const deadline = Date.now() + 60_000
  for (;;) {
    try {
      await fetch(`${origin}/api/segments`)
      break
    } catch {
      if (Date.now() > deadline) throw new Error('the React Router example did not start')
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }
  browser = await launchChromium()
}, 90_000)

afterAll(async () => {
  await browser?.close()
  await stopProcess(app)
  await emulator?.close()
})

/** The page as a shopper's first request gets it, and the Session Manager requests it cost. */
async function firstHtml(path: string, cookie?: string) {
  const mark = emulator.mock.requests.length
  const response = await fetch(`${origin}${path}`, { headers: cookie ? { cookie } : {} })
  const html = await response.text()
  const sessionManager = emulator.mock.requests.slice(mark).filter(({ path: requested }) => /^\/api\/(sessions|segments)/.test(requested))
  return { response, html, sessionManager: sessionManager.map(({ method, path: requested }) => `${method} ${requested}`) }
}
const cookieOf = (response: Response) => response.headers.getSetCookie().map((header) => header.split(';')[0]).join('; ')

describe('the React Router v7 example', () => {
  it('a first visit: the shared default page, no session created, nothing set, kept by a CDN', async () => {
    const { response, html, sessionManager } = await firstHtml('/')
    expect(response.status).toBe(200)
    expect(sessionManager).toEqual(['GET /api/segments'])
    expect(html).toContain(price())
    expect(response.headers.getSetCookie()).toEqual([])
    expect(response.headers.get('cache-control')).toBe('public, s-maxage=60, stale-while-revalidate=300')
    expect(response.headers.get('x-page-cache-key')).toBe('default')
    expect(response.headers.get('vary')).toMatch(/^Cookie/)
  })

  it('a returning anonymous shopper: no Session Manager request, nothing set, their segment’s shared page with nothing of their session', async () => {
    const created = await fetch(`${origin}/api/sessions?items=*`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"public":{}}' })
    const { id } = (await created.json()) as { id: string }
    const { response, html, sessionManager } = await firstHtml('/', cookieOf(created))
    expect(sessionManager).toEqual([])
    expect(response.headers.getSetCookie()).toEqual([])
    expect(response.headers.get('cache-control')).toBe('public, s-maxage=60, stale-while-revalidate=300')
    expect(html).toContain(price())
    expect(html).not.toContain(id)
  })

  it('a Google ad landing: the first HTML is priced for the ad’s region, no session written', async () => {
    const { response, html, sessionManager } = await firstHtml(`/?region_id=${encodeURIComponent(googleRegionIdOf({ country: 'BRA', postalCode: '22250-040' }))}`)
    expect(sessionManager).toEqual(['GET /api/segments'])
    expect(html).toContain(price(RIO))
    expect(html).not.toContain(price())
    expect(response.headers.getSetCookie()).toEqual([])
  })

  it('a signed-in shopper: a personal page, never shared', async () => {
    const created = await fetch(`${origin}/api/sessions?items=*`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"public":{}}' })
    const { id } = (await created.json()) as { id: string }
    emulator.mock.logIn(id, { email: 'buyer@b2b.example', priceTables: ['b2b-gold'] })
    const { response, html, sessionManager } = await firstHtml('/', `${cookieOf(created)}; VtexIdclientAutCookie_store=token`)
    expect(sessionManager[0]).toBe('GET /api/sessions?items=*')
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(response.headers.get('x-page-cache-key')).toBeNull()
    expect(html).toContain(id)
    emulator.mock.logOut(id)
  })

  it('in chromium: hydrates with one session request and one segment read, and a region change re-prices the grid in place', async () => {
    await browser.clearCookies()
    const page: Page = await browser.newPage()
    const errors = collectErrors(page)
    const sessionRequests: string[] = []
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (/^\/api\/(sessions|segments)/.test(url.pathname)) sessionRequests.push(`${request.method()} ${url.pathname}${url.search}`)
    })
    await page.setViewportSize({ width: 1280, height: 820 })
    await page.goto(origin)
    await page.getByTestId('grid').waitFor()
    const gridPrices = () => page.getByTestId('grid').locator('[data-testid=grid-price]').allInnerTexts()
    const before = await gridPrices()
    expect(before).toContain(price())
    await page.evaluate(() => Reflect.set(window, '__noReloadMarker', 'still here'))
    // Once the page is quiet (the cart has loaded): the shopper's session created and its segment read, once each.
    await page.waitForLoadState('networkidle')
    expect(sessionRequests).toEqual(['GET /api/sessions?items=*', 'GET /api/segments'])
    sessionRequests.length = 0

    await page.getByRole('textbox', { name: 'Postal code' }).fill('22250-040')
    await page.getByRole('textbox', { name: 'Postal code' }).press('Enter')
    await expect.poll(gridPrices, { timeout: 10_000 }).toContain(price(RIO))
    await page.getByTestId('place').getByText('Botafogo, Rio de Janeiro').waitFor()
    expect(sessionRequests[0]).toBe('PATCH /api/sessions')
    expect(await page.evaluate(() => Reflect.get(window, '__noReloadMarker'))).toBe('still here')
    await page.getByText('Updating prices…').waitFor({ state: 'detached' })
    await page.screenshot({ path: join(DOC_IMAGES, 'react-router-storefront.png'), animations: 'disabled' })

    // A returning shopper with a place: the shared page of their segment is priced for it; the place is named after hydration.
    const pricing: string[] = []
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (/^\/api\/(sessions|segments|intelligent-search|checkout\/pub\/postal-code)/.test(url.pathname)) pricing.push(`${request.method()} ${url.pathname}`)
    })
    await page.reload()
    expect(await gridPrices()).toContain(price(RIO))
    await page.getByTestId('place').getByText('Botafogo, Rio de Janeiro').waitFor()
    await page.waitForLoadState('networkidle')
    expect(pricing.sort(), 'pricing or place requests after a reload').toEqual(
      ['GET /api/sessions', 'GET /api/segments', 'GET /api/checkout/pub/postal-code/BRA/22250-040', 'GET /api/intelligent-search/v1/product-search'].sort(),
    )
    expect(errors).toEqual([])
    await page.close()
  })
})
