import type { QueryClient } from '@tanstack/react-query'
import type { Segment, Session } from 'vtex-session-react'
import { createCheckoutClient, placeOf, postalCodeAddressQuery } from 'vtex-session-react/checkout'
import { createSearchClient, productSearchOptions, searchContextOf } from 'vtex-session-react/search'
import { catalogPage } from '../../stories/examples/catalogPage'

/**
 * What the storefront shows first, fetched on the server: the first catalog page priced for the
 * segment (its URL carries the whole context, so pages of equal segments ask the same URL) and, on
 * a personal page, the name of the shopper's place. A shared page has no session: its place and
 * cart arrive from the browser's own requests. Keyed for the browser's provider, which talks to
 * the page's own origin (`''`), so the browser asks for none of it again.
 */
export async function prefetchStorefront(queryClient: QueryClient, { session, segment }: { session?: Session; segment: Segment }, baseUrl: string): Promise<void> {
  const forTheBrowser = { providerBaseUrl: '' }
  const search = createSearchClient({ baseUrl })
  // The place's name is a label: a slow Checkout API must not hold the first HTML for long (the browser asks then).
  const checkout = createCheckoutClient({ baseUrl, timeoutMs: 2_000 })
  const place = session && placeOf(session)
  await Promise.all([
    queryClient.prefetchQuery(productSearchOptions(search, { ...catalogPage, context: searchContextOf(segment, session) }, forTheBrowser)),
    place?.postalCode ? queryClient.prefetchQuery(postalCodeAddressQuery(checkout, place, forTheBrowser)) : undefined,
  ])
}
