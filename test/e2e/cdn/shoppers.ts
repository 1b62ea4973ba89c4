import { googleRegionIdOf } from '../../../src/core/googleRegionId'
import type { SessionManagerServer } from '../../../src/testing/node'

/** What kind of visit a shopper makes: the replay's three populations. */
export type Population = 'new' | 'returning' | 'personal'

/** A replayed shopper: their cookies, and what is theirs alone (scanned for in everyone else's pages). */
export interface Shopper {
  name: string
  population: Population
  /** The segment group of a returning shopper (`rio`, `sao-paulo`, …) or the personal kind. */
  group: string
  /** Their `Cookie` header (empty for a first visit). */
  cookie: string
  /** Session id, postal code (both spellings), coordinates, email, orderForm id, place name: none may reach another shopper. */
  secrets: Record<string, string>
}

/** The ten page URLs of the replay: the home page, campaign links, two Google regional ads. */
export const PAGE_URLS = [
  '/',
  '/?utm_source=newsletter',
  '/?utm_campaign=black-friday&utm_source=google',
  `/?region_id=${encodeURIComponent(googleRegionIdOf({ country: 'BRA', postalCode: '22250-040' }))}`,
  `/?region_id=${encodeURIComponent(googleRegionIdOf({ country: 'BRA', postalCode: '01310-100' }))}`,
  '/?gclid=ad-1',
  '/?page=2',
  '/?sort=price',
  '/?utmi_campaign=home-banner',
  '/?ref=instagram',
] as const

/** The place a page URL names itself (its `region_id`). */
export const URL_PLACE_NAMES: Readonly<Record<string, readonly string[]>> = {
  [PAGE_URLS[3]]: ['Botafogo, Rio de Janeiro'],
  [PAGE_URLS[4]]: ['Bela Vista, São Paulo'],
}

const PLACES = {
  rio: { name: 'Botafogo, Rio de Janeiro', postalCode: (i: number) => `2${String(2000 + i).padStart(4, '0')}-${String(i % 1000).padStart(3, '0')}` },
  'sao-paulo': { name: 'Bela Vista, São Paulo', postalCode: (i: number) => `01${String(300 + i).padStart(3, '0')}-${String(i % 1000).padStart(3, '0')}` },
}

/** A small seeded generator (mulberry32): the same replay on every run. */
export function seeded(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A cookie jar for one shopper, talking to the Session Manager (and Checkout) as their browser would. */
function jarFor(emulatorUrl: string) {
  const cookies = new Map<string, string>()
  const header = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ')
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${emulatorUrl}${path}`, {
      method,
      headers: { cookie: header(), 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    for (const set of response.headers.getSetCookie()) {
      const pair = set.split(';')[0] ?? ''
      cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1))
    }
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`)
    return (await response.json()) as T
  }
  return { call, header, set: (name: string, value: string) => cookies.set(name, value) }
}

const publicFields = (fields: Record<string, string>) => ({ public: Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, { value }])) })

/**
 * The replay's 200 shoppers: 120 first visits (no cookie), 60 returning anonymous shoppers across
 * five segments (Rio, São Paulo, a campaign, the US sales channel, Rio with the delivery promise's
 * postal code and coordinates in its facets), 20 personal ones (signed in; half on the private B2B
 * sales channel). Each returning and personal shopper has a session, a place and a cart of their own.
 */
export async function makeShoppers(emulator: SessionManagerServer): Promise<Shopper[]> {
  const shoppers: Shopper[] = []
  for (let i = 0; i < 120; i++) shoppers.push({ name: `new-${i}`, population: 'new', group: 'first-visit', cookie: '', secrets: {} })
  const groups = ['rio', 'sao-paulo', 'campaign', 'usd', 'rio-delivery'] as const
  for (let i = 0; i < 80; i++) {
    const personal = i >= 60
    const group = personal ? (i % 2 === 0 ? 'signed-in' : 'b2b-private') : groups[i % groups.length]!
    const jar = jarFor(emulator.url)
    const session = await jar.call<{ id: string }>('POST', '/api/sessions?items=*', { public: {} })
    const secrets: Record<string, string> = { sessionId: session.id }
    const place = group === 'sao-paulo' ? PLACES['sao-paulo'] : group.startsWith('rio') || personal ? PLACES.rio : undefined
    const fields: Record<string, string> = {}
    if (place) {
      const postalCode = place.postalCode(i)
      Object.assign(fields, { country: 'BRA', postalCode })
      Object.assign(secrets, { postalCode, postalCodeDigits: postalCode.replace(/\D/g, ''), placeName: place.name })
    }
    if (group === 'campaign') fields.utm_campaign = 'black-friday'
    if (group === 'usd') fields.sc = '2'
    if (group === 'rio-delivery') {
      const coordinates = `-43.1${String(i).padStart(3, '0')},-22.9${String(i).padStart(3, '0')}`
      fields.facets = `zip-code=${secrets.postalCodeDigits};country=BRA;coordinates=${coordinates}`
      secrets.coordinates = coordinates
    }
    if (personal) {
      const email = group === 'b2b-private' ? 'buyer@b2b.example' : `shopper-${i}@mail.example`
      emulator.mock.logIn(session.id, group === 'b2b-private' ? { email, priceTables: ['b2b-gold'] } : { email })
      jar.set('VtexIdclientAutCookie_store', `token-${i}`)
      if (group === 'b2b-private') fields.sc = '3'
      secrets.email = email
    }
    if (Object.keys(fields).length > 0) await jar.call('PATCH', '/api/sessions?items=*', publicFields(fields))
    await jar.call('GET', '/api/segments')
    const cart = await jar.call<{ orderFormId: string }>('GET', '/api/checkout/pub/orderForm')
    secrets.orderFormId = cart.orderFormId
    shoppers.push({ name: `${personal ? 'personal' : 'returning'}-${i}`, population: personal ? 'personal' : 'returning', group, cookie: jar.header(), secrets })
  }
  return shoppers
}
