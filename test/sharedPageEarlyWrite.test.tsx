import { dehydrate, HydrationBoundary, QueryClientProvider, type DehydratedState } from '@tanstack/react-query'
import { act, render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createSessionClient, SessionProvider, sharedPages, useLocale, usePublicField, useSegment } from '../src/index'
import { fillPageCache, pageSegmentOf } from '../src/server/index'
import { createTestQueryClient, mock } from './harness'

describe('a shared page: a write before the session is read', () => {
  it('setting the sales channel before the first load settles, and no render mixes the page’s segment with the written session', async () => {
    const page = pageSegmentOf(await createSessionClient().getSegment())
    const server = createTestQueryClient()
    fillPageCache(server, { kind: 'shared', segment: page })
    const state: DehydratedState = dehydrate(server)
    let set!: (value: string) => Promise<unknown>
    const mixed: string[] = []
    function Page() {
      const field = usePublicField('sc')
      set = field[1] as never
      const { currencyCode } = useLocale()
      const segment = useSegment().data
      if (segment && currencyCode && segment.currencyCode !== currencyCode) mixed.push(`${currencyCode} beside ${segment.currencyCode}`)
      return null
    }
    mock.setLatency(({ path }) => (path.startsWith('/api/segments') ? 100 : 30))
    render(
      <QueryClientProvider client={createTestQueryClient()}>
        <HydrationBoundary state={state}>
          <SessionProvider sharedPages={sharedPages}>
            <Page />
          </SessionProvider>
        </HydrationBoundary>
      </QueryClientProvider>,
    )
    let settled = false
    await act(async () => {
      void set('2').then(() => (settled = true), () => (settled = true))
      await new Promise((r) => setTimeout(r, 600))
    })
    expect(settled).toBe(true)
    expect(mixed).toEqual([])
  })
})
