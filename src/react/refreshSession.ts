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
  const [session] = await Promise.all([runtime.readSession(), runtime.segmentInUse() ? runtime.readSegment() : undefined])
  await waitForReaders()
  runtime.shareWithTabs()
  return session
}
