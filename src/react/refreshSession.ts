import type { QueryClient } from '@tanstack/react-query'
import { createSessionClient, type SessionClient } from '../core/createSessionClient'
import type { Session } from '../core/types'
import { findRuntime } from '../runtime/runtimeFor'
import { sessionRuntime } from './sessionRuntime'
import { waitForReaders } from './waitForReaders'

/**
 * Re-reads the session (and the segment, when something reads it) through the QueryClient's
 * session runtime, after a change made outside the Session Manager: the app's own login or
 * logout, a B2B contract switch, a VTEX ID callback. Dependent queries re-price once if the
 * segment moved, the other tabs are told, and it resolves once readers see the new session.
 * The request goes through the runtime's own client (the provider's); `client` only names the
 * origin (default: the page's own) and is used when nothing on that origin has loaded yet.
 */
export async function refreshSession(queryClient: QueryClient, client?: SessionClient): Promise<Session> {
  const runtime = findRuntime(queryClient, client?.baseUrl ?? '') ?? sessionRuntime(queryClient, client ?? createSessionClient())
  const session = await runtime.refresh()
  await waitForReaders()
  return session
}
