import type { QueryClient } from '@tanstack/react-query'
import { createSessionClient, type SessionClient } from '../core/createSessionClient'
import type { Session } from '../core/types'
import { sessionRuntime } from './sessionRuntime'
import { waitForReaders } from './waitForReaders'

/**
 * Re-reads the session (and the segment, when something reads it) through the QueryClient's
 * session runtime, after a change made outside the Session Manager: the app's own login or
 * logout, a B2B contract switch, a VTEX ID callback. Dependent queries re-price once if the
 * segment moved, the other tabs are told, and it resolves once readers see the new session.
 */
export async function refreshSession(queryClient: QueryClient, client: SessionClient = createSessionClient()): Promise<Session> {
  const runtime = sessionRuntime(queryClient, client)
  // The segment too, when something reads it or it is cached (it must not go on describing the old session).
  const segmentInUse = queryClient.getQueryCache().find({ queryKey: runtime.keys.segment, exact: true })?.isActive() || runtime.confirmed().segment
  const [session] = await Promise.all([runtime.readSession(), segmentInUse ? runtime.readSegment() : undefined])
  await waitForReaders()
  runtime.shareWithTabs()
  return session
}
