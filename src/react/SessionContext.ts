import type { QueryClient } from '@tanstack/react-query'
import { createContext, useContext } from 'react'
import type { SessionRuntime } from '../runtime/createSessionRuntime'
import type { segmentQueryOptions, sessionQueryOptions } from './queryOptions'
import type { Segment } from '../core/types'
import type { RegionPolicy } from './regionPolicy'
import type { SharedPages } from './sharedPages'

export interface SessionContextValue {
  queryClient: QueryClient
  /** Shared by every provider on this QueryClient and origin. */
  runtime: SessionRuntime
  /** The provider's region policy, if any (`useRegionGate` reads it). */
  region: RegionPolicy | undefined
  /** The provider's shared-page support, and the segment a shared page was priced with (if this page is one). */
  sharedPages: SharedPages | undefined
  pageSegment: Segment | undefined
  /** Built once by the provider (its staleTime, focus policy, first load): every hook reads through them. */
  sessionOptions: ReturnType<typeof sessionQueryOptions>
  segmentOptions: ReturnType<typeof segmentQueryOptions>
}

export const SessionContext = createContext<SessionContextValue | null>(null)

/** The provider's cache and session runtime; `hookName` makes the error say who asked. */
export function useSessionContext(hookName: string): SessionContextValue {
  const value = useContext(SessionContext)
  if (value === null) {
    throw new Error(process.env.NODE_ENV !== 'production' ? `${hookName} must be used within <SessionProvider> (inside a <QueryClientProvider>)` : `${hookName} must be used within <SessionProvider>`)
  }
  return value
}
