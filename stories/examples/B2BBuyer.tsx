import { usePriceTables, useSession, useSessionRefresh } from 'vtex-session-react'
import type { SessionManagerMock } from 'vtex-session-react/testing'

/**
 * Logs the session in and out through the emulator (in production the shopper does it with
 * VTEX ID, outside the Session Manager API), then `refreshSession()` re-reads the session and
 * the segment: the buyer's price tables reach the segment and prices re-price, with no reload.
 */
export function B2BBuyer({ sessionManager }: { sessionManager: SessionManagerMock }) {
  const session = useSession()
  const { priceTables } = usePriceTables()
  const { refreshSession, isPending, error } = useSessionRefresh()
  const sessionId = session.data?.id
  const email = session.data?.namespaces.profile?.email?.value as string | undefined
  const logIn = () => {
    if (sessionId === undefined) return
    sessionManager.logIn(sessionId, { email: 'buyer@b2b.example', priceTables: ['b2b-gold'] })
    void refreshSession()
  }
  const logOut = () => {
    if (sessionId === undefined) return
    sessionManager.logOut(sessionId)
    void refreshSession()
  }
  return (
    <fieldset>
      <legend>B2B buyer</legend>
      <button type="button" disabled={!sessionId || isPending || email !== undefined} onClick={logIn}>
        Log in as buyer@b2b.example
      </button>{' '}
      <button type="button" disabled={!sessionId || isPending || email === undefined} onClick={logOut}>
        Log out
      </button>
      <p data-testid="buyer">
        {email ? `Logged in as ${email}` : 'Anonymous'} · price tables: {priceTables.length > 0 ? priceTables.join(', ') : 'none'}
      </p>
      {error && <p role="alert">{error.message}</p>}
    </fieldset>
  )
}
