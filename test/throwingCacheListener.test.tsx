import { act, renderHook, waitFor } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { sessionKeys, usePublicField, useRegion } from '../src/index'
import { createWrapper, mock, server, trackUnhandledRejections } from './harness'

const settledWithin = <T,>(promise: Promise<T>, ms: number) =>
  Promise.race([promise.then(() => 'settled', () => 'settled'), new Promise<string>((resolve) => setTimeout(() => resolve('still pending'), ms))])

describe('no write hangs, whatever a cache listener does', () => {
  it('an app cache listener that throws once while a refused merged PATCH settles: every caller is still answered', async () => {
    const unhandled = trackUnhandledRejections()
    const { result, queryClient } = (() => {
      const { wrapper, queryClient } = createWrapper()
      return { ...renderHook(() => ({ campaign: usePublicField('utm_campaign'), source: usePublicField('utm_source'), region: useRegion() }), { wrapper }), queryClient }
    })()
    await waitFor(() => expect(result.current.region.isLoading).toBe(false))
    // The app's own listener (analytics, a persister) fails once, on the session update after the refusal.
    let armed = false
    queryClient.getQueryCache().subscribe((event) => {
      if (armed && event.type === 'updated' && event.query.queryHash === JSON.stringify(sessionKeys.session)) {
        armed = false
        throw new Error('listener failed')
      }
    })
    // The merged PATCH (campaign + source) is refused as a whole; each alone would be taken.
    server.use(
      http.patch('/api/sessions', async ({ request, cookies }) => {
        const body = await request.clone().text()
        if (body.includes('utm_campaign') && body.includes('utm_source')) {
          armed = true
          return HttpResponse.json({ error: { message: 'refused together' } }, { status: 400 })
        }
        return mock.respond(request, cookies)
      }),
    )
    let first!: Promise<void>
    let campaign!: Promise<void>
    let source!: Promise<void>
    act(() => {
      first = result.current.region.setRegion({ country: 'BRA', postalCode: '22071-900' })
      campaign = result.current.campaign[1]('winter')
      source = result.current.source[1]('newsletter')
    })
    await act(() => first.catch(() => {}))
    const outcomes = await act(() => Promise.all([settledWithin(campaign, 500), settledWithin(source, 500)]))
    // And the shopper's next write, long after.
    const later = await act(() => settledWithin(result.current.region.setRegion({ country: 'BRA', postalCode: '01310-100' }), 500))
    unhandled.stop()
    expect({ campaign: outcomes[0], source: outcomes[1], later, spinner: result.current.campaign[2].isPending }).toEqual({
      campaign: 'settled',
      source: 'settled',
      later: 'settled',
      spinner: false,
    })
  })
})
