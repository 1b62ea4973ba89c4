import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { collectErrors, DOC_IMAGES, launchChromium } from './chromium'
import { freePort, stopProcess } from './processes'

// The README's Quick start as a running Vite app (`npm run example:vite`, which starts its own
// emulator), driven in chromium as a reader would try it.

const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'

let app: ChildProcess
let origin = ''
let output = ''
let browser: BrowserContext
let page: Page
let errors: string[] = []
/** The page's requests to the store's APIs, in order, as `METHOD /path?query`. */
let apiRequests: string[] = []

beforeAll(async () => {
  const port = await freePort()
  origin = `http://127.0.0.1:${port}`
  // What `npm run example:vite` runs after the build (part of npm test).
  app = spawn(process.execPath, [join('examples', 'vite', 'start.mjs')], { env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] })
  app.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const deadline = Date.now() + 60_000
  while (!output.includes(origin)) {
    if (Date.now() > deadline) throw new Error(`the Vite example did not start: ${output}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  browser = await launchChromium()
}, 90_000)

afterEach(async () => {
  expect(errors, 'console errors').toEqual([])
  await page?.close()
})

afterAll(async () => {
  await browser?.close()
  await stopProcess(app)
})

/** A first visit: no cookie from an earlier test. */
async function open(path = '/') {
  await browser.clearCookies()
  page = await browser.newPage()
  errors = collectErrors(page)
  apiRequests = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.pathname.startsWith('/api/')) apiRequests.push(`${request.method()} ${url.pathname}${url.search}`)
  })
  await page.goto(`${origin}${path}`)
}

const listing = () => page.getByRole('list').innerText()

describe('the Vite example: the README Quick start, running', () => {
  it('says where it is: its own emulator on 127.0.0.1, no env needed', () => {
    expect(output).toMatch(/The Quick start app: http:\/\/127\.0\.0\.1:\d+ \(emulator on http:\/\/127\.0\.0\.1:\d+\); the storefront: http:\/\/127\.0\.0\.1:\d+\/storefront\.html/)
  })

  it('loads the session once, lists the catalog, and re-prices in place on Apply, as the README says', async () => {
    await open()
    await page.setViewportSize({ width: 1280, height: 820 })
    await page.getByText('Region: none').waitFor()
    await page.getByText(/Espresso beans 1 kg: \d/).waitFor()
    expect(apiRequests).toEqual([
      'GET /api/sessions?items=*',
      'GET /api/segments',
      'GET /api/intelligent-search/v1/product-search?count=12&locale=pt-BR&sc=1&country=BRA',
    ])
    await page.evaluate(() => Reflect.set(window, '__noReloadMarker', 'still here'))
    const national = await listing()
    await page.screenshot({ path: join(DOC_IMAGES, 'vite-quick-start.png'), animations: 'disabled' })

    apiRequests = []
    await page.getByRole('textbox').fill('22250-040')
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.getByText(`Region: ${RIO}`).waitFor()
    await expect.poll(listing).not.toBe(national)
    // One PATCH, then the session, then one search whose URL carries the region.
    expect(apiRequests[0]).toBe('PATCH /api/sessions')
    expect(apiRequests.slice(1).filter((line) => line.startsWith('GET /api/sessions'))).toHaveLength(1)
    const searches = apiRequests.filter((line) => line.includes('/intelligent-search/'))
    expect(searches).toHaveLength(1)
    expect(new URLSearchParams(searches[0]?.split('?')[1]).get('regionId')).toBe(RIO)
    expect(await page.evaluate(() => Reflect.get(window, '__noReloadMarker'))).toBe('still here')
  })

  it('refuses a postal code that does not fit its country before any request', async () => {
    await open()
    await page.getByText('Region: none').waitFor()
    await page.getByText(/Espresso beans 1 kg: \d/).waitFor()
    apiRequests = []
    await page.getByRole('textbox').fill('123')
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.getByRole('alert').getByText('"123" is not a valid postal code for BRA').waitFor()
    expect(apiRequests).toEqual([])
  })

  it('serves the shared styled storefront too: priced for the session, re-priced in place', async () => {
    await open('/storefront.html')
    await page.setViewportSize({ width: 1280, height: 820 })
    await page.getByTestId('grid').waitFor()
    const gridPrices = () => page.getByTestId('grid').locator('[data-testid=grid-price]').allInnerTexts()
    const before = await gridPrices()
    await page.evaluate(() => Reflect.set(window, '__noReloadMarker', 'still here'))
    await page.getByRole('textbox', { name: 'Postal code' }).fill('22250-040')
    await page.getByRole('textbox', { name: 'Postal code' }).press('Enter')
    await expect.poll(gridPrices, { timeout: 10_000 }).not.toEqual(before)
    await page.getByTestId('place').getByText('Botafogo, Rio de Janeiro').waitFor()
    const searches = apiRequests.filter((line) => line.includes('/intelligent-search/'))
    expect(new URLSearchParams(searches.at(-1)?.split('?')[1]).get('regionId')).toBe(RIO)
    expect(await page.evaluate(() => Reflect.get(window, '__noReloadMarker'))).toBe('still here')
    await page.getByText('Updating prices…').waitFor({ state: 'detached' })
    await page.screenshot({ path: join(DOC_IMAGES, 'vite-storefront.png'), animations: 'disabled' })
  })
})
