import type { BrowserContext } from 'playwright-core'
import type { Shopper } from './shoppers'

export interface BrowserVisit {
  /** The document's `x-cache` (HIT: served by Varnish). */
  cache: string
  /** The grid's prices in the HTML, then after each change the page made to them. */
  prices: string[][]
  /** What the place bar says once the page is quiet. */
  place: string
  /** The orderForm id of the cart the browser loaded. */
  orderFormId: string | undefined
  /** The browser's requests to the Session Manager (`METHOD /path`). */
  sessionManager: string[]
  /** Cumulative layout shift (the sum of every layout-shift entry's value). */
  layoutShift: number
  errors: string[]
}

/** Records every state of the grid's prices and every layout shift, from the first parse on. */
const RECORDER = `
  window.__prices = [];
  window.__shift = 0;
  const read = () => [...document.querySelectorAll('[data-testid=grid-price]')].map((node) => node.textContent);
  const note = () => {
    const now = read();
    const last = window.__prices[window.__prices.length - 1];
    if (now.length > 0 && JSON.stringify(now) !== JSON.stringify(last)) window.__prices.push(now);
  };
  document.addEventListener('DOMContentLoaded', () => {
    note();
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
`

/** One shopper's visit in chromium, with their cookies, through the cache at `cacheUrl`. */
export async function visitInBrowser(browser: BrowserContext, cacheUrl: string, shopper: Shopper, path: string): Promise<BrowserVisit> {
  await browser.clearCookies()
  const cookies = shopper.cookie
    .split('; ')
    .filter(Boolean)
    .map((pair) => ({ name: pair.slice(0, pair.indexOf('=')), value: pair.slice(pair.indexOf('=') + 1), url: cacheUrl }))
  if (cookies.length > 0) await browser.addCookies(cookies)
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => message.type() === 'error' && !message.text().startsWith('Failed to load resource') && errors.push(message.text()))
  const sessionManager: string[] = []
  let orderFormId: string | undefined
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (/^\/api\/(sessions|segments)/.test(url.pathname)) sessionManager.push(`${request.method()} ${url.pathname}`)
  })
  page.on('response', async (response) => {
    if (new URL(response.url()).pathname === '/api/checkout/pub/orderForm' && response.ok()) orderFormId ??= ((await response.json()) as { orderFormId?: string }).orderFormId
  })
  await page.addInitScript(RECORDER)
  const document = await page.goto(`${cacheUrl}${path}`)
  await page.getByTestId('grid').waitFor()
  await page.waitForLoadState('networkidle')
  // Past the last re-price, if any (a new campaign segment re-prices once).
  await page.getByText('Updating prices…').waitFor({ state: 'detached' })
  const visit: BrowserVisit = {
    cache: (await document?.headerValue('x-cache')) ?? '',
    prices: (await page.evaluate(() => Reflect.get(window, '__prices'))) as string[][],
    place: await page.getByTestId('place').innerText(),
    orderFormId,
    sessionManager,
    layoutShift: (await page.evaluate(() => Reflect.get(window, '__shift'))) as number,
    errors,
  }
  await page.close()
  return visit
}
