import { useQueryClient } from '@tanstack/react-query'
import { sessionKeys, usePriceTables, useSession } from 'vtex-session-react'
import type { SessionManagerMock } from 'vtex-session-react/testing'

/**
 * Logs the session in through the emulator (in production the shopper logs in with VTEX ID),
 * then re-reads the session: the buyer's price tables reach the segment and prices re-price.
 */
export function B2BBuyer({ sessionManager }: { sessionManager: SessionManagerMock }) {
  const session = useSession()
  const priceTables = usePriceTables()
  const queryClient = useQueryClient()
  const email = session.data?.namespaces.profile?.email?.value as string | undefined
  const logIn = async () => {
    if (!session.data) return
    sessionManager.logIn(session.data.id, { email: 'buyer@b2b.example', priceTables: ['b2b-gold'] })
    // A login changes the session server-side: read it (and the segment) again.
    await queryClient.invalidateQueries({ queryKey: sessionKeys.all })
  }
  return (
    <fieldset>
      <legend>B2B buyer</legend>
      <button type="button" disabled={!session.data || email !== undefined} onClick={() => void logIn()}>
        Log in as buyer@b2b.example
      </button>
      <p data-testid="buyer">
        {email ? `Logged in as ${email}` : 'Anonymous'} · price tables: {priceTables.length > 0 ? priceTables.join(', ') : 'none'}
      </p>
    </fieldset>
  )
}
