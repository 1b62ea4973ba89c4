import { useMemo } from 'react'
import { useSessionSource } from 'vtex-session-react'
import { createSearchClient, type SearchClient } from '../createSearchClient'

/** The app's own client, else one on the provider's request settings (origin, fetch, headers, timeout). */
export function useSearchClient(own?: SearchClient): SearchClient {
  const { client } = useSessionSource()
  const settings = client.settings
  const baseUrl = client.baseUrl
  return useMemo(() => own ?? createSearchClient(settings ?? { baseUrl }), [own, settings, baseUrl])
}
