// @vitest-environment node
import { afterAll, beforeAll, it } from 'vitest'
import { demoPricesRoute } from '../src/testing/index'
import { startSessionManagerServer, type SessionManagerServer } from '../src/testing/node'
import { FASTSTORE_CHANNEL, startFastStoreEndpoint } from '../test/compat/fastStoreEndpoint'
import { median, saveResults } from './results.mjs'

// FastStore as a live peer: the same region change done the way a FastStore store does it — the
// browser posts ValidateSession to the store's /api/graphql (one hop), where the real
// @faststore/api resolver calls the Session Manager (and the Checkout postal-code API), then the
// browser fetches the prices for the new segment. Every hop and upstream call costs the
// benchmark's latency. Its best case: its own defaults, nothing extra (no cart, no search).
const LATENCY_MS = 50
const RUNS = 21

let emulator: SessionManagerServer
let upstream: string[] = []
let endpoint: Awaited<ReturnType<typeof startFastStoreEndpoint>>

beforeAll(async () => {
  emulator = await startSessionManagerServer({ latency: LATENCY_MS, routes: [demoPricesRoute] })
  endpoint = await startFastStoreEndpoint(emulator.url, { locale: 'pt-BR', record: (line) => upstream.push(line.split('?')[0] ?? line) })
})
afterAll(() => emulator?.close())

const VALIDATE_SESSION = 'mutation($session: IStoreSession!, $search: String!) { validateSession(session: $session, search: $search) { channel postalCode } }'
/** The browser → store server hop of the GraphQL request (a network latency, not a wait for an outcome). */
const hop = () => new Promise((resolve) => setTimeout(resolve, LATENCY_MS))

async function faststoreRegionChange(cookie: string, postalCode: string): Promise<number> {
  const started = performance.now()
  await hop()
  const session = { locale: 'pt-BR', currency: { code: 'BRL', symbol: 'R$' }, country: 'BRA', channel: FASTSTORE_CHANNEL, postalCode }
  const result = await endpoint.execute(VALIDATE_SESSION, { session, search: '' }, cookie)
  if (result.errors) throw new Error(result.errors.map(String).join('; '))
  // The answer reaches the browser (the same hop), which then asks for the new segment's prices.
  const prices = await fetch(`${emulator.url}/api/demo/prices`, { headers: { cookie } })
  await prices.json()
  return performance.now() - started
}

it(`times FastStore's ValidateSession → new prices, ${LATENCY_MS} ms per hop and upstream call, median of ${RUNS}`, async () => {
  const created = await fetch(`${emulator.url}/api/sessions`, { method: 'POST', body: '{}' })
  const cookie = created.headers.getSetCookie().map((header) => header.split(';')[0]).join('; ')
  const times: number[] = []
  let requestsPerChange = 0
  for (let run = 0; run < RUNS; run += 1) {
    upstream = []
    // Alternate between two regions, so every run is a real change.
    times.push(await faststoreRegionChange(cookie, run % 2 === 0 ? '22250-040' : '01310-100'))
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
