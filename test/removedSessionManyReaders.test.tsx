import { act, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createSessionClient, sessionKeys, usePublicField } from '../src/index'
import { renderWithSession } from './harness'

const changeOnServer = (campaign: string) => createSessionClient().editSession({ utm_campaign: campaign })

/** One component of the page reading the campaign (each re-renders on its own). */
function Campaign({ id }: { id: string }) {
  const [campaign] = usePublicField('utm_campaign')
  return <p data-testid={id}>{campaign ?? 'none'}</p>
}

describe('removeQueries under several mounted components reading the session', () => {
  it('every component moves to the key’s new entry and shows what the server now holds', async () => {
    await changeOnServer('before')
    const { queryClient } = renderWithSession(
      <>
        <Campaign id="header" />
        <Campaign id="banner" />
        <Campaign id="footer" />
      </>,
    )
    await waitFor(() => expect(screen.getByTestId('banner').textContent).toBe('before'))
    await changeOnServer('changed-on-server')
    act(() => queryClient.removeQueries({ queryKey: sessionKeys.session }))
    await act(async () => void (await queryClient.refetchQueries({ queryKey: sessionKeys.all })))
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
    // The hooks move in a forEach over the removed Query's live \`observers\` array, and each move splices
    // its observer out of that array: every other one is skipped and keeps the removed entry's value.
    expect(['header', 'banner', 'footer'].map((id) => `${id}: ${screen.getByTestId(id).textContent}`)).toEqual([
      'header: changed-on-server',
      'banner: changed-on-server',
      'footer: changed-on-server',
    ])
  })
})
