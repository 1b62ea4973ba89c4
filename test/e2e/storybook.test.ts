import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Server } from 'node:http'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { collectErrors, DOC_IMAGES, launchChromium, SCREENSHOTS } from './chromium'
import { serveStatic } from './staticServer'

const RIO = 'v2.1BB18CE648B5111D0933734ED83EC783'

let origin = ''
let server: Server
let browser: BrowserContext
let page: Page
let errors: string[] = []

/** The page's Session Manager requests, as `METHOD /path?query`. */
let sessionRequests: string[] = []
/** Its requests to the store's APIs (sessions, segments, search, checkout), in order. */
let apiRequests: string[] = []

/** Opens one story alone (Storybook's iframe), with extra query parameters if given. */
async function openStory(id: string, query = '') {
  page = await browser.newPage()
  errors = collectErrors(page)
  sessionRequests = []
  apiRequests = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    const line = `${request.method()} ${url.pathname}${url.search}`
    if (url.pathname.startsWith('/api/session')) sessionRequests.push(line)
    if (url.pathname.startsWith('/api/')) apiRequests.push(line)
  })
  // Marks the page if a region question ever shows, however briefly.
  await page.addInitScript(() => {
    new MutationObserver(() => {
      if (document.querySelector('[role=dialog]')) Reflect.set(window, '__askedForRegion', true)
    }).observe(document, { childList: true, subtree: true })
  })
  await page.goto(`${origin}/iframe.html?id=${id}&viewMode=story${query}`)
}

/** The Session Manager requests, segments included. */
const managerRequests = () => apiRequests.filter((line) => /^\w+ \/api\/(sessions|segments)/.test(line))
const pricesText = () => page.getByTestId('prices').innerText()

beforeAll(async () => {
  ;({ origin, server } = await serveStatic(join(process.cwd(), 'storybook-static')))
  browser = await launchChromium()
})

afterEach(async () => {
  expect(errors, 'console errors').toEqual([])
  await page?.close()
})

afterAll(async () => {
  await browser?.close()
  server?.close()
})

describe('the Storybook demos in chromium', () => {
  it('re-prices in place when a BRA postal code is entered, without reloading the page', async () => {
    await openStory('storefront-postal-code-selector--with-prices')
    await page.getByTestId('prices').waitFor()
    await page.getByText('Prices up to date').waitFor()
    await page.evaluate(() => Reflect.set(window, '__noReloadMarker', 'still here'))
    const before = await pricesText()
    await page.screenshot({ path: join(SCREENSHOTS, '1-prices-before.png') })

    await page.getByRole('textbox', { name: 'Postal code' }).fill('22250-040')
    await page.getByRole('textbox', { name: 'Postal code' }).press('Enter')
    await page.getByText('Botafogo, Rio de Janeiro (22250-040)').waitFor()
    expect(await page.getByTestId('region').getAttribute('data-region-id')).toBe(RIO)
    await page.getByText('Prices up to date').waitFor()
    await expect.poll(pricesText).not.toBe(before)
    await page.screenshot({ path: join(SCREENSHOTS, '2-prices-after-rio.png') })

    expect(await page.evaluate(() => Reflect.get(window, '__noReloadMarker'))).toBe('still here')
  })

  it('warms the prices of a typed postal code before Apply, and makes no prices request after it when the prediction held', async () => {
    await openStory('storefront-postal-code-selector--with-prices')
    const pricesRequests: string[] = []
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (url.pathname.startsWith('/api/intelligent-search/') || url.pathname === '/api/checkout/pub/regions') pricesRequests.push(`${url.pathname}${url.search}`)
    })
    await page.getByText('Prices up to date').waitFor()
    pricesRequests.length = 0
    const before = await pricesText()
    await page.getByRole('textbox', { name: 'Postal code' }).fill('22250-040')
    const warmed = [
      '/api/checkout/pub/regions?country=BRA&postalCode=22250-040',
      `/api/intelligent-search/v1/product-search?count=12&locale=pt-BR&sc=1&regionId=${RIO}&zip-code=22250-040&country=BRA`,
    ]
    await expect.poll(() => pricesRequests, { timeout: 10_000 }).toEqual(warmed)
    expect(sessionRequests.filter((line) => !line.startsWith('GET')), 'no session write before Apply').toEqual([])
    await page.getByRole('textbox', { name: 'Postal code' }).press('Enter')
    await page.getByText('Botafogo, Rio de Janeiro (22250-040)').waitFor()
    expect(await page.getByTestId('region').getAttribute('data-region-id')).toBe(RIO)
    await expect.poll(pricesText).not.toBe(before)
    await page.waitForTimeout(600)
    expect(pricesRequests, 'no prices request after Apply').toEqual(warmed)
  })

  it('checks the postal code as the shopper types and says when there is no region', async () => {
    await openStory('storefront-postal-code-selector--default')
    await page.getByTestId('region').waitFor()
    await page.getByRole('textbox', { name: 'Postal code' }).fill('100')
    await page.getByText('"100" is not a valid postal code for BRA').waitFor()
    expect(await page.getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true)
    await page.screenshot({ path: join(SCREENSHOTS, '3-postal-code-invalid.png') })

    await page.getByRole('textbox', { name: 'Postal code' }).fill('99999-999')
    await page.getByRole('textbox', { name: 'Postal code' }).press('Enter')
    await page.getByText('We do not deliver to 99999-999 yet: no region.').waitFor()
  })

  it('says when the server fails to change the region, and keeps none rather than a wrong one', async () => {
    await openStory('storefront-postal-code-selector--server-failure')
    await page.getByText('No region chosen yet.').waitFor()
    await page.getByRole('textbox', { name: 'Postal code' }).fill('22250-040')
    await page.getByRole('textbox', { name: 'Postal code' }).press('Enter')
    await page.getByRole('alert').getByText('Could not change the region (http)').waitFor()
    await page.getByText('No region chosen yet.').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, '4a-postal-code-server-failure.png') })
    errors = errors.filter((error) => error !== 'HTTP 503 /api/sessions')
  })

  it('shows a server failure as a typed error and keeps the last good value', async () => {
    await openStory('tools-faults--default')
    await page.getByText('utm_campaign: —').waitFor()
    await page.getByRole('button', { name: 'Write a new utm_campaign' }).click()
    await page.getByText('Write failed — kind http (HTTP 500)').waitFor()
    expect(await page.getByTestId('campaign').innerText()).toBe('utm_campaign: —')
    await page.screenshot({ path: join(SCREENSHOTS, '4-faults-http-500.png') })
    // The failing requests are the point of this story.
    errors = errors.filter((error) => error !== 'HTTP 500 /api/sessions')
  })

  it('inspects every namespace and the segment, and edits a public field live', async () => {
    await openStory('tools-session-inspector--default')
    await page.getByText('store.channel', { exact: true }).waitFor()
    await page.getByLabel('Field name').fill('utm_campaign')
    await page.getByLabel('Field value').fill('inspector')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByText('public.utm_campaign', { exact: true }).waitFor()
    await expect.poll(() => page.getByTestId('segment').innerText()).toContain('"utm_campaign": "inspector"')
    await page.getByRole('button', { name: 'Save' }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, '5-session-inspector.png') })
  })

  it('carries utm_campaign and utm_source from the page URL with the first load: one PATCH ?items=*, no GET', async () => {
    await openStory('storefront-utm-campaign--from-page-url', '&utm_campaign=black-friday&utm_source=newsletter')
    await page.getByText('public.utm_campaign = black-friday, public.utm_source = newsletter').waitFor()
    await page.getByText('segment.utm_campaign = black-friday, segment.utm_source = newsletter').waitFor()
    expect(sessionRequests.filter((line) => line.startsWith('PATCH') || line.startsWith('GET /api/sessions'))).toEqual([
      'PATCH /api/sessions?items=*',
    ])
    await page.screenshot({ path: join(SCREENSHOTS, '6-utm-campaign.png') })
  })

  it('two tabs: a region chosen in one reaches the other, which re-prices in place', async () => {
    await openStory('storefront-two-tabs--default')
    const [first, second] = [page.getByRole('region', { name: 'Tab 1' }), page.getByRole('region', { name: 'Tab 2' })]
    await second.getByText('Prices up to date').waitFor()
    const before = await second.getByTestId('prices').innerText()
    await first.getByRole('textbox', { name: 'Postal code' }).fill('22250-040')
    await first.getByRole('textbox', { name: 'Postal code' }).press('Enter')
    await second.getByText('Botafogo, Rio de Janeiro (22250-040)').waitFor()
    expect(await second.getByTestId('tab-region').getAttribute('data-region-id')).toBe(RIO)
    await expect.poll(() => second.getByTestId('prices').innerText()).not.toBe(before)
    await second.getByText('Prices up to date').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, '11-two-tabs.png') })
  })

  it('switches the sales channel in place: USD prices for channel 2, a 401 message for the private channel 3', async () => {
    await openStory('storefront-commercial-conditions--sales-channel-switcher-story')
    await page.getByText('Channel 1 · BRL · BRA').waitFor()
    await page.getByText('Prices up to date').waitFor()
    await page.getByRole('button', { name: 'United States (USD)' }).click()
    await page.getByText('Channel 2 · USD · USA').waitFor()
    await expect.poll(pricesText).toContain('$')
    await expect.poll(pricesText).not.toContain('R$')
    await page.getByRole('button', { name: 'B2B (private)' }).click()
    await page.getByText('Log in to use this sales channel.').waitFor()
    expect(await page.getByTestId('sales-channel').innerText()).toContain('Channel 2')
    await page.screenshot({ path: join(SCREENSHOTS, '7-sales-channel.png') })
    errors = errors.filter((error) => error !== 'HTTP 401 /api/sessions')
  })

  it('switches the locale and keeps the currency', async () => {
    await openStory('storefront-commercial-conditions--locale-switcher-story')
    await page.getByText('pt-BR · BRL').waitFor()
    await page.getByRole('button', { name: 'en-US' }).click()
    await page.getByText('en-US · BRL · e.g. R$1,234.50').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, '8-locale.png') })
  })

  it('logs a B2B buyer in and out without a reload: refreshSession() re-reads, price tables and prices follow', async () => {
    await openStory('storefront-commercial-conditions--log-in-log-out')
    await page.getByText('Anonymous · price tables: none').waitFor()
    await page.getByText('Prices up to date').waitFor()
    await page.evaluate(() => Reflect.set(window, '__noReloadMarker', 'still here'))
    const anonymous = await pricesText()
    sessionRequests = []
    await page.getByRole('button', { name: 'Log in as buyer@b2b.example' }).click()
    await page.getByText('Logged in as buyer@b2b.example · price tables: b2b-gold').waitFor()
    await expect.poll(pricesText).not.toBe(anonymous)
    // One re-read of the session through the runtime, and no write (the segment re-read shows in the prices).
    expect(sessionRequests).toEqual(['GET /api/sessions?items=*'])
    await page.getByRole('button', { name: 'B2B (private)' }).click()
    await page.getByText('Channel 3 · BRL · BRA').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, '9-b2b-buyer.png') })
    // Logging out of the private channel returns to the public one, as the Session Manager does.
    await page.getByRole('button', { name: 'Log out' }).click()
    await page.getByText('Anonymous · price tables: none').waitFor()
    await page.getByText('Channel 1 · BRL · BRA').waitFor()
    await expect.poll(pricesText).toBe(anonymous)
    expect(await page.evaluate(() => Reflect.get(window, '__noReloadMarker'))).toBe('still here')
  })

  it('shows the campaign-audience banner for a black-friday UTM link, with campaign prices', async () => {
    await openStory('storefront-commercial-conditions--campaign-audience-banner')
    await page.getByText('Black Friday: 10% off every price below. Audiences: black-friday, newsletter-readers').waitFor()
    await page.getByText('Prices up to date').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, '10-campaign-banner.png') })
  })

  it('a styled storefront: a region change re-prices grid and minicart in place, and pickup at the locker makes the grinder unavailable', async () => {
    await openStory('storefront-cart-and-delivery-promise--default')
    await page.setViewportSize({ width: 1280, height: 820 })
    await page.getByTestId('grid').waitFor()
    await page.evaluate(() => Reflect.set(window, '__noReloadMarker', 'still here'))
    const total = () => page.getByTestId('minicart-total').innerText()
    const gridPrices = () => page.getByTestId('grid').locator('[data-testid=grid-price]').allInnerTexts()
    await page.getByTestId('product-sku-1').getByRole('button', { name: 'Add to cart' }).click()
    await page.getByTestId('cart-sku-1').waitFor()
    await page.getByTestId('product-sku-4').getByRole('button', { name: 'Add to cart' }).click()
    await page.getByTestId('cart-sku-4').waitFor()
    // Shown at once, priced when the Checkout answers.
    await page.getByText('Updating prices…').waitFor({ state: 'detached' })
    const totalBefore = await total()
    const pricesBefore = await gridPrices()

    await page.getByRole('textbox', { name: 'Postal code' }).fill('22250-040')
    await page.getByRole('textbox', { name: 'Postal code' }).press('Enter')
    await expect.poll(total, { timeout: 10_000 }).not.toBe(totalBefore)
    await expect.poll(gridPrices, { timeout: 10_000 }).not.toEqual(pricesBefore)
    const totalInRio = await total()

    await page.getByRole('button', { name: 'Pickup' }).click()
    await page.getByRole('combobox', { name: 'Pickup point' }).selectOption('rio-centro')
    await page.getByTestId('product-sku-4').getByText('Not at this pickup point').waitFor({ timeout: 10_000 })
    await page.getByTestId('cart-sku-4').getByText('unavailable here').waitFor({ timeout: 10_000 })
    await expect.poll(total, { timeout: 10_000 }).not.toBe(totalInRio)
    await page.getByText('Updating prices…').waitFor({ state: 'detached' })
    await page.screenshot({ path: join(DOC_IMAGES, 'storybook-storefront.png'), animations: 'disabled' })

    expect(await page.evaluate(() => Reflect.get(window, '__noReloadMarker'))).toBe('still here')
  })

  it('Required region, first visit: asks (pre-filled with the store default), prices nothing until answered, then prices in place', async () => {
    await openStory('storefront-required-region--first-visit')
    const dialog = page.getByRole('dialog', { name: 'Where should we deliver?' })
    await dialog.waitFor()
    expect(await dialog.getByRole('textbox', { name: 'Postal code' }).inputValue()).toBe('01310-100')
    await page.getByText('Tell us where to deliver to see prices and availability.').waitFor()
    await page.screenshot({ path: join(DOC_IMAGES, 'required-region-ask.png'), animations: 'disabled' })
    // Held while needed: the segment is read (it may come after the dialog), but no search and no
    // write — the default is only a suggestion. Checked once the page is quiet.
    await expect.poll(managerRequests).toEqual(['GET /api/sessions?items=*', 'GET /api/segments'])
    await page.waitForLoadState('networkidle')
    expect(apiRequests.filter((line) => line.includes('/intelligent-search/'))).toEqual([])
    expect(managerRequests()).toEqual(['GET /api/sessions?items=*', 'GET /api/segments'])

    // An invalid code shows its error only after the submit.
    await dialog.getByRole('textbox', { name: 'Postal code' }).fill('123')
    expect(await dialog.getByRole('alert').count()).toBe(0)
    await dialog.getByRole('button', { name: 'Show prices' }).click()
    await dialog.getByRole('alert').getByText('"123" is not a valid postal code for BRA').waitFor()
    expect(managerRequests()).toHaveLength(2)

    await dialog.getByRole('textbox', { name: 'Postal code' }).fill('22250-040')
    await dialog.getByRole('button', { name: 'Show prices' }).click()
    await dialog.waitFor({ state: 'detached' })
    await page.getByTestId('grid').waitFor()
    const searches = apiRequests.filter((line) => line.includes('/intelligent-search/'))
    expect(searches).toHaveLength(1)
    expect(new URLSearchParams(searches[0]?.split('?')[1]).get('regionId')).toBe(RIO)
    expect(managerRequests().slice(2)).toEqual(['PATCH /api/sessions', 'GET /api/sessions?items=*'])
  })

  it('Required region, from a Google ad: lands already priced for the ad’s region, never asks', async () => {
    await openStory('storefront-required-region--from-a-google-ad')
    await page.getByTestId('grid').waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, '13-required-region-google-ad.png') })
    expect(await page.evaluate(() => Reflect.get(window, '__askedForRegion'))).toBeUndefined()
    expect(managerRequests()).toEqual(['GET /api/sessions?items=*', 'PATCH /api/sessions?items=*', 'GET /api/segments'])
    const searches = apiRequests.filter((line) => line.includes('/intelligent-search/'))
    expect(searches).toHaveLength(1)
    expect(new URLSearchParams(searches[0]?.split('?')[1]).get('regionId')).toBe(RIO)
  })

  it('the storefront header: a postal code error only after submit and below the header, which never moves; pickup says so', async () => {
    await openStory('storefront-cart-and-delivery-promise--default')
    await page.setViewportSize({ width: 1280, height: 820 })
    await page.getByTestId('grid').waitFor()
    const header = page.locator('.sf-header')
    // Still one row: a second one would add some 40 px (the pickup select may add a fraction of one).
    const height = async () => Math.round((await header.boundingBox())?.height ?? 0)
    const before = await height()
    const input = page.getByRole('textbox', { name: 'Postal code' })
    await input.fill('123')
    expect(await page.locator('.sf-header [role=alert]').count(), 'no error while typing').toBe(0)
    await input.press('Enter')
    await page.locator('.sf-header [role=alert]').getByText('"123" is not a valid postal code for BRA').waitFor()
    expect(await height()).toBe(before)
    await page.screenshot({ path: join(SCREENSHOTS, '14-storefront-postal-code-error.png') })

    await input.fill('22250-040')
    await page.locator('.sf-header [role=alert]').waitFor({ state: 'detached' })
    await input.press('Enter')
    await page.getByTestId('place').getByText('Botafogo, Rio de Janeiro').waitFor()
    await page.getByRole('button', { name: 'Pickup' }).click()
    // The header names the chosen point (the nearest) and how far it is from the shopper's place.
    await expect.poll(() => page.getByTestId('place').innerText()).toMatch(/^Pick up at Botafogo store · [1-9]\d0 m$/)
    expect(await page.getByRole('combobox', { name: 'Pickup point' }).locator('option').allInnerTexts()).toEqual([
      expect.stringMatching(/^Botafogo store · [1-9]\d0 m$/),
      expect.stringMatching(/^Centro locker · [1-9]\.\d km$/),
    ])
    expect(Math.abs((await height()) - before)).toBeLessThanOrEqual(1)
    await page.getByText('Updating prices…').waitFor({ state: 'detached' })
    await page.screenshot({ path: join(DOC_IMAGES, 'storefront-pickup-point.png'), animations: 'disabled' })
  })

  it('the storefront sells to a second country in its own currency: one PATCH moves channel, country and place; a ZIP code prices New York in US$', async () => {
    await openStory('storefront-cart-and-delivery-promise--default')
    await page.setViewportSize({ width: 1280, height: 820 })
    const patches: unknown[] = []
    page.on('request', (request) => {
      if (request.method() === 'PATCH' && new URL(request.url()).pathname === '/api/sessions') patches.push(request.postDataJSON())
    })
    const gridPrices = () => page.getByTestId('grid').locator('[data-testid=grid-price]').allInnerTexts()
    await page.getByTestId('grid').waitFor()
    await page.getByRole('textbox', { name: 'Postal code' }).fill('22250-040')
    await page.getByRole('textbox', { name: 'Postal code' }).press('Enter')
    await page.getByTestId('place').getByText('Botafogo, Rio de Janeiro').waitFor()
    expect(await gridPrices()).toEqual(expect.arrayContaining([expect.stringMatching(/^R\$\s/)]))
    patches.length = 0

    await page.getByRole('combobox', { name: 'Country' }).selectOption({ label: 'United States' })
    await expect.poll(gridPrices, { timeout: 10_000 }).toEqual(Array.from({ length: 4 }, () => expect.stringMatching(/^\$\d/)))
    expect(patches).toEqual([{ public: { sc: { value: '2' }, country: { value: 'USA' }, postalCode: { value: '' }, facets: { value: '' } } }])
    // The Brazilian place is gone with the Brazilian store: nothing is priced for a place it does not sell to.
    expect(await page.getByTestId('place').innerText()).toBe('Enter a postal code to see the prices and stock where you are')
    expect(await page.getByRole('textbox', { name: 'Postal code' }).getAttribute('placeholder')).toBe('ZIP code, e.g. 10001')

    // A CEP is not a ZIP code: refused before any request, after the submit.
    await page.getByRole('textbox', { name: 'Postal code' }).fill('22250-040')
    await page.getByRole('textbox', { name: 'Postal code' }).press('Enter')
    await page.locator('.sf-header [role=alert]').getByText('"22250-040" is not a valid postal code for USA').waitFor()
    expect(patches).toHaveLength(1)

    const national = await gridPrices()
    await page.getByRole('textbox', { name: 'Postal code' }).fill('10001')
    await page.getByRole('textbox', { name: 'Postal code' }).press('Enter')
    await page.getByTestId('place').getByText('New York').waitFor()
    await expect.poll(gridPrices, { timeout: 10_000 }).not.toEqual(national)
    expect(await gridPrices()).toEqual(Array.from({ length: 4 }, () => expect.stringMatching(/^\$\d/)))
    expect(patches.at(-1)).toEqual({ public: { country: { value: 'USA' }, postalCode: { value: '10001' } } })
    await page.getByText('Updating prices…').waitFor({ state: 'detached' })
    await page.screenshot({ path: join(DOC_IMAGES, 'storefront-united-states.png'), animations: 'disabled' })
  })

  // (Storybook's own "Get started" checklist, switched off in .storybook/main.ts, shows only on the
  // dev server, never in this static build: nothing here could see it.)
  it('opens on the storefront story', async () => {
    page = await browser.newPage()
    errors = collectErrors(page)
    await page.goto(origin)
    await expect.poll(() => new URL(page.url()).searchParams.get('path'), { timeout: 20_000 }).toBe('/story/storefront-cart-and-delivery-promise--default')
    await page.frameLocator('#storybook-preview-iframe').getByTestId('grid').waitFor({ timeout: 20_000 })
    await page.setViewportSize({ width: 1280, height: 820 })
    await page.screenshot({ path: join(SCREENSHOTS, '00-storybook-home.png') })
  })
})

// Every story of the build, as a merchant would click through them: it renders its content with no
// console error, and its screenshot is saved for the docs.
const storyIds = (): string[] => {
  const index = JSON.parse(readFileSync(join(process.cwd(), 'storybook-static', 'index.json'), 'utf8')) as { entries: Record<string, { id: string; type: string }> }
  return Object.values(index.entries)
    .filter(({ type }) => type === 'story')
    .map(({ id }) => id)
}

describe('every story', () => {
  it.each(storyIds())('%s renders its content with no console error', async (id) => {
    await openStory(id)
    await page.setViewportSize({ width: 1280, height: 820 })
    const root = page.locator('#storybook-root')
    await expect.poll(async () => (await root.innerText()).trim().length, { timeout: 15_000 }).toBeGreaterThan(20)
    // Let the first answers land (the emulator answers in 250 ms), then look again.
    await page.waitForLoadState('networkidle')
    // Even the fault stories arrive without an error: their faults come with the shopper's action.
    expect(await page.locator('#storybook-root [role=alert]').count(), 'an error shown on arrival').toBe(0)
    await page.screenshot({ path: join(DOC_IMAGES, 'stories', `${id}.png`), animations: 'disabled' })
  })
})
