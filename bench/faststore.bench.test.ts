// @vitest-environment node
import { createRequire } from 'node:module'
import { afterAll, beforeAll, it } from 'vitest'
import { demoPricesRoute } from '../src/testing/index'
import { startSessionManagerServer, type SessionManagerServer } from '../src/testing/node'
import { median, saveResults } from './results.mjs'

// FastStore as a live peer: the same region change done the way a FastStore store does it — the
// browser posts ValidateSession to the store's /api/graphql (one hop), where the real
// @faststore/api resolver calls the Session Manager (and the Checkout postal-code API), then the
// browser fetches the prices for the new segment. Every hop and upstream call costs the
// benchmark's latency. Its best case: its own defaults, nothing extra (no cart, no search).
const LATENCY_MS = 50
const RUNS = 21
const ACCOUNT = 'storefront'
const STORE_ORIGIN = `https://${ACCOUNT}.vtexcommercestable.com.br`

let emulator: SessionManagerServer
let upstream: string[] = []
type FastStore = typeof import('@faststore/api')
let faststore: FastStore
let graphql: typeof import('graphql')

beforeAll(async () => {
  emulator = await startSessionManagerServer({ latency: LATENCY_MS, routes: [demoPricesRoute] })
  const realFetch = globalThis.fetch
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    if (url.origin === emulator.url) return realFetch(input, init)
    if (url.origin !== STORE_ORIGIN) return Promise.reject(new TypeError(`refused: ${url.origin}`))
    upstream.push(`${init?.method ?? 'GET'} ${url.pathname}`)
    return realFetch(`${emulator.url}${url.pathname}${url.search}`, init)
  }) as typeof fetch
  faststore = await import('@faststore/api')
  graphql = createRequire(import.meta.url)('graphql') as typeof import('graphql')
})
afterAll(() => emulator?.close())

const CHANNEL = JSON.stringify({ salesChannel: '1', regionId: '' })
const VALIDATE_SESSION = 'mutation($session: IStoreSession!, $search: String!) { validateSession(session: $session, search: $search) { channel postalCode } }'
/** The browser → store server hop of the GraphQL request (a network latency, not a wait for an outcome). */
const hop = () => new Promise((resolve) => setTimeout(resolve, LATENCY_MS))

/** The store's /api/graphql, built once as a store builds it at start; a context per request. */
async function graphqlEndpoint() {
  const schema = faststore.GraphqlVtexSchema()
  const document = graphql.parse(VALIDATE_SESSION)
  const contextFor = await faststore.GraphqlVtexContextFactory({
    platform: 'vtex', account: ACCOUNT, environment: 'vtexcommercestable', subDomainPrefix: [], channel: CHANNEL,
    locale: 'pt-BR', hideUnavailableItems: false, showSponsored: false, incrementAddress: false,
  })
  return { schema, document, contextFor }
}

async function faststoreRegionChange(endpoint: Awaited<ReturnType<typeof graphqlEndpoint>>, cookie: string, postalCode: string): Promise<number> {
  const started = performance.now()
  await hop()
  const context = endpoint.contextFor({ headers: { cookie } } as never)
  const result = await graphql.execute({
    schema: endpoint.schema,
    document: endpoint.document,
    variableValues: { session: { locale: 'pt-BR', currency: { code: 'BRL', symbol: 'R$' }, country: 'BRA', channel: CHANNEL, postalCode }, search: '' },
    contextValue: context,
  })
  if (result.errors) throw new Error(result.errors.map(String).join('; '))
  // The answer reaches the browser (the same hop), which then asks for the new segment's prices.
  const prices = await fetch(`${emulator.url}/api/demo/prices`, { headers: { cookie } })
  await prices.json()
  return performance.now() - started
}

it(`times FastStore's ValidateSession → new prices, ${LATENCY_MS} ms per hop and upstream call, median of ${RUNS}`, async () => {
  const created = await fetch(`${emulator.url}/api/sessions`, { method: 'POST', body: '{}' })
  const cookie = created.headers.getSetCookie().map((header) => header.split(';')[0]).join('; ')
  const endpoint = await graphqlEndpoint()
  const times: number[] = []
  let requestsPerChange = 0
  for (let run = 0; run < RUNS; run += 1) {
    upstream = []
    // Alternate between two regions, so every run is a real change.
    times.push(await faststoreRegionChange(endpoint, cookie, run % 2 === 0 ? '22250-040' : '01310-100'))
    requestsPerChange = upstream.length
  }
  saveResults('faststorePeer', {
    latencyMs: LATENCY_MS,
    runs: RUNS,
    medianMs: Math.round(median(times)),
    upstreamRequestsPerChange: requestsPerChange,
    upstreamRequests: upstream,
  })
})
