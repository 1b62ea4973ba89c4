import { act, screen } from '@testing-library/react'
import { useEffect, useState } from 'react'
import { describe, expect, it } from 'vitest'
import { createSessionClient, sessionKeys, sessionQueryOptions, usePublicField } from '../src/index'
import { renderWithSession, sessionRequests } from './harness'

const changeOnServer = (campaign: string) => createSessionClient().editSession({ utm_campaign: campaign })

function Campaign() {
  const [campaign] = usePublicField('utm_campaign')
  return <p data-testid="campaign">{campaign ?? 'none'}</p>
}

describe('removeQueries on a page rendered on the server (<SessionProvider initialSession>)', () => {
  it('the read that follows lands what the server holds, never the server-rendered session again', async () => {
    /** A part of the page that shows the campaign later (its own state: the provider does not re-render). */
    let showCampaign!: () => void
    function Later() {
      const [shown, setShown] = useState(false)
      useEffect(() => {
        showCampaign = () => setShown(true)
      })
      return shown ? <Campaign /> : null
    }
    await changeOnServer('from-ssr')
    const initialSession = await createSessionClient().getSession()
    const { queryClient } = renderWithSession(<Later />, { initialSession })
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
    await changeOnServer('changed-on-server')
    const mark = sessionRequests().length
    act(() => queryClient.removeQueries({ queryKey: sessionKeys.session }))
    await act(() => Promise.resolve())
    // The app reads the session again, as docs/guarantees.md says it may.
    const read = await act(() => queryClient.fetchQuery(sessionQueryOptions(createSessionClient())))
    // The provider's observer, moved in a microtask, re-seeds the new entry with its initialData
    // (Query.setOptions applies initialData while data is undefined); the runtime takes that as
    // newer server state and drops the GET's answer.
    expect(read.namespaces.public?.utm_campaign?.value).toBe('changed-on-server')
    expect(
      sessionRequests()
        .slice(mark)
        .map(({ method, path }) => `${method} ${path}`),
    ).toEqual(['GET /api/sessions?items=*'])
    act(() => showCampaign())
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
    expect(screen.getByTestId('campaign').textContent).toBe('changed-on-server')
  })
})
