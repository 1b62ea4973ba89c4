// Entry `vtex-session-react/search` (built with a 'use client' banner): Intelligent Search v1
// priced for the shopper's session, and the hooks that re-price it in place.
export * from './index.react-server'
export { useSearchContext } from './react/useSearchContext'
export { useSearchClient } from './react/useSearchClient'
export { useProductSearch } from './react/useProductSearch'
export type { UseProductSearchInput, UseProductSearchResult } from './react/useProductSearch'
export { useProduct } from './react/useProduct'
export type { UseProductInput, UseProductResult } from './react/useProduct'
export type { SearchResult } from './react/searchResult'
