import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'

// Against the built package (npm run build first), as an app imports it: every entry, ESM and CJS.
const require = createRequire(import.meta.url)
type ErrorEntry = { SessionError: new (kind: 'network', message: string) => Error; isSessionError: (value: unknown) => boolean }
type ServerEntry = ErrorEntry & { fetchSession: (options: { baseUrl: string }) => Promise<unknown> }
/** The built package by name (typed here: `dist` does not exist when the types are checked). */
const importEntry = <T>(specifier: string) => import(/* @vite-ignore */ specifier) as Promise<T>

/** What an entry exports to code run in a fresh Node with these conditions, sorted. */
function exportsOf(specifier: string, conditions: string[], format: 'import' | 'require'): string[] {
  const load = format === 'import' ? `import('${specifier}').then((m) => m)` : `Promise.resolve(require('${specifier}'))`
  const script = `${load}.then((m) => console.log(JSON.stringify(Object.keys(m).sort())))`
  const result = spawnSync(process.execPath, [...conditions.map((name) => `--conditions=${name}`), format === 'import' ? '--input-type=module' : '--input-type=commonjs', '-e', script], {
    encoding: 'utf8',
  })
  expect(result.stderr).toBe('')
  return JSON.parse(result.stdout) as string[]
}

const entries = ['', '/server', '/testing', '/testing/node']
async function loadEntries(): Promise<Array<[name: string, entry: ErrorEntry]>> {
  const loaded: Array<[string, ErrorEntry]> = []
  for (const entry of entries) {
    loaded.push([`ESM vtex-session-react${entry}`, await importEntry<ErrorEntry>(`vtex-session-react${entry}`)])
    loaded.push([`CJS vtex-session-react${entry}`, require(`vtex-session-react${entry}`) as ErrorEntry])
  }
  return loaded
}

describe('one SessionError for the whole package', () => {
  it('holds for instanceof and isSessionError across ., /server, /testing, /testing/node, in ESM and CJS', async () => {
    const loaded = await loadEntries()
    // Each entry has its own copy of the class (bundled separately): the brand makes them one.
    expect(new Set(loaded.map(([, entry]) => entry.SessionError)).size).toBeGreaterThan(1)
    for (const [made, maker] of loaded) {
      const error = new maker.SessionError('network', 'offline')
      for (const [checked, checker] of loaded) {
        expect(error instanceof checker.SessionError, `${made} instanceof ${checked}`).toBe(true)
        expect(checker.isSessionError(error), `${checked} isSessionError(${made})`).toBe(true)
      }
    }
  })

  it('rejects a /server failure with an error the main entry recognizes (ESM and CJS)', async () => {
    const server = await importEntry<ServerEntry>('vtex-session-react/server')
    const main = await importEntry<ErrorEntry>('vtex-session-react')
    const mainCjs = require('vtex-session-react') as ErrorEntry
    const error = await server.fetchSession({ baseUrl: 'not-a-url' }).catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(main.SessionError)
    expect(error).toBeInstanceOf(mainCjs.SessionError)
    expect(mainCjs.isSessionError(error)).toBe(true)
    expect(error).toMatchObject({ name: 'SessionError', kind: 'invalid-input' })
  })

  it('is no SessionError for plain errors and look-alikes', async () => {
    const main = await importEntry<ErrorEntry>('vtex-session-react')
    expect(main.isSessionError(new Error('x'))).toBe(false)
    expect(main.isSessionError({ name: 'SessionError', kind: 'network' })).toBe(false)
    expect(main.isSessionError(null)).toBe(false)
  })
})

describe('the main entry in React Server Components (the react-server condition)', () => {
  const exportsUnder = (conditions: string[], format: 'import' | 'require') => exportsOf('vtex-session-react', conditions, format)

  it.each(['import', 'require'] as const)('gives server components the framework-free exports with no use client (%s)', (format) => {
    const server = exportsUnder(['react-server'], format)
    expect(server).toEqual(expect.arrayContaining(['createSessionClient', 'readSessionValue', 'segmentKeyOf', 'decodeSegmentToken', 'sessionKeys', 'SessionError', 'isSessionError']))
    expect(server).not.toContain('useSession')
    expect(server).not.toContain('SessionProvider')
    const client = exportsUnder([], format)
    expect(client).toEqual(expect.arrayContaining(['useSession', 'SessionProvider', 'readSessionValue']))
  })

  it("keeps 'use client' on the client build and off the react-server build", () => {
    expect(readFileSync('dist/index.js', 'utf8').startsWith("'use client';")).toBe(true)
    expect(readFileSync('dist/index.cjs', 'utf8')).toMatch(/^["']use client["'];/)
    expect(readFileSync('dist/index.react-server.js', 'utf8')).not.toContain('use client')
    expect(readFileSync('dist/index.react-server.cjs', 'utf8')).not.toContain('use client')
  })
})

describe('the /checkout entry', () => {
  type CheckoutEntry = { createCheckoutClient: () => { getOrderForm: (options: { orderFormId: string }) => Promise<unknown> } }
  const keysUnder = (conditions: string[], format: 'import' | 'require') => exportsOf('vtex-session-react/checkout', conditions, format)

  it.each(['import', 'require'] as const)('gives client code the hooks and server components the framework-free part (%s)', (format) => {
    expect(keysUnder([], format)).toEqual(expect.arrayContaining(['CartSync', 'useOrderForm', 'useDeliveryPromise', 'useCatalogParams', 'catalogParamsOf', 'createCheckoutClient']))
    const server = keysUnder(['react-server'], format)
    expect(server).toEqual(expect.arrayContaining(['catalogParamsOf', 'createCheckoutClient', 'parseFacets']))
    expect(server).not.toContain('useOrderForm')
    expect(readFileSync('dist/checkout/index.js', 'utf8').startsWith("'use client';")).toBe(true)
    expect(readFileSync('dist/checkout/index.react-server.js', 'utf8')).not.toContain('use client')
  })

  it("reaches the main entry's provider (one context, not a bundled copy) and fails with the main entry's SessionError", async () => {
    const React = await import('react')
    const { renderToString } = await import('react-dom/server')
    const { QueryClient, QueryClientProvider } = await import('@tanstack/react-query')
    type Main = ErrorEntry & { SessionProvider: React.ComponentType<{ initialSession: unknown; children?: React.ReactNode }> }
    const main = await importEntry<Main>('vtex-session-react')
    const checkout = await importEntry<CheckoutEntry & { useOrderForm: () => { isLoading: boolean } }>('vtex-session-react/checkout')
    function Probe() {
      return React.createElement('p', null, checkout.useOrderForm().isLoading ? 'cart loading' : 'cart')
    }
    const session = { id: 's', namespaces: {} }
    const html = renderToString(
      React.createElement(QueryClientProvider, { client: new QueryClient() }, React.createElement(main.SessionProvider, { initialSession: session }, React.createElement(Probe))),
    )
    expect(html).toContain('cart loading')
    const failure = await checkout.createCheckoutClient().getOrderForm({ orderFormId: '../sessions' }).catch((error: unknown) => error)
    expect(main.isSessionError(failure)).toBe(true)
  })
})

describe('the /search entry', () => {
  const keysUnder = (conditions: string[], format: 'import' | 'require') => exportsOf('vtex-session-react/search', conditions, format)

  it.each(['import', 'require'] as const)('gives client code the hooks and servers the framework-free part (%s)', (format) => {
    expect(keysUnder([], format)).toEqual(expect.arrayContaining(['useProductSearch', 'useProduct', 'useSearchContext', 'searchContextOf', 'createSearchClient', 'productSearchOptions']))
    const server = keysUnder(['react-server'], format)
    expect(server).toEqual(expect.arrayContaining(['searchContextOf', 'searchQueryOf', 'createSearchClient', 'productSearchOptions', 'productOptions', 'searchKeysFor']))
    expect(server).not.toContain('useProductSearch')
    expect(readFileSync('dist/search/index.js', 'utf8').startsWith("'use client';")).toBe(true)
    expect(readFileSync('dist/search/index.react-server.js', 'utf8')).not.toContain('use client')
  })

  it("server-renders a listing through the main entry's provider, and fails with the main entry's SessionError", async () => {
    const React = await import('react')
    const { renderToString } = await import('react-dom/server')
    const { QueryClient, QueryClientProvider } = await import('@tanstack/react-query')
    type Main = ErrorEntry & { SessionProvider: React.ComponentType<{ initialSession: unknown; children?: React.ReactNode }> }
    type SearchEntry = {
      useProductSearch: () => { isLoading: boolean }
      createSearchClient: () => { productSearch: (input: { context: unknown }) => Promise<unknown> }
    }
    const main = await importEntry<Main>('vtex-session-react')
    const search = await importEntry<SearchEntry>('vtex-session-react/search')
    function Probe() {
      return React.createElement('p', null, search.useProductSearch().isLoading ? 'products loading' : 'products')
    }
    const html = renderToString(
      React.createElement(QueryClientProvider, { client: new QueryClient() }, React.createElement(main.SessionProvider, { initialSession: { id: 's', namespaces: {} } }, React.createElement(Probe))),
    )
    expect(html).toContain('products loading')
    const failure = await search.createSearchClient().productSearch({ context: undefined }).catch((error: unknown) => error)
    expect(main.isSessionError(failure)).toBe(true)
  })
})
