import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { act, render } from '@testing-library/react'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { createSessionClient, refreshSession, sessionKeys, sessionQueryOptions, SessionProvider, usePublicField, type Session } from '../src/index'
import { createTestQueryClient } from './harness'

const campaignOf = (session: Session | undefined) => session?.namespaces.public?.utm_campaign?.value

describe('removeQueries on the session under a provider given initialSession (a server-rendered page)', () => {
  it.each([
    ['fetchQuery', (queryClient: QueryClient) => queryClient.fetchQuery(sessionQueryOptions(createSessionClient()))],
    ['refreshSession', (queryClient: QueryClient) => refreshSession(queryClient, createSessionClient())],
  ])('after a write, removeQueries then %s: the session read is what the server holds, never the page-load session', async (_, readAgain) => {
    // The server rendered the page with the session as it was then (no campaign).
    const initialSession: Session = await createSessionClient().getSession()
    const queryClient = createTestQueryClient()
    let setValue!: (value: string) => Promise<void>
    function CampaignBadge() {
      const [campaign, set] = usePublicField('utm_campaign')
      setValue = set
      return <span>{campaign ?? 'none'}</span>
    }
    let openBadge!: () => void
    function Page() {
      // The badge mounts after the provider (a client-side route change, a lazy component).
      const [open, setOpen] = useState(false)
      openBadge = () => setOpen(true)
      return open ? <CampaignBadge /> : null
    }
    render(
      <QueryClientProvider client={queryClient}>
        <SessionProvider initialSession={initialSession}>
          <Page />
        </SessionProvider>
      </QueryClientProvider>,
    )
    act(() => openBadge())
    await act(() => setValue('chosen-after-load'))
    expect(campaignOf(await createSessionClient().getSession())).toBe('chosen-after-load')
    // The app's logout/login flow: forget the session, read it again.
    act(() => queryClient.removeQueries({ queryKey: sessionKeys.session }))
    const read = await act(() => readAgain(queryClient))
    await act(() => new Promise((resolve) => setTimeout(resolve, 30)))
    expect({ read: campaignOf(read), cached: campaignOf(queryClient.getQueryData<Session>(sessionKeys.session)) }).toEqual({
      read: 'chosen-after-load',
      cached: 'chosen-after-load',
    })
  })
})
