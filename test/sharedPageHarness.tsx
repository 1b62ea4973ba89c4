import { HydrationBoundary, QueryClientProvider, type DehydratedState, type QueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { SessionProvider, sharedPages, type SessionProviderProps } from '../src/index'
import { createTestQueryClient } from './harness'

/** The browser of a shared page: a QueryClient of its own, the page's dehydrated state, a provider with `sharedPages`. */
export function Browser({ state, children, queryClient = createTestQueryClient(), ...props }: { state: DehydratedState; children: ReactNode; queryClient?: QueryClient } & Omit<SessionProviderProps, 'children'>) {
  return (
    <QueryClientProvider client={queryClient}>
      <HydrationBoundary state={state}>
        <SessionProvider sharedPages={sharedPages} {...props}>
          {children}
        </SessionProvider>
      </HydrationBoundary>
    </QueryClientProvider>
  )
}
