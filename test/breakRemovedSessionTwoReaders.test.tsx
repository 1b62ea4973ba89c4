import { act, render, waitFor } from '@testing-library/react'
import { QueryClientProvider } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { createSessionClient, sessionKeys, sessionQueryOptions, SessionProvider, usePublicField } from '../src/index'
import { createTestQueryClient, sessionRequests } from './harness'

const changeOnServer = (campaign: string) => createSessionClient().editSession({ utm_campaign: campaign })

describe('removeQueries on the session with several readers mounted', () => {
  it('every mounted reader moves to the new entry: the header and the footer both show what the server now holds', async () => {
    const queryClient = createTestQueryClient()
    const shown: { header: Array<string | undefined>; footer: Array<string | undefined> } = { header: [], footer: [] }
    function Badge({ place }: { place: 'header' | 'footer' }) {
      const [campaign] = usePublicField('utm_campaign')
      const log = shown[place]
      if (log.length === 0 || log[log.length - 1] !== campaign) log.push(campaign)
      return <span>{campaign ?? 'none'}</span>
    }
    render(
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <Badge place="header" />
          <Badge place="footer" />
        </SessionProvider>
      </QueryClientProvider>,
    )
    await waitFor(() => expect(sessionRequests()).toHaveLength(1))
    await changeOnServer('changed-on-server')
    act(() => queryClient.removeQueries({ queryKey: sessionKeys.session }))
    await act(async () => void (await queryClient.fetchQuery(sessionQueryOptions(createSessionClient()))))
    await act(() => new Promise((resolve) => setTimeout(resolve, 30)))
    expect({ header: shown.header.at(-1), footer: shown.footer.at(-1) }).toEqual({ header: 'changed-on-server', footer: 'changed-on-server' })
  })
})
