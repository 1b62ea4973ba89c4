import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createSessionClient,
  sessionKeys,
  useCampaigns,
  usePublicField,
  useSegment,
  useSession,
  utmCapture,
  utmFieldsOf,
  type Session,
} from '../src/index'
import { createTestQueryClient, createWrapper, mock, sessionRequests, usePricesPerSegment, type RenderOptions } from './harness'

const LANDING = '/?utm_source=newsletter&utm_campaign=black-friday&page=2'
const UTM_BODY = { public: { utm_source: { value: 'newsletter' }, utm_campaign: { value: 'black-friday' } } }

const landOn = (url: string) => window.history.replaceState(null, '', url)
afterEach(() => landOn('/'))

const requestsSince = (mark: number) => sessionRequests().slice(mark)
const requestLines = (mark = 0) => requestsSince(mark).map(({ method, path }) => `${method} ${path}`)

/** A landing page: the campaign field, the audiences, and a price query per segment. */
function useLandingPage(priceFetches: string[]) {
  const session = useSession()
  const [campaign] = usePublicField('utm_campaign')
  usePricesPerSegment(priceFetches)
  return { session, campaign, campaigns: useCampaigns().campaigns, segment: useSegment() }
}

function renderLandingPage(options: RenderOptions) {
  const priceFetches: string[] = []
  const { wrapper, queryClient } = createWrapper({ captureUtm: utmCapture, strict: true, ...options })
  return { ...renderHook(() => useLandingPage(priceFetches), { wrapper }), priceFetches, queryClient }
}

describe('<SessionProvider captureUtm>', () => {
  it('makes the first load one PATCH ?items=* carrying the URL’s UTM values, under StrictMode; the segment is read after it', async () => {
    landOn(LANDING)
    const { result, priceFetches } = renderLandingPage({})
    await waitFor(() => expect(priceFetches).toHaveLength(1))
    expect(result.current.campaign).toBe('black-friday')
    expect(requestLines()).toEqual(['PATCH /api/sessions?items=*', 'GET /api/segments'])
    expect(sessionRequests()[0]?.body).toEqual(UTM_BODY)
    // The segment and the prices are those of the campaign audience the values matched.
    expect(result.current.segment.data?.campaigns).toContain('black-friday')
    expect(priceFetches[0]).toContain('black-friday')
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(priceFetches).toHaveLength(1)
  })

  it('never resends them on a later refetch, even when the session no longer holds them', async () => {
    landOn(LANDING)
    const { result, queryClient } = renderLandingPage({})
    await waitFor(() => expect(result.current.campaign).toBe('black-friday'))
    // Another tab (another landing) changed the campaign on the server since.
    await createSessionClient().editSession({ utm_campaign: 'spring' })
    const mark = sessionRequests().length
    // The first refetch brings 'spring' into the cache; the second must not "restore" the URL's value.
    await act(() => queryClient.refetchQueries({ queryKey: sessionKeys.session }))
    expect(result.current.campaign).toBe('spring')
    await act(() => queryClient.refetchQueries({ queryKey: sessionKeys.session }))
    expect(requestLines(mark)).toEqual(['GET /api/sessions?items=*', 'GET /api/sessions?items=*'])
    expect(result.current.campaign).toBe('spring')
    // Nor does the session count as stale for lacking them: a new reader mounts without a request.
    renderHook(() => useSession(), { wrapper: createWrapper({ captureUtm: utmCapture, queryClient }).wrapper })
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(requestLines(mark)).toHaveLength(2)
  })

  it('loads with a plain GET when the URL has no UTM value', async () => {
    landOn('/?page=2&utm_term=shoes')
    const { result } = renderLandingPage({})
    await waitFor(() => expect(result.current.session.isSuccess).toBe(true))
    await waitFor(() => expect(requestLines()).toEqual(['GET /api/sessions?items=*', 'GET /api/segments']))
  })

  it('sends nothing without the prop', async () => {
    landOn(LANDING)
    const { result } = renderLandingPage({ captureUtm: false })
    await waitFor(() => expect(result.current.session.isSuccess).toBe(true))
    await waitFor(() => expect(requestLines()).toEqual(['GET /api/sessions?items=*', 'GET /api/segments']))
    expect(result.current.campaign).toBeUndefined()
  })

  it('refuses the boolean of earlier versions in development, with the fix in the message, before any request', () => {
    landOn(LANDING)
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      expect(() => renderLandingPage({ captureUtm: true as unknown as false })).toThrow(
        'captureUtm takes utmCapture: import { utmCapture } from "vtex-session-react" and pass captureUtm={utmCapture}',
      )
    } finally {
      quiet.mockRestore()
    }
    expect(requestLines()).toEqual([])
  })

  it('keeps the values for the retry when the first load fails, and shows the typed error', async () => {
    landOn(LANDING)
    mock.fail({ kind: 'http', status: 503 }, { method: 'PATCH' })
    const { result, queryClient } = renderLandingPage({})
    await waitFor(() => expect(result.current.session.error).toMatchObject({ name: 'SessionError', kind: 'http', status: 503 }))
    await act(() => queryClient.refetchQueries({ queryKey: sessionKeys.session }))
    expect(requestLines()).toEqual(['PATCH /api/sessions?items=*', 'PATCH /api/sessions?items=*', 'GET /api/segments'])
    expect(result.current.campaign).toBe('black-friday')
  })
})

describe('<SessionProvider captureUtm initialSession>', () => {
  /** A session as the server rendered it, and the request count after making it. */
  async function serverSession(fields: Record<string, string> = {}): Promise<[Session, number]> {
    const session = await createSessionClient().createSession(fields, { items: '*' })
    return [session, sessionRequests().length]
  }

  it('shows the server’s session at once, then writes the UTM values once; segment readers and prices wait for it', async () => {
    const [initialSession, mark] = await serverSession()
    landOn(LANDING)
    const { result, priceFetches } = renderLandingPage({ initialSession })
    expect(result.current.session.data?.id).toBe(initialSession.id)
    await waitFor(() => expect(priceFetches).toHaveLength(1))
    expect(requestLines(mark)).toEqual(['PATCH /api/sessions?items=*', 'GET /api/segments'])
    expect(requestsSince(mark)[0]?.body).toEqual(UTM_BODY)
    expect(result.current.session.data?.id).toBe(initialSession.id)
    expect(result.current.campaigns).toEqual(['black-friday', 'newsletter-readers'])
    // Prices were fetched once, for the segment that carries the campaign: no race with the write.
    expect(priceFetches[0]).toContain('black-friday')
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(priceFetches).toHaveLength(1)
  })

  it('writes only the values the session lacks', async () => {
    const [initialSession, mark] = await serverSession({ utm_source: 'newsletter' })
    landOn(LANDING)
    const { result } = renderLandingPage({ initialSession })
    await waitFor(() => expect(result.current.campaign).toBe('black-friday'))
    await waitFor(() => expect(requestLines(mark)).toEqual(['PATCH /api/sessions?items=*', 'GET /api/segments']))
    expect(requestsSince(mark)[0]?.body).toEqual({ public: { utm_campaign: { value: 'black-friday' } } })
  })

  it('makes no request when the session already holds them', async () => {
    const [initialSession, mark] = await serverSession({ utm_source: 'newsletter', utm_campaign: 'black-friday' })
    landOn(LANDING)
    const { result } = renderHook(() => usePublicField('utm_campaign'), createWrapper({ captureUtm: utmCapture, strict: true, initialSession }))
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(result.current[0]).toBe('black-friday')
    expect(requestLines(mark)).toEqual([])
  })

  it('treats a session hydrated into the cache (prefetchSession + HydrationBoundary) the same way', async () => {
    const [hydrated, mark] = await serverSession()
    landOn(LANDING)
    const queryClient = createTestQueryClient()
    queryClient.setQueryData(sessionKeys.session, hydrated)
    const { result } = renderLandingPage({ queryClient })
    expect(result.current.session.data?.id).toBe(hydrated.id)
    await waitFor(() => expect(result.current.campaign).toBe('black-friday'))
    await waitFor(() => expect(requestLines(mark)).toEqual(['PATCH /api/sessions?items=*', 'GET /api/segments']))
  })
})

describe('utmFieldsOf', () => {
  it('takes the six UTM parameters of a query string and nothing else', () => {
    expect(
      utmFieldsOf('?utm_source=newsletter&utm_medium=email&utm_campaign=black-friday&utmi_campaign=x&utmi_page=p&utmi_part=q&page=2&utm_term='),
    ).toEqual({ utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'black-friday', utmi_campaign: 'x', utmi_page: 'p', utmi_part: 'q' })
    expect(utmFieldsOf('')).toEqual({})
  })

  it('with a session, leaves out what it already holds with the same value', () => {
    const session: Session = { id: 's', namespaces: { public: { utm_source: { value: 'newsletter' }, utm_campaign: { value: 'spring' } } } }
    expect(utmFieldsOf('?utm_source=newsletter&utm_campaign=black-friday', session)).toEqual({ utm_campaign: 'black-friday' })
  })
})
