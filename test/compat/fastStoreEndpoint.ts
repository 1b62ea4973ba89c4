import { createRequire } from 'node:module'
import type { ExecutionResult } from 'graphql'

/** The account the FastStore store is configured with; its Session Manager is the emulator. */
export const FASTSTORE_ACCOUNT = 'storefront'
const STORE_ORIGIN = `https://${FASTSTORE_ACCOUNT}.vtexcommercestable.com.br`
/** FastStore's own channel default: trade policy 1, no region yet. */
export const FASTSTORE_CHANNEL = JSON.stringify({ salesChannel: '1', regionId: '' })

export interface FastStoreEndpointOptions {
  locale: string
  /** Each request FastStore sent to the store, as `METHOD /path?query`. */
  record(line: string): void
  /** Each request to any other host (refused). */
  refuse?(url: string): void
}

/**
 * A FastStore store's `/api/graphql`, in-process: the real `@faststore/api` schema and resolvers,
 * built once as a store builds them at start, with a context per request. FastStore builds
 * https://{account}.vtexcommercestable.com.br URLs and binds `globalThis.fetch` when first
 * imported, so a fetch installed before points only that origin at the emulator; the caller's
 * own requests to the emulator pass, and any other host is refused.
 */
export async function startFastStoreEndpoint(emulatorUrl: string, options: FastStoreEndpointOptions) {
  const realFetch = globalThis.fetch
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    if (url.origin === emulatorUrl) return realFetch(input, init)
    if (url.origin !== STORE_ORIGIN) {
      options.refuse?.(url.href)
      return Promise.reject(new TypeError(`refused: ${url.origin} is not the store`))
    }
    options.record(`${init?.method ?? 'GET'} ${url.pathname}${decodeURIComponent(url.search)}`)
    return realFetch(`${emulatorUrl}${url.pathname}${url.search}`, init)
  }) as typeof fetch
  const faststore = await import('@faststore/api')
  // The CommonJS build, as the schema tools inside @faststore/api load it (one graphql instance).
  const graphql = createRequire(import.meta.url)('graphql') as typeof import('graphql')
  const schema = faststore.GraphqlVtexSchema()
  // The store's own defaults, as a FastStore store configures them.
  const contextFor = await faststore.GraphqlVtexContextFactory({
    platform: 'vtex',
    account: FASTSTORE_ACCOUNT,
    environment: 'vtexcommercestable',
    subDomainPrefix: [],
    channel: FASTSTORE_CHANNEL,
    locale: options.locale,
    hideUnavailableItems: false,
    showSponsored: false,
    incrementAddress: false,
  })
  const documents = new Map<string, ReturnType<typeof graphql.parse>>()
  return {
    /** One `/api/graphql` request from a shopper holding `cookie`. */
    execute(document: string, variableValues: Record<string, unknown>, cookie = ''): Promise<ExecutionResult> {
      if (!documents.has(document)) documents.set(document, graphql.parse(document))
      return Promise.resolve(
        graphql.execute({ schema, document: documents.get(document)!, variableValues, contextValue: contextFor({ headers: { cookie } } as never) }),
      )
    },
  }
}
