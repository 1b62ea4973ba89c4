// `npx vtex-session-emulator`: the Session Manager emulator as a standalone HTTP server, for
// demos, manual tests and apps in other languages. 127.0.0.1 only.
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { CatalogProduct } from './catalog'
import { demoPricesRoute } from './demoPrices'
import type { Fault } from './faults'
import { startSessionManagerServer } from './node'

const USAGE = `Usage: vtex-session-emulator [--port 4000] [--host 127.0.0.1] [--demo] [--latency ms] [--catalog products.json]
                             [--fault http:503|network|schema|invalid-json] [--fault-method PATCH] [--fault-times 1]

Serves the VTEX Session Manager (/api/sessions, /api/segments), the Checkout calls session
flows make (/api/checkout/pub/…) and Intelligent Search v1 (/api/intelligent-search/v1/…, priced
by its query parameters alone, as v1 reads no cookie). --demo adds GET /api/demo/prices. --catalog sells your products instead of the demo ones: a JSON list of
{ id, name, price, regionPrices?, priceTablePrices?, campaignPrices?, unavailableAt? }, prices in
cents. Stops cleanly on Ctrl-C (SIGINT) or SIGTERM.`

/** `http:503`, `network`, `schema`, `invalid-json` → a fault of the emulator. */
function faultOf(text: string): Fault {
  const [kind, status] = text.split(':')
  if (kind === 'http' && status !== undefined && /^[1-5]\d\d$/.test(status)) return { kind: 'http', status: Number(status) }
  if (kind === 'network' || kind === 'schema' || kind === 'invalid-json') return { kind }
  throw new Error(`--fault must be http:<status>, network, schema or invalid-json, got "${text}"`)
}

/** The products of a `--catalog` file (checked by the emulator itself, like the option). */
function catalogFrom(file: string): CatalogProduct[] {
  const text = readFileSync(file, 'utf8')
  try {
    return JSON.parse(text) as CatalogProduct[]
  } catch (error) {
    throw new Error(`--catalog ${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '4000' },
      host: { type: 'string', default: '127.0.0.1' },
      demo: { type: 'boolean', default: false },
      latency: { type: 'string', default: '0' },
      catalog: { type: 'string' },
      fault: { type: 'string' },
      'fault-method': { type: 'string' },
      'fault-times': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) return void console.log(USAGE)
  const port = Number(values.port)
  const latency = Number(values.latency)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got "${values.port}"`)
  if (!Number.isFinite(latency) || latency < 0) throw new Error(`--latency must be milliseconds, got "${values.latency}"`)
  const catalog = values.catalog === undefined ? undefined : catalogFrom(values.catalog)
  const emulator = await startSessionManagerServer({ host: values.host, port, latency, catalog, routes: values.demo ? [demoPricesRoute] : [] })
  if (values.fault !== undefined) {
    const times = values['fault-times'] === undefined ? Number.MAX_SAFE_INTEGER : Number(values['fault-times'])
    emulator.mock.fail(faultOf(values.fault), { method: values['fault-method'], times })
  }
  console.log(`Session Manager emulator listening on ${emulator.url}${values.demo ? ' (with /api/demo/prices)' : ''}`)
  const stop = (signal: string) => {
    void emulator.close().then(() => {
      console.log(`Stopped (${signal}).`)
      process.exit(0)
    })
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  console.error(USAGE)
  process.exit(1)
})
