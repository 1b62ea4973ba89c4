import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createSessionClient, sessionKeys, usePublicField, useSegment, type SessionError } from '../src/index'
import { createWrapper, mock, sessionRequests } from './harness'

const patchBodies = (from: number) => sessionRequests().slice(from).filter(({ method }) => method === 'PATCH').map(({ body }) => (body as { public: Record<string, { value: string }> }).public)

describe('a write the server applied is never taken for a refusal', () => {
  it('removeQueries during writes while the CDN answers session reads 403: the applied PATCH is not split and sent again, and no caller is told it was refused', async () => {
    const { wrapper, queryClient } = createWrapper()
    const { result } = renderHook(
      () => ({ campaign: usePublicField('utm_campaign'), source: usePublicField('utm_source'), medium: usePublicField('utm_medium'), segment: useSegment() }),
      { wrapper },
    )
    await waitFor(() => expect(result.current.segment.data).toBeDefined())
    const mark = sessionRequests().length
    // A bot challenge at the CDN: session reads answer 403 for a moment; writes go through.
    mock.fail({ kind: 'http', status: 403 }, { method: 'GET', path: '/api/sessions', times: 4 })
    let writes!: Promise<unknown[]>
    const outcome = (write: Promise<void>) => write.then(() => 'applied', (error: SessionError) => `${error.kind} ${error.status}`)
    act(() => {
      writes = Promise.all([outcome(result.current.campaign[1]('c1')), outcome(result.current.source[1]('s1')), outcome(result.current.medium[1]('m1'))])
      // The app's logout/login flow forgets the session while the first PATCH is out.
      queryClient.removeQueries({ queryKey: sessionKeys.session })
    })
    const outcomes = await act(() => writes)
    mock.clearFaults()
    const server = (await createSessionClient().getSession()).namespaces.public
    expect({
      held: [server?.utm_campaign?.value, server?.utm_source?.value, server?.utm_medium?.value],
      patches: patchBodies(mark),
      refused: outcomes.filter((result) => result === 'http 403').length,
    }).toEqual({
      held: ['c1', 's1', 'm1'],
      // Each write sent once: both PATCHes were applied (with no session to paint over, each answers the whole session).
      patches: [{ utm_campaign: { value: 'c1' } }, { utm_source: { value: 's1' }, utm_medium: { value: 'm1' } }],
      refused: 0,
    })
  })
})
