import { hashKey, type QueryKey, type UseQueryResult } from '@tanstack/react-query'
import { useState } from 'react'

/**
 * The answer that stood in for a query while it loaded (its `placeholderData`: the previous
 * context's), once that load has failed. React Query drops a stand-in when the fetch fails, and
 * the contract keeps the last good value on screen beside the error. Remembered with the key it
 * stood in for, so it never shows for another query (another product).
 */
export function useStandIn<T>(queryKey: QueryKey, query: UseQueryResult<T, unknown>): T | undefined {
  const key = hashKey(queryKey)
  const [standIn, setStandIn] = useState<{ key: string; data: T } | undefined>(undefined)
  // Set during render, and only when a new stand-in shows (once per re-price): it is kept for
  // the render that finds the load failed.
  if (query.isPlaceholderData && (standIn?.key !== key || standIn.data !== query.data)) setStandIn({ key, data: query.data as T })
  return query.status === 'error' && query.data === undefined && standIn?.key === key ? standIn.data : undefined
}
