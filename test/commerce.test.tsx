import { useQuery } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import {
  useCampaigns,
  useLocale,
  usePriceTables,
  usePublicField,
  useSalesChannel,
  useSegmentKey,
  useSession,
  type SessionError,
} from '../src/index'
import { createSessionManagerMock } from '../src/testing/index'
import { createWrapper, mock, server, sessionRequests } from './harness'

/** Prices keyed by the segment, counting fetches: the storefront's re-pricing. */
function usePricesCount(fetches: string[]) {
  const segmentKey = useSegmentKey()
  useQuery({ queryKey: ['prices', segmentKey], queryFn: () => fetches.push(segmentKey ?? ''), enabled: segmentKey !== undefined })
}

async function errorOf(write: () => Promise<void>): Promise<SessionError | undefined> {
  let caught: SessionError | undefined
  await act(() => write().catch((error: SessionError) => void (caught = error)))
  return caught
}

describe('useSalesChannel and useLocale', () => {
  it('switch the sales channel in one PATCH: channel, currency and country follow, prices refetch once', async () => {
    const fetches: string[] = []
    const { result } = renderHook(() => {
      usePricesCount(fetches)
      return { channel: useSalesChannel(), locale: useLocale() }
    }, createWrapper())
    await waitFor(() => expect(fetches).toHaveLength(1))
    expect(result.current.channel).toMatchObject({ salesChannel: '1', isLoading: false, loadError: null })
    mock.reset()
    await act(() => result.current.channel.setSalesChannel('2'))
    expect(result.current.channel).toMatchObject({ salesChannel: '2', isPending: false, error: null })
    expect(result.current.locale).toMatchObject({ currencyCode: 'USD', currencySymbol: '$', countryCode: 'USA', cultureInfo: 'en-US' })
    expect(sessionRequests()[0]).toEqual({ method: 'PATCH', path: '/api/sessions', body: { public: { sc: { value: '2' } } } })
    expect(sessionRequests().length).toBeLessThanOrEqual(2)
    await waitFor(() => expect(fetches).toHaveLength(2))
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(fetches).toHaveLength(2)
  })

  it('rejects a private sales channel with the Session Manager’s 401 (anonymous) / 403 (logged in) and keeps the channel', async () => {
    const { result } = renderHook(() => ({ channel: useSalesChannel(), session: useSession() }), createWrapper())
    await waitFor(() => expect(result.current.channel.salesChannel).toBe('1'))
    expect(await errorOf(() => result.current.channel.setSalesChannel('3'))).toMatchObject({
      kind: 'http',
      status: 401,
      message: 'Sign in to shop in sales channel 3: it is for signed-in customers',
    })
    expect(result.current.channel).toMatchObject({ salesChannel: '1', error: { status: 401, message: expect.stringMatching(/^Sign in/) }, loadError: null })
    // reset() clears exactly what `error` shows.
    act(() => result.current.channel.reset())
    await waitFor(() => expect(result.current.channel.error).toBeNull())
    mock.logIn(result.current.session.data?.id ?? '', { email: 'someone@example.com' })
    expect(await errorOf(() => result.current.channel.setSalesChannel('3'))).toMatchObject({ kind: 'http', status: 403, message: 'Your account may not shop in sales channel 3' })
    expect(result.current.channel.salesChannel).toBe('1')
    expect(result.current.session.data?.namespaces.public?.sc).toBeUndefined() // the optimistic sc rolled back
  })

  it('changes the locale but not the currency, and checks both inputs before any request', async () => {
    const { result } = renderHook(() => ({ channel: useSalesChannel(), locale: useLocale() }), createWrapper())
    await waitFor(() => expect(result.current.locale.cultureInfo).toBe('pt-BR'))
    await act(() => result.current.locale.setLocale('en-US'))
    expect(result.current.locale).toMatchObject({ cultureInfo: 'en-US', currencyCode: 'BRL' })
    mock.reset()
    expect(await errorOf(() => result.current.locale.setLocale('english'))).toMatchObject({ kind: 'invalid-input' })
    expect(await errorOf(() => result.current.channel.setSalesChannel('B2B'))).toMatchObject({
      kind: 'invalid-input',
      message: 'A sales channel is a number written as a string such as "1", got "B2B"',
    })
    expect(sessionRequests()).toEqual([])
  })

  it('keeps channel and setChannel as deprecated aliases of salesChannel and setSalesChannel', async () => {
    const { result } = renderHook(() => useSalesChannel(), createWrapper())
    await waitFor(() => expect(result.current.channel).toBe('1'))
    await act(() => result.current.setChannel('2'))
    expect(result.current).toMatchObject({ salesChannel: '2', channel: '2' })
    expect(sessionRequests().filter(({ method }) => method === 'PATCH')).toEqual([{ method: 'PATCH', path: expect.stringMatching(/^\/api\/sessions/), body: { public: { sc: { value: '2' } } } }])
  })
})

describe('usePriceTables and useCampaigns', () => {
  it('tell loading and a failed load apart from an empty list', async () => {
    const { result } = renderHook(() => ({ tables: usePriceTables(), campaigns: useCampaigns() }), createWrapper())
    // Read-only hooks: the read state only (the deprecated isPending / error mirror it for one minor version).
    expect(result.current.tables).toEqual({ priceTables: [], isLoading: true, loadError: null, isPending: true, error: null })
    await waitFor(() => expect(result.current.tables.isLoading).toBe(false))
    expect(result.current.tables).toEqual({ priceTables: [], isLoading: false, loadError: null, isPending: false, error: null })
    expect(result.current.campaigns).toEqual({ campaigns: [], isLoading: false, loadError: null, isPending: false, error: null })

    mock.fail({ kind: 'http', status: 503 }, { path: '/api/sessions' })
    const failed = renderHook(() => usePriceTables(), createWrapper())
    await waitFor(() => expect(failed.result.current.loadError).toMatchObject({ name: 'SessionError', kind: 'http', status: 503 }))
    expect(failed.result.current).toMatchObject({ priceTables: [], isLoading: false })
  })

  it('read price tables from the session profile once the shopper is logged in', async () => {
    const { result } = renderHook(() => ({ tables: usePriceTables().priceTables, session: useSession(), field: usePublicField('a') }), createWrapper())
    await waitFor(() => expect(result.current.session.data).toBeDefined())
    await waitFor(() => expect(sessionRequests().map(({ path }) => path)).toContain('/api/segments'))
    expect(result.current.tables).toEqual([])
    mock.logIn(result.current.session.data?.id ?? '', { email: 'buyer@b2b.example', priceTables: ['b2b-gold', 'b2b-silver'] })
    await act(() => result.current.field[1]('refresh'))
    expect(result.current.tables).toEqual(['b2b-gold', 'b2b-silver'])
  })

  it('fall back to the segment when the session does not carry them', async () => {
    server.use(...createSessionManagerMock({ store: { priceTables: 'store-wide', campaigns: 'always-on' } }).handlers)
    const { result } = renderHook(() => ({ tables: usePriceTables().priceTables, campaigns: useCampaigns().campaigns }), createWrapper())
    await waitFor(() => expect(result.current.tables).toEqual(['store-wide']))
    expect(result.current.campaigns).toEqual(['always-on'])
  })

  it('list the Campaign Audiences a UTM value makes the session match, from rnb', async () => {
    const { result } = renderHook(() => ({ campaigns: useCampaigns().campaigns, campaign: usePublicField('utm_campaign') }), createWrapper())
    await waitFor(() => expect(sessionRequests().length).toBeGreaterThan(0))
    await act(() => result.current.campaign[1]('black-friday'))
    expect(result.current.campaigns).toEqual(['black-friday'])
    await act(() => result.current.campaign[1]('spring'))
    await waitFor(() => expect(result.current.campaigns).toEqual([]))
  })

  it('make no segment request while the session carries the list', async () => {
    const { result } = renderHook(() => ({ campaigns: useCampaigns().campaigns, campaign: usePublicField('utm_campaign') }), createWrapper())
    await waitFor(() => expect(sessionRequests().length).toBeGreaterThan(0))
    await act(() => result.current.campaign[1]('black-friday'))
    const mark = sessionRequests().length // (reset() would also forget the session)
    const later = renderHook(() => useCampaigns().campaigns, createWrapper())
    await waitFor(() => expect(later.result.current).toEqual(['black-friday']))
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(sessionRequests().slice(mark).map(({ path }) => path)).toEqual(['/api/sessions?items=*'])
  })

  it('return the same list across renders until it changes', async () => {
    const { result, rerender } = renderHook(() => ({ campaigns: useCampaigns().campaigns, campaign: usePublicField('utm_campaign') }), createWrapper())
    await waitFor(() => expect(sessionRequests().length).toBeGreaterThan(0))
    await act(() => result.current.campaign[1]('black-friday'))
    const first = result.current.campaigns
    rerender()
    expect(result.current.campaigns).toBe(first)
  })
})
