import type * as z from 'zod/mini'
import { requestJson, toRequestSettings, type RequestOptions, type RequestSettings } from '../core/request'
import { SessionError } from '../core/SessionError'
import { isPathSegment, searchPathOf, searchQueryOf, type SearchContext, type SearchEndpoint } from './searchContext'
import {
  facetsSchema,
  pickupPointAvailabilitySchema,
  productSchema,
  productSearchSchema,
  type PickupPointAvailability,
  type ProductSearchResult,
  type SearchFacets,
  type SearchProduct,
} from './searchSchemas'

// Endpoints: VTEX, "Migrating to Intelligent Search API v1"
// (https://developers.vtex.com/docs/guides/migrating-to-intelligent-search-api-v1).
const BASE = '/api/intelligent-search/v1'

/** An answer and how long it may be reused: v1 answers carry `Cache-Control`, to be read, never assumed. */
export interface SearchAnswer<T> {
  data: T
  /** The answer's `Cache-Control` header (`null` when it has none: not cacheable as such). */
  cacheControl: string | null
}

/** A facet the shopper chose (`brand` = `acme`): a path facet after the context's own. */
export interface SelectedFacet {
  key: string
  value: string
}

/** What a search is over: the shopper's context, a text and the facets chosen. */
export interface SearchScope extends RequestOptions {
  /** The shopper's context (`searchContextOf(segment)`): without it, v1 answers the store's default prices. */
  context: SearchContext
  query?: string
  facets?: readonly SelectedFacet[]
}

export interface ProductSearchInput extends SearchScope {
  /** From 1. */
  page?: number
  /** Products per page. */
  count?: number
  sort?: string
}

export type ProductField = 'id' | 'slug' | 'ean' | 'sku' | 'reference'
const PRODUCT_FIELDS: readonly ProductField[] = ['id', 'slug', 'ean', 'sku', 'reference']

export interface ProductInput extends RequestOptions {
  context: SearchContext
  field: ProductField
  value: string
}

export interface SearchClient {
  readonly baseUrl: string
  /** `GET /api/intelligent-search/v1/product-search/{facets}?…`: a page of products, priced for the context. */
  productSearch(input: ProductSearchInput): Promise<SearchAnswer<ProductSearchResult>>
  /** `GET /api/intelligent-search/v1/products?field=…&value=…`: one product (a product page), priced for the context. */
  product(input: ProductInput): Promise<SearchAnswer<SearchProduct>>
  /** `GET /api/intelligent-search/v1/facets/{facets}?…`: the filters a search offers. */
  facets(input: SearchScope): Promise<SearchAnswer<SearchFacets>>
  /** `GET /api/intelligent-search/v1/pickup-point-availability/{facets}?…`: pickup points near the context's place that hold the products (the chosen facets only in the path). */
  pickupPointAvailability(input: Omit<SearchScope, 'query'>): Promise<SearchAnswer<PickupPointAvailability>>
}

const invalid = (message: string) => new SessionError('invalid-input', message)

function checkPositiveInteger(name: string, value: unknown): void {
  if (value !== undefined && !(Number.isInteger(value) && (value as number) >= 1)) throw invalid(`${name} must be a whole number from 1, got ${JSON.stringify(value)}`)
}

/**
 * A facet goes into the path: a key or value with "/" would be read as another facet, and "." or
 * ".." as a dot segment, which a URL resolves out of the search path (to `/api/sessions`, say).
 */
function facetPath(facets: readonly SelectedFacet[]): string[] {
  if (!Array.isArray(facets)) throw invalid(`facets must be a list of { key, value }, got ${JSON.stringify(facets)}`)
  return facets.flatMap((facet) => {
    const { key, value } = (facet ?? {}) as Partial<SelectedFacet>
    if (typeof key !== 'string' || typeof value !== 'string' || !isPathSegment(key) || !isPathSegment(value)) {
      throw invalid(`A facet is { key, value }, non-empty texts without "/" and not "." or "..", got ${JSON.stringify(facet)}`)
    }
    return [encodeURIComponent(key), encodeURIComponent(value)]
  })
}

function checkContext(context: unknown): SearchContext {
  const candidate = context as Partial<SearchContext> | undefined
  if (typeof candidate?.facets !== 'string' || typeof candidate.params !== 'object' || candidate.params === null) {
    throw invalid('A search needs the shopper context: pass context: searchContextOf(segment)')
  }
  return candidate as SearchContext
}

/** The request's own parameters first, then the context's: one fixed order, so equal requests are one URL. */
function queryOf(own: Record<string, string | number | undefined>, context: SearchContext, endpoint: SearchEndpoint): string {
  const query = new URLSearchParams()
  for (const [name, value] of Object.entries(own)) if (value !== undefined && value !== '') query.set(name, String(value))
  const contextQuery = searchQueryOf(context, endpoint)
  return [query.toString(), contextQuery].filter(Boolean).join('&')
}

/**
 * A framework-free client for Intelligent Search v1 on the same request settings as the session
 * (`createSearchClient(sessionClient.settings)`), without cookies: v1 reads none. Input is checked
 * before any request; every failure is a `SessionError`; every answer is validated and comes with
 * its `Cache-Control`.
 */
export function createSearchClient(options: Partial<RequestSettings> = {}): SearchClient {
  const base = toRequestSettings(options)
  // v1 reads no cookie: sending the shopper's cookies (a browser's, or a server's forwarded
  // `cookie` header) would only make answers private to a CDN, or fail CORS on another origin.
  const headers = Object.fromEntries(Object.entries(base.headers).filter(([name]) => name.toLowerCase() !== 'cookie'))
  const settings: RequestSettings = { ...base, headers, fetch: (input, init) => base.fetch(input, { ...init, credentials: 'omit' }) }

  async function get<T>(path: string, schema: z.ZodMiniType<T>, what: string, requestOptions: RequestOptions): Promise<SearchAnswer<T>> {
    let cacheControl: string | null = null
    const data = await requestJson(settings, 'GET', path, schema, what, {
      signal: requestOptions.signal,
      source: 'Intelligent Search',
      onAnswer: (response) => (cacheControl = response.headers.get('cache-control')),
    })
    return { data, cacheControl }
  }

  /** The URL of a search endpoint: the context's facets it takes then the chosen ones, the own parameters then the context's. */
  function scopedPath(endpoint: SearchEndpoint, input: SearchScope, own: Record<string, string | number | undefined>): string {
    const context = checkContext(input?.context)
    if (input.query !== undefined && typeof input.query !== 'string') throw invalid(`query must be a text, got ${JSON.stringify(input.query)}`)
    const path = [searchPathOf(context, endpoint), ...facetPath(input.facets ?? [])].filter(Boolean).join('/')
    // No trailing slash without facets: servers that normalize slashes (Next.js) would redirect it.
    return `${BASE}/${endpoint}${path ? `/${path}` : ''}?${queryOf({ query: input.query, ...own }, context, endpoint)}`
  }

  return {
    baseUrl: settings.baseUrl,
    async productSearch(input) {
      checkContext(input?.context)
      checkPositiveInteger('page', input.page)
      checkPositiveInteger('count', input.count)
      if (input.sort !== undefined && typeof input.sort !== 'string') throw invalid(`sort must be a text, got ${JSON.stringify(input.sort)}`)
      const path = scopedPath('product-search', input, { page: input.page, count: input.count, sort: input.sort })
      return get(path, productSearchSchema, 'product search answer', input)
    },
    async facets(input) {
      return get(scopedPath('facets', input, {}), facetsSchema, 'facets answer', input)
    },
    async pickupPointAvailability(input) {
      return get(scopedPath('pickup-point-availability', { ...input, query: undefined }, {}), pickupPointAvailabilitySchema, 'pickup point availability', input)
    },
    async product(input) {
      const context = checkContext(input?.context)
      if (!PRODUCT_FIELDS.includes(input.field)) throw invalid(`field must be one of ${PRODUCT_FIELDS.join(', ')}, got ${JSON.stringify(input.field)}`)
      if (typeof input.value !== 'string' || input.value.trim() === '') throw invalid(`value must be a non-empty text, got ${JSON.stringify(input.value)}`)
      const query = queryOf({ field: input.field, value: input.value }, context, 'products')
      return get(`${BASE}/products?${query}`, productSchema, 'product', input)
    },
  }
}
