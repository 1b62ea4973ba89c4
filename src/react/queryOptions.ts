import { queryOptions } from '@tanstack/react-query'
import type { SessionClient } from '../core/createSessionClient'
import type { SessionError } from '../core/SessionError'
import type { Segment, Session } from '../core/types'
import { sessionKeysFor } from '../runtime/sessionKeys'
import { sessionRuntime } from './sessionRuntime'
import type { RegionPolicy, SessionLoad } from './regionPolicy'
import type { UtmCapture } from './utmCapture'

/** Components that mount later reuse the cached session instead of refetching it. */
export const DEFAULT_STALE_TIME = 5 * 60_000

export interface SessionQuerySettings {
  /** How long a loaded session counts as fresh (default 5 minutes). */
  staleTime?: number
  /** Refetch a stale session in the background when the window regains focus (default true). */
  refetchOnWindowFocus?: boolean
  /**
   * `utmCapture` (imported from this package) sends the page URL's `utm_*` / `utmi_*` parameters
   * with the first load (one `PATCH ?items=*` in place of the GET), once per page load, only those
   * the session lacks. Without it (the default) that code is not in the app's bundle.
   */
  captureUtm?: UtmCapture | false
  /** `regionPolicy(…)` resolves the shopper's place with the first load (`region_id`, saved address, default); its code ships only with it. */
  region?: RegionPolicy
}

/**
 * `GET /api/sessions?items=*`, for `useQuery`, `useSuspenseQuery`, `prefetchQuery`, `ensureQueryData`.
 * Every fetch goes through the QueryClient's session runtime: an answer older than the latest
 * confirmed write never lands over it, and writes not yet confirmed stay painted over it.
 */
export function sessionQueryOptions(client: SessionClient, settings: SessionQuerySettings = {}) {
  const staleTime = settings.staleTime ?? DEFAULT_STALE_TIME
  // UTM capture and the region policy (both off by default) bring their own load and staleness,
  // so their code ships only with them; the policy resolves the place after the (UTM) load.
  const load: SessionLoad = {
    // No abort signal on purpose: react-query cancels a fetch that read its signal when
    // observers drop to zero, which StrictMode's remount does — that would cost a second GET.
    queryFn: ({ client: queryClient }) => sessionRuntime(queryClient, client).readSession(),
    staleTime,
    ...(typeof settings.captureUtm === 'object' ? settings.captureUtm.sessionLoad(client, staleTime) : undefined),
  }
  return queryOptions<Session, SessionError, Session, readonly unknown[]>({
    queryKey: sessionKeysFor(client.baseUrl).session,
    refetchOnWindowFocus: settings.refetchOnWindowFocus ?? true,
    ...(settings.region?.sessionLoad(client, load) ?? load),
  })
}

/**
 * `GET /api/segments`, made after the session is loaded (and any write of the first load
 * is done), so a first visit creates one session, not two, and reads the segment it ends with.
 */
export const segmentQueryOptions = (client: SessionClient, settings: SessionQuerySettings = {}) =>
  queryOptions<Segment, SessionError, Segment, readonly unknown[]>({
    queryKey: sessionKeysFor(client.baseUrl).segment,
    queryFn: async ({ client: queryClient }) => {
      await queryClient.fetchQuery(sessionQueryOptions(client, settings))
      return sessionRuntime(queryClient, client).readSegment()
    },
    staleTime: settings.staleTime ?? DEFAULT_STALE_TIME,
    refetchOnWindowFocus: settings.refetchOnWindowFocus ?? true,
  })
