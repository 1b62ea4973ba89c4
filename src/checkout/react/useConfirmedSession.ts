import { useCallback, useSyncExternalStore } from 'react'
import { sessionKeysFor, useSessionSource, type Session } from 'vtex-session-react'

/**
 * The session as the Session Manager last confirmed it, without the writes still in flight:
 * what the cart and the delivery promise follow. `undefined` until the first load.
 */
export function useConfirmedSession(): Session | undefined {
  const { queryClient, client, confirmedSession } = useSessionSource()
  // Every confirmation is painted into the session's cache entry, so its updates are when to look
  // again (not every cache event: some fire while another component renders).
  const sessionHash = JSON.stringify(sessionKeysFor(client.baseUrl).session)
  const subscribe = useCallback(
    (onChange: () => void) =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type === 'updated' && event.query.queryHash === sessionHash) onChange()
      }),
    [queryClient, sessionHash],
  )
  return useSyncExternalStore(subscribe, confirmedSession, confirmedSession)
}
