// Entry `vtex-session-react/checkout` (framework-free so far): catalog and search parameters from
// the session, and the delivery promise's `public.facets` text. Outside the core size budget.
export { catalogParamsOf } from './catalogParams'
export type { CatalogParams } from './catalogParams'
export { deliveryPromiseOf, facetsTextOf, formatFacets, parseFacets, withFacet } from './deliveryFacets'
export type { DeliveryPromise, FacetEntries } from './deliveryFacets'
