import type { QueryClient } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useSessionSource, type SessionError } from 'vtex-session-react'

/** A request that failed for what it asked (a 4xx, bad input, an answer that breaks the schema) fails the same way again. */
const isRetryable = (error: SessionError) => error.kind === 'network' || (error.kind === 'http' && (error.status ?? 0) >= 500)

type Retry = NonNullable<NonNullable<ReturnType<QueryClient['getDefaultOptions']>['queries']>['retry']>

/** React Query's default: three retries. */
const DEFAULT_RETRIES = 3

/**
 * The app's own retry setting (its QueryClient's default, else React Query's three), for the
 * failures a retry can mend only (network, 5xx): a "product not found" or an unknown postal code
 * shows at once instead of after the retries. Shared by the search and checkout hooks. The
 * provider's QueryClient, which may be passed to it with no QueryClientProvider around.
 */
export function useTransientRetry(): (failureCount: number, error: SessionError) => boolean {
  const own = useSessionSource().queryClient.getDefaultOptions().queries?.retry as Retry | undefined
  return useMemo(
    () => (failureCount: number, error: SessionError) => {
      if (!isRetryable(error)) return false
      if (typeof own === 'function') return own(failureCount, error)
      if (typeof own === 'boolean') return own
      return failureCount < (own ?? DEFAULT_RETRIES)
    },
    [own],
  )
}
