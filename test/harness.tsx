import { QueryClient, QueryClientProvider, useQuery, type DefaultOptions, type QueryKey } from '@tanstack/react-query'
import { render, type RenderResult } from '@testing-library/react'
import { http } from 'msw'
import { setupServer } from 'msw/node'
import { StrictMode, type ReactNode } from 'react'
import { SessionProvider, useSegmentKey, type SessionProviderProps } from '../src/index'
import { createSessionManagerMock, demoPricesRoute } from '../src/testing/index'

/** One emulator and one msw server per test file; `test/setup.ts` starts, resets and stops them. */
export const mock = createSessionManagerMock({ routes: [demoPricesRoute] })
export const server = setupServer(...mock.handlers)

export const sessionRequests = () => mock.requests.filter((request) => request.path.startsWith('/api/'))

const testQueryClients = new Set<QueryClient>()

/** A QueryClient as a test wants it: no retries (unless `queries` says), so a fault shows at once. Cleared after each test. */
export function createTestQueryClient(queries: DefaultOptions['queries'] = {}): QueryClient {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, ...queries }, mutations: { retry: false } } })
  testQueryClients.add(queryClient)
  return queryClient
}

/** Forgets what every test QueryClient cached: a tab listens to the others while its cache holds a session. */
export function clearTestQueryClients(): void {
  testQueryClients.forEach((queryClient) => queryClient.clear())
  testQueryClients.clear()
}

export interface RenderOptions extends Omit<SessionProviderProps, 'children' | 'queryClient'> {
  queryClient?: QueryClient
  strict?: boolean
}

export function renderWithSession(ui: ReactNode, options: RenderOptions = {}): RenderResult & { queryClient: QueryClient } {
  const { queryClient = createTestQueryClient(), strict = false, ...providerProps } = options
  const tree = (
    <QueryClientProvider client={queryClient}>
      <SessionProvider {...providerProps}>{ui}</SessionProvider>
    </QueryClientProvider>
  )
  return { ...render(strict ? <StrictMode>{tree}</StrictMode> : tree), queryClient }
}

export type { QueryKey }

/** For `renderHook`: the same tree as `renderWithSession`, and the QueryClient it uses. */
export function createWrapper(options: RenderOptions = {}) {
  const { queryClient = createTestQueryClient(), strict = false, ...providerProps } = options
  function Wrapper({ children }: { children: ReactNode }) {
    const tree = (
      <QueryClientProvider client={queryClient}>
        <SessionProvider {...providerProps}>{children}</SessionProvider>
      </QueryClientProvider>
    )
    return strict ? <StrictMode>{tree}</StrictMode> : tree
  }
  return { wrapper: Wrapper, queryClient }
}

/**
 * Holds the next request of this method to /api/sessions until `release()` (the emulator answers
 * it then): the test decides which answer lands first. `arrived`: the request was made.
 */
export function holdNextSessionRequest(method: 'get' | 'patch') {
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  const hold = { arrived: false, release }
  server.use(
    http[method](
      '*/api/sessions',
      async () => {
        hold.arrived = true
        await held
      },
      { once: true },
    ),
  )
  return hold
}

/** Collects unhandled promise rejections while a test runs. */
export function trackUnhandledRejections() {
  const reasons: unknown[] = []
  const listener = (reason: unknown) => reasons.push(reason)
  process.on('unhandledRejection', listener)
  return { reasons, stop: () => process.off('unhandledRejection', listener) }
}

/** A storefront's price query keyed by the segment: pushes the segment key into `fetches` on each fetch. */
export function usePricesPerSegment(fetches: string[]) {
  const segmentKey = useSegmentKey()
  return useQuery({
    queryKey: ['prices', segmentKey],
    queryFn: () => {
      fetches.push(segmentKey ?? '')
      return { price: 10 }
    },
    enabled: segmentKey !== undefined,
  })
}
