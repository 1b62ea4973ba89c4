import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSessionManagerServer, type SessionManagerServer } from '../../../src/testing/node'
import { launchChromium } from '../chromium'
import { startExample, type ExampleName, type RunningExample } from './examples'
import { analyse, planViews, replay, type ReplayReport } from './replay'
import { visitInBrowser } from './shopperInBrowser'
import { makeShoppers, PAGE_URLS, type Shopper } from './shoppers'
import { startVarnish, type Varnish } from './varnish'

// Each server-rendered example behind a real Varnish running the shipped VCL (examples/cdn), and
// 1,000 page views from 200 shoppers replayed through it: every byte of every response is scanned
// for every other shopper's session id, postal code, coordinates, email, orderForm id and place name.

describe.each<ExampleName>(['next-app', 'react-router'])('the %s example behind Varnish', (name) => {
  let emulator: SessionManagerServer
  let example: RunningExample
  let varnish: Varnish
  let report: ReplayReport
  let originRenders = 0
  let shoppers: Shopper[]
  let browser: BrowserContext

  beforeAll(async () => {
    emulator = await startSessionManagerServer()
    example = await startExample(name, emulator.url)
    varnish = await startVarnish(example.port, process.env.CDN_VCL)
    shoppers = await makeShoppers(emulator)
    const before = await varnish.backendRequests()
    report = analyse(await replay(varnish.url, planViews(shoppers)), shoppers)
    originRenders = (await varnish.backendRequests()) - before
    console.log(
      `${name}: ${report.views.length} views, hit ratio ${(report.hitRatio * 100).toFixed(1)} % (ideal ${(report.ideal * 100).toFixed(1)} %), ` +
        `${originRenders} origin renders, ${report.leaks.length} leaks, ${report.personalHits} personal hits`,
    )
  }, 600_000)

  afterAll(async () => {
    await browser?.close()
    await varnish?.stop()
    await example?.stop()
    await emulator?.close()
  })

  it('answers every view', () => {
    expect(report.views.filter(({ status }) => status !== 200).map(({ url, status }) => `${status} ${url}`)).toEqual([])
  })

  it('carries no shopper’s session id, postal code, coordinates, email, orderForm id or place name to another', () => {
    expect(report.leaks.slice(0, 20)).toEqual([])
  })

  it('sends every personal view to the origin', () => {
    expect(report.personalHits).toBe(0)
  })

  it('serves shareable views from the cache within 3 points of the ideal hit ratio', () => {
    expect(report.ideal).toBeGreaterThan(0.9)
    expect(Math.abs(report.hitRatio - report.ideal)).toBeLessThanOrEqual(0.03)
  })

  describe('in chromium, shoppers served from the cache', () => {
    beforeAll(async () => {
      browser = await launchChromium()
    }, 60_000)

    const byGroup = (group: string) => shoppers.find((shopper) => shopper.group === group)!
    const newShopper = () => shoppers.find((shopper) => shopper.population === 'new')!

    it.each([
      ['a returning shopper in Rio', 'rio', '/', 'Botafogo, Rio de Janeiro'],
      ['a returning shopper in São Paulo', 'sao-paulo', '/?ref=instagram', 'Bela Vista, São Paulo'],
      ['a returning shopper with the delivery promise’s place in their segment', 'rio-delivery', '/?page=2', 'Botafogo, Rio de Janeiro'],
      ['a returning shopper on the US sales channel (dollars, en-US)', 'usd', '/?sort=price', 'Enter a postal code'],
    ])('%s: their own place and cart, the HTML’s prices never replaced, one session request', async (_, group, path, placeName) => {
      const shopper = byGroup(group)
      const visit = await visitInBrowser(browser, varnish.url, shopper, path)
      expect(visit.cache).toBe('HIT')
      expect(visit.place).toContain(placeName)
      expect(visit.orderFormId).toBe(shopper.secrets.orderFormId)
      expect(visit.prices).toHaveLength(1)
      expect(visit.sessionManager.filter((line) => line.includes('/api/sessions'))).toHaveLength(1)
      expect(visit.layoutShift).toBe(0)
      expect(visit.errors).toEqual([])
    })

    it('a first visit: the shared default page, one session created after hydration, the prices kept', async () => {
      const visit = await visitInBrowser(browser, varnish.url, newShopper(), '/')
      expect(visit.cache).toBe('HIT')
      expect(visit.prices).toHaveLength(1)
      expect(visit.sessionManager.filter((line) => line.includes('/api/sessions'))).toHaveLength(1)
      expect(visit.place).toContain('Enter a postal code')
      expect(visit.layoutShift).toBe(0)
      expect(visit.errors).toEqual([])
    })

    it('a first visit from a Google regional ad: regional prices from the first byte, the ad’s place written after hydration, never national prices', async () => {
      const visit = await visitInBrowser(browser, varnish.url, newShopper(), PAGE_URLS[3])
      expect(visit.cache).toBe('HIT')
      expect(visit.prices).toHaveLength(1)
      expect(visit.place).toContain('Botafogo, Rio de Janeiro')
      expect(visit.layoutShift).toBe(0)
      expect(visit.errors).toEqual([])
    })

    it('a first visit from a campaign link: re-priced once, for the campaign’s segment', async () => {
      const visit = await visitInBrowser(browser, varnish.url, newShopper(), PAGE_URLS[2])
      expect(visit.cache).toBe('HIT')
      expect(visit.prices.length).toBeLessThanOrEqual(2)
      expect(visit.errors).toEqual([])
    })
  })
})
