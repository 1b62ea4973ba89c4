import { pageKindOf } from '../../../src/server/pageCacheKey'
import { PAGE_URLS, URL_PLACE_NAMES, seeded, type Shopper } from './shoppers'

export interface View {
  shopper: Shopper
  url: string
  status: number
  /** Varnish's `x-cache`: HIT, MISS or PASS. */
  cache: string
  /** Every header line and the body, as the shopper received them. */
  bytes: string
}

export interface ReplayReport {
  views: View[]
  /** Views a shared cache may serve (first visits and returning anonymous shoppers). */
  shareable: number
  hits: number
  hitRatio: number
  /** `1 − distinct(URL, key) / shareable views`: what a perfect shared cache would reach. */
  ideal: number
  /** Personal views the cache answered itself (must be none). */
  personalHits: number
  /** Each value of another shopper a response carried: which view, whose, and which value. */
  leaks: string[]
  /** How many responses carried another shopper's value. */
  leakingViews: number
}

/** 1,000 page views, five per shopper, in a seeded random order, each on one of the ten URLs. */
export function planViews(shoppers: readonly Shopper[], perShopper = 5): Array<{ shopper: Shopper; url: string }> {
  const random = seeded(30)
  const views = shoppers.flatMap((shopper) => Array.from({ length: perShopper }, () => ({ shopper, url: PAGE_URLS[Math.floor(random() * PAGE_URLS.length)]! })))
  for (let i = views.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[views[i], views[j]] = [views[j]!, views[i]!]
  }
  return views
}

/** Plays the views one after another through the cache at `cacheUrl`. */
export async function replay(cacheUrl: string, plan: ReturnType<typeof planViews>): Promise<View[]> {
  const views: View[] = []
  for (const { shopper, url } of plan) {
    const response = await fetch(`${cacheUrl}${url}`, { headers: shopper.cookie ? { cookie: shopper.cookie } : {}, redirect: 'manual' })
    const body = await response.text()
    const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n')
    views.push({ shopper, url, status: response.status, cache: response.headers.get('x-cache') ?? '', bytes: `${headers}\n\n${body}` })
  }
  return views
}

/**
 * What the views say: the hit ratio of shareable views against the ideal, personal views served
 * by the cache, and every byte scanned for every other shopper's values (a value the viewer
 * shares, such as the B2B buyers' one email, is theirs too and not a leak).
 */
export function analyse(views: readonly View[], shoppers: readonly Shopper[]): ReplayReport {
  const shareableViews = views.filter(({ shopper }) => shopper.population !== 'personal')
  const hits = shareableViews.filter(({ cache }) => cache === 'HIT').length
  const distinct = new Set(shareableViews.map(({ shopper, url }) => `${url} ${JSON.stringify(pageKindOf(shopper.cookie))}`)).size
  const leaks: string[] = []
  const leaking = new Set<number>()
  for (const [index, view] of views.entries()) {
    // A Google ad's URL names its place: that name on its page is the URL's, nobody's secret.
    const own = new Set([...Object.values(view.shopper.secrets), ...(URL_PLACE_NAMES[view.url] ?? [])])
    for (const other of shoppers) {
      if (other === view.shopper) continue
      for (const [what, value] of Object.entries(other.secrets)) {
        if (own.has(value) || !view.bytes.includes(value)) continue
        leaks.push(`view ${index} (${view.shopper.name}, ${view.url}, ${view.cache}) carries ${other.name}'s ${what}`)
        leaking.add(index)
      }
    }
  }
  return {
    views: [...views],
    shareable: shareableViews.length,
    hits,
    hitRatio: hits / shareableViews.length,
    ideal: 1 - distinct / shareableViews.length,
    personalHits: views.filter(({ shopper, cache }) => shopper.population === 'personal' && cache === 'HIT').length,
    leaks,
    leakingViews: leaking.size,
  }
}
