import type { QueryClient } from '@tanstack/react-query'
import type { SessionClient } from '../core/createSessionClient'
import { createSessionRuntime, type SessionRuntime, type SessionRuntimeOptions } from './createSessionRuntime'

const runtimes = new WeakMap<QueryClient, Map<string, SessionRuntime>>()

/**
 * The session runtime of this QueryClient and Session Manager origin (`client.baseUrl`), made on
 * first use and shared by every provider, remount, hook and query function on that cache. A
 * client for the same origin (an inline `createSessionClient()`, a remount) joins it and becomes
 * the one its requests go through; another origin gets a runtime (and cache keys) of its own.
 */
export function runtimeFor(queryClient: QueryClient, client: SessionClient, options?: SessionRuntimeOptions): SessionRuntime {
  let byOrigin = runtimes.get(queryClient)
  if (byOrigin === undefined) runtimes.set(queryClient, (byOrigin = new Map()))
  let runtime = byOrigin.get(client.baseUrl)
  if (runtime === undefined) byOrigin.set(client.baseUrl, (runtime = createSessionRuntime(queryClient, client, options)))
  runtime.client = client
  return runtime
}
