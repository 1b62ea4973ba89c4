// Entry `vtex-session-react/search` under the `react-server` condition: the framework-free part
// (no 'use client'), so a server component or loader can prefetch a search for the shopper.
export { searchContextOf, searchPathOf, searchQueryOf } from './searchContext'
export type { SearchContext, SearchEndpoint } from './searchContext'
export { createSearchClient } from './createSearchClient'
export type { ProductField, ProductInput, ProductSearchInput, SearchAnswer, SearchClient, SearchScope, SelectedFacet } from './createSearchClient'
export { facetsSchema, pickupPointAvailabilitySchema, productSchema, productSearchSchema } from './searchSchemas'
export type { PickupPointAvailability, ProductSearchResult, SearchFacets, SearchProduct } from './searchSchemas'
export { freshnessOf, productOptions, productSearchOptions, searchKeysFor } from './searchQueries'
export type { SearchKeySettings, SearchQueryOptions } from './searchQueries'
