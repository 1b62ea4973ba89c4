import { dehydrate, HydrationBoundary, QueryClientProvider, type DehydratedState, type QueryClient } from '@tanstack/react-query'
import { act } from '@testing-library/react'
import { StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import { createSessionClient, regionPolicy, SessionProvider, sharedPages, useLocale, useRegionGate, useSegment, useSegmentKey, type RegionPolicy } from '../src/index'
import { fillPageCache, pageSegmentOf } from '../src/server/index'
import { useSearchContext } from '../src/search/index'
import { createTestQueryClient, mock } from './harness'

function Page() {
  const { currencyCode } = useLocale()
  const segment = useSegment().data
  const { ready, status } = useRegionGate()
  const context = useSearchContext()
  const key = useSegmentKey()
  return <p>{`${currencyCode}|${segment?.channel}|${ready}/${status}|${context?.params.sc}|${key ?? '-'}`}</p>
}

const tree = (queryClient: QueryClient, state: DehydratedState, region?: RegionPolicy) => (
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <HydrationBoundary state={state}>
        <SessionProvider region={region} sharedPages={sharedPages}>
          <Page />
        </SessionProvider>
      </HydrationBoundary>
    </QueryClientProvider>
  </StrictMode>
)

describe('a shared page: the server render and the first client render agree', () => {
  for (const [name, region] of [['no policy', undefined], ['regionPolicy()', regionPolicy()], ['regionPolicy({ required: true })', regionPolicy({ required: true })]] as const) {
    it(`hydrates without a mismatch (${name})`, async () => {
      const page = pageSegmentOf(await createSessionClient().getSegment())
      const server = createTestQueryClient()
      fillPageCache(server, { kind: 'shared', segment: page })
      const state = dehydrate(server)
      const html = renderToString(tree(server, state, region))
      const container = document.createElement('div')
      container.innerHTML = html
      document.body.appendChild(container)
      const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
      const recoverable: unknown[] = []
      mock.setLatency(() => 100)
      await act(async () => {
        hydrateRoot(container, tree(createTestQueryClient(), state, region), { onRecoverableError: (e) => recoverable.push(e) })
      })
      const afterHydration = container.textContent
      errors.mockRestore()
      expect({ html: html.replace(/<[^>]+>/g, ''), recoverable, errors: errors.mock.calls.length }).toEqual({ html: afterHydration, recoverable: [], errors: 0 })
    })
  }
})
