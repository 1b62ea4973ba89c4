import { usePublicField, useSession } from 'vtex-session-react'

/** A field editor and a refetch button, to watch how errors surface and last good data stays. */
export function FaultsPlayground() {
  const session = useSession()
  const [campaign, setCampaign, { isPending, error }] = usePublicField('utm_campaign')

  return (
    <div>
      <p data-testid="campaign">utm_campaign: {campaign ?? '—'}</p>
      <button type="button" disabled={isPending} onClick={() => void setCampaign(`campaign-${Date.now() % 1000}`)}>
        {isPending ? 'Writing…' : 'Write a new utm_campaign'}
      </button>{' '}
      <button type="button" onClick={() => void session.refetch()}>
        {session.isFetching ? 'Refetching…' : 'Refetch the session'}
      </button>
      {error && (
        <p role="alert">
          Write failed — kind <code>{error.kind}</code>
          {error.status ? ` (HTTP ${error.status})` : ''}: {error.message}. The last good value stays on screen.
        </p>
      )}
      {session.error && (
        <p role="alert">
          Refetch failed — kind <code>{session.error.kind}</code>: {session.error.message}. Session {session.data?.id ?? '—'} is
          still shown.
        </p>
      )}
    </div>
  )
}
