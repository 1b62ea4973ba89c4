// bench/results.json as the markdown tables the docs show: `benchReport()` returns them (for
// scripts/docs-figures.mjs); run as a script, it prints them.
import { pathToFileURL } from 'node:url'
import { readResults } from './results.mjs'

const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`

/** The shared-cache replay (`bench/cdn.bench.test.ts`) as a table, or `undefined` before it ran. */
export function sharedCacheReport(results = readResults()) {
  const shared = results.sharedCache
  if (!shared) return undefined
  const row = (name, model) =>
    `| ${name} | ${model.originRenders} | ${model.sessionManagerRequests} | ${model.hitRatio} % (ideal ${model.idealHitRatio} %) | ${model.hitMedianMs === null ? '—' : `${model.hitMedianMs} ms`} | ${model.missMedianMs} ms | ${model.leakingViews} | ${model.personalViewsServedByTheCache} |`
  return [
    `### Pages through a shared cache: ${shared.before.views} page views from 200 shoppers through Varnish (${shared.latencyMs} ms per Session Manager or search request)`,
    '',
    '| pages | origin renders | Session Manager requests (server) | hit ratio | time to priced HTML, hit (median) | miss (median) | responses with another shopper\'s values | personal views served by the cache |',
    '|---|---|---|---|---|---|---|---|',
    row("every page rendered with the shopper's session (`sessionForRequest`), behind the shipped VCL", shared.before),
    ...(shared.beforeLegacyRecipe
      ? [row("every page rendered with the shopper's session, an anonymous one's marked `public`, behind a cache keyed by the `vtex_segment` cookie that ignores `Vary` (as Cloudflare and CloudFront do)", shared.beforeLegacyRecipe)]
      : []),
    row('`pageForRequest`: shared pages from the segment, personal ones with the session, behind the shipped VCL', shared.after),
    '',
    'After hydration the browser reads the shopper\'s session and segment (one request each) on a shared page; a page with the session in it needs neither.',
  ].join('\n')
}

/** The markdown for these results (default: bench/results.json). */
export function benchReport(results = readResults()) {
  const lines = []

  lines.push('### Session Manager requests', '', '| scenario | requests |', '|---|---|')
  for (const [scenario, count] of Object.entries(results.requests)) lines.push(`| ${scenario} | ${count} |`)

  lines.push('', '### Session Manager requests per server render (`fetchSession`)', '', '| shopper | requests |', '|---|---|')
  for (const [scenario, count] of Object.entries(results.serverRequests ?? {})) lines.push(`| ${scenario} | ${count} |`)

  const landing = results.googleAdLanding
  if (landing) {
    const asked = ({ sessionManager, search }) => `${sessionManager} Session Manager, ${search} search`
    lines.push(
      '',
      `### A Google regional ad landing (\`?region_id=\`): time to prices for the ad's region rendered (${landing.latencyMs} ms per request, median of ${landing.runs})`,
      '',
      '| path | median | requests |',
      '|---|---|---|',
      `| server: \`prefetchSession({ regionId })\` (the region written in the POST that creates the session), the search prefetched, the HTML rendered | ${landing.server.medianMs} ms | ${asked(landing.server.requests)}; ${asked(landing.server.requestsAfterHydration)} after hydration |`,
      `| client: \`regionPolicy()\` (GET, PATCH \`?items=*\` with the place, the segment, then the search) | ${landing.client.medianMs} ms | ${asked(landing.client.requests)} |`,
    )
  }

  const shared = sharedCacheReport(results)
  if (shared) lines.push('', shared)

  const time = results.timeToNewPrices
  lines.push(
    '',
    `### Time from \`setRegion\` to re-priced search results rendered (Intelligent Search v1, ${time.latencyMs} ms per request, median of ${time.runs} runs)`,
    '',
    '| approach | median |',
    '|---|---|',
    `| vtex-session-react (PATCH → segment from its token → one v1 search for the new context) | ${time.libraryMedianMs} ms |`,
    `| baseline as the anchors do it (PATCH, GET, reload: fresh cache, refetch everything) | ${time.baselineMedianMs} ms |`,
    ...(results.faststorePeer
      ? [
          `| FastStore, live: the real \`@faststore/api\` 4.8 \`ValidateSession\` (browser → /api/graphql hop, then its ${results.faststorePeer.upstreamRequestsPerChange} upstream calls: ${results.faststorePeer.upstreamRequests.join(', ')}), then one price request (a list priced by the cookie; FastStore's own search, a GraphQL hop and a v1 call, would cost one hop more); timed to the prices' JSON, no rendering | ${results.faststorePeer.medianMs} ms |`,
        ]
      : []),
    `| **speed-up** | **${time.speedup}×** |`,
    '',
    `Runs in which the price grid went empty (a loading flash) during the update: vtex-session-react ${time.runsWithEmptyPriceGrid.library} of ${time.runs}, baseline ${time.runsWithEmptyPriceGrid.baseline} of ${time.runs}.`,
  )

  const prefetch = results.prefetch
  if (prefetch) {
    const kinds = ({ sessionManager, regions, prices }) => `${sessionManager} Session Manager, ${regions} regions, ${prices} search`
    lines.push(
      '',
      `### Time from Apply to re-priced search results with \`useRegionPrefetch\` (typed ${prefetch.restMs} ms before Apply; ${prefetch.latencyMs} ms per request, median of ${prefetch.runs})`,
      '',
      '| case | median | requests per region change |',
      '|---|---|---|',
      `| the prediction held (the search warmed while typing) | ${prefetch.heldMedianMs} ms | ${kinds(prefetch.requestsWhenHeld)} |`,
      `| the prediction was wrong (the regions API disagreed) | ${prefetch.wrongMedianMs} ms | ${kinds(prefetch.requestsWhenWrong)} |`,
      `| without prefetch (the row above: PATCH, then the search) | ${time.libraryMedianMs} ms | ${results.search ? kinds({ ...results.search.perRegionChange, regions: 0, prices: results.search.perRegionChange.search }) : '2 Session Manager, 0 regions, 1 search'} |`,
    )
  }

  if (results.search) {
    const { perRegionChange, shoppers, segments, distinctUrls } = results.search
    lines.push(
      '',
      '### Search requests',
      '',
      '| scenario | count |',
      '|---|---|',
      `| per \`setRegion\` with a product listing: Session Manager requests | ${perRegionChange.sessionManager} |`,
      `| per \`setRegion\` with a product listing: v1 search requests | ${perRegionChange.search} |`,
      `| distinct search URLs for ${shoppers} shoppers drawn from ${segments} segments (one CDN entry each) | ${distinctUrls} |`,
    )
  }

  if (results.cart) {
    lines.push('', '### With a cart (`<CartSync>` + `useOrderForm`)', '', '| scenario | session requests | shippingData writes | orderForm reads |', '|---|---|---|---|')
    for (const [scenario, { session, shippingDataWrites, orderFormReads }] of Object.entries(results.cart)) lines.push(`| ${scenario} | ${session} | ${shippingDataWrites} | ${orderFormReads} |`)
    const cartTime = results.cartTiming
    if (cartTime) lines.push('', `Time from \`setRegion\` to the minicart's new total (${cartTime.latencyMs} ms per request, median of ${cartTime.runs}): ${cartTime.medianMs} ms.`)
  }

  lines.push('', '### Renders', '', '| scenario | renders |', '|---|---|')
  for (const [scenario, count] of Object.entries(results.renders)) lines.push(`| ${scenario} | ${count} |`)

  lines.push('', '### Bundle (esbuild, minified; react, react-dom, react-query, msw excluded)', '', '| bundle | min | min+gzip | min+brotli |', '|---|---|---|---|')
  for (const { name, minified, gzip, brotli } of results.bundle) lines.push(`| ${name} | ${kB(minified)} | ${kB(gzip)} | ${kB(brotli)} |`)

  const { platform, arch, node } = results.measuredOn
  lines.push('', `Measured ${results.measuredAt} on ${platform}/${arch}, Node ${node}.`)
  return lines.join('\n')
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) console.log(benchReport())
