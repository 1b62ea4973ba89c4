// @vitest-environment node
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, it } from 'vitest'
import { createSearchClient, searchContextOf } from '../src/search/index'
import { pageForRequest, sessionForRequest } from '../src/server/index'
import type { Segment, Session } from '../src/core/types'
import { startSessionManagerServer, type SessionManagerServer } from '../src/testing/node'
import { analyse, planViews } from '../test/e2e/cdn/replay'
import { makeShoppers, type Shopper } from '../test/e2e/cdn/shoppers'
import { startVarnish, type Varnish } from '../test/e2e/cdn/varnish'
import { median, saveResults } from './results.mjs'

// Pages through a real Varnish, 1,000 views from the 200 shoppers of the shared-cache test, for the
// two page models the server entry offers, in one run:
// - before: every page rendered with the shopper's session (`sessionForRequest`, the model of 0.2),
//   behind the shipped VCL, and behind a cache keyed by the vtex_segment cookie that ignores Vary
//   (bench/legacy-recipe.vcl, as Cloudflare and CloudFront would run 0.2's recipe), with 0.2's
//   headers (public for a returning anonymous shopper whose page sets no cookie);
// - after: `pageForRequest` (shared pages from the segment, personal ones with the session).
// A small origin renders the priced first catalog page either way; every request to the emulator
// takes LATENCY_MS, as a remote Session Manager and search would.

const LATENCY_MS = 50
type Model = 'before' | 'after'

const LEGACY_RECIPE = join(process.cwd(), 'bench', 'legacy-recipe.vcl')

let emulator: SessionManagerServer
let origin: Server
let model: Model = 'before'

/** The page's HTML: the first catalog page's prices, and the session where the page holds one (as its hydration would). */
async function renderPage(incoming: IncomingMessage): Promise<{ headers: Headers; html: string }> {
  const request = new Request(`http://storefront.example${incoming.url ?? '/'}`, { headers: incoming.headers as Record<string, string> })
  const page: { segment: Segment; session?: Session; headers: Headers } =
    model === 'before' ? beforeHeaders(await sessionForRequest(request, { baseUrl: emulator.url })) : await pageForRequest(request, { baseUrl: emulator.url })
  const { data } = await createSearchClient({ baseUrl: emulator.url }).productSearch({ count: 12, context: searchContextOf(page.segment, page.session) })
  const prices = data.products.map((product) => `<li>${product.productName} ${product.items[0]?.sellers[0]?.commertialOffer.Price ?? ''}</li>`).join('')
  const hydration = page.session ? `<script>self.session=${JSON.stringify(page.session)}</script>` : ''
  return { headers: page.headers, html: `<!doctype html><ul>${prices}</ul>${hydration}` }
}

/** The headers 0.2's policy gave a page with the session: shareable for an anonymous shopper whose page sets no cookie. */
function beforeHeaders<T extends { headers: Headers; pageCache: { reason?: string } }>(page: T): T {
  const headers = new Headers(page.headers)
  if (page.pageCache.reason === undefined) headers.set('Cache-Control', 'public, s-maxage=60, stale-while-revalidate=300')
  return { ...page, headers }
}

beforeAll(async () => {
  emulator = await startSessionManagerServer({ latency: LATENCY_MS })
  origin = createServer((incoming, outgoing) => {
    renderPage(incoming)
      .then(({ headers, html }) => {
        const head: Record<string, string | string[]> = { 'content-type': 'text/html' }
        for (const [name, value] of headers) head[name] = name === 'set-cookie' ? headers.getSetCookie() : value
        outgoing.writeHead(200, head).end(html)
      })
      .catch((error: unknown) => outgoing.writeHead(500).end(String(error)))
  })
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve))
})

afterAll(async () => {
  await new Promise((resolve) => origin.close(resolve))
  await emulator.close()
})

/** One replay of the plan through a fresh Varnish, with what it cost the origin and the Session Manager. */
async function measure(shoppers: readonly Shopper[], vcl?: string) {
  const varnish: Varnish = await startVarnish((origin.address() as { port: number }).port, vcl)
  try {
    const plan = planViews(shoppers)
    const rendersBefore = await varnish.backendRequests()
    const sessionManagerBefore = emulator.mock.requests.filter(({ path }) => /^\/api\/(sessions|segments)/.test(path)).length
    const timed: Array<{ cache: string; ms: number }> = []
    const views = []
    for (const { shopper, url } of plan) {
      const started = performance.now()
      const response = await fetch(`${varnish.url}${url}`, { headers: shopper.cookie ? { cookie: shopper.cookie } : {} })
      const body = await response.text()
      timed.push({ cache: response.headers.get('x-cache') ?? '', ms: performance.now() - started })
      views.push({ shopper, url, status: response.status, cache: response.headers.get('x-cache') ?? '', bytes: `${[...response.headers].join('\n')}\n\n${body}` })
    }
    const report = analyse(views, shoppers)
    const sessionManager = emulator.mock.requests.filter(({ path }) => /^\/api\/(sessions|segments)/.test(path)).length - sessionManagerBefore
    const hits = timed.filter(({ cache }) => cache === 'HIT').map(({ ms }) => ms)
    const misses = timed.filter(({ cache }) => cache !== 'HIT').map(({ ms }) => ms)
    const round = (ms: number | undefined) => (ms === undefined ? null : Math.round(ms * 10) / 10)
    return {
      views: plan.length,
      originRenders: (await varnish.backendRequests()) - rendersBefore,
      sessionManagerRequests: sessionManager,
      hitRatio: Math.round(report.hitRatio * 1000) / 10,
      idealHitRatio: Math.round(report.ideal * 1000) / 10,
      leakingViews: report.leakingViews,
      personalViewsServedByTheCache: report.personalHits,
      hitMedianMs: round(hits.length > 0 ? median(hits) : undefined),
      missMedianMs: round(median(misses)),
    }
  } finally {
    await varnish.stop()
  }
}

it('replays 1,000 page views through Varnish, before and after shared pages', async () => {
  const shoppers = await makeShoppers(emulator)
  model = 'before'
  const before = await measure(shoppers)
  const beforeLegacyRecipe = await measure(shoppers, LEGACY_RECIPE)
  model = 'after'
  const after = await measure(shoppers)
  saveResults('sharedCache', { latencyMs: LATENCY_MS, before, beforeLegacyRecipe, after })
}, 600_000)
