import type { QueryClient } from '@tanstack/react-query'
import type { SessionClient } from '../core/createSessionClient'
import { sameSettings } from '../core/request'
import { createSessionRuntime, type SessionRuntime, type SessionRuntimeOptions } from './createSessionRuntime'

const runtimes = new WeakMap<QueryClient, Map<string, SessionRuntime>>()
const warned = new WeakSet<SessionClient>()

/** The runtime of this QueryClient and Session Manager origin, if one was made. */
export const findRuntime = (queryClient: QueryClient, baseUrl: string): SessionRuntime | undefined => runtimes.get(queryClient)?.get(baseUrl)

/**
 * The session runtime of this QueryClient and Session Manager origin (`client.baseUrl`), made on
 * first use and shared by every provider, remount, hook and query function on that cache. Its
 * client is the one it was made with, for good: a later client for the same origin only finds
 * it. One that sends requests alike (an inline `createSessionClient()`) is the same client; one
 * with another fetch, headers or timeout is not used, and development builds say so. Another
 * origin gets a runtime (and cache keys) of its own.
 */
export function runtimeFor(queryClient: QueryClient, client: SessionClient, options?: SessionRuntimeOptions): SessionRuntime {
  const known = findRuntime(queryClient, client.baseUrl)
  if (known === undefined) {
    const runtime = createSessionRuntime(queryClient, client, options)
    const byOrigin = runtimes.get(queryClient) ?? new Map<string, SessionRuntime>()
    runtimes.set(queryClient, byOrigin.set(client.baseUrl, runtime))
    return runtime
  }
  if (process.env.NODE_ENV !== 'production' && !warned.has(client) && !sameSettings(known.client.settings, client.settings)) {
    warned.add(client)
    console.warn(
      `vtex-session-react: this QueryClient's session for "${client.baseUrl}" goes through the first SessionClient given for it; a second one with another fetch, headers or timeout is not used. Make one client per origin, outside render.`,
    )
  }
  return known
}
