import { queryOptions } from '@tanstack/react-query'
import type { SessionClient } from '../core/createSessionClient'
import type { SessionError } from '../core/SessionError'
import type { Segment, Session } from '../core/types'
import { sessionKeys } from './sessionKeys'

/** Components that mount later reuse the cached session instead of refetching it. */
export const DEFAULT_STALE_TIME = 5 * 60_000

export interface SessionQuerySettings {
  /** How long a loaded session counts as fresh (default 5 minutes). */
  staleTime?: number
  /** Refetch a stale session in the background when the window regains focus (default true). */
  refetchOnWindowFocus?: boolean
}

/** `GET /api/sessions?items=*`, for `useQuery`, `useSuspenseQuery`, `prefetchQuery`, `ensureQueryData`. */
export const sessionQueryOptions = (client: SessionClient, settings: SessionQuerySettings = {}) =>
  queryOptions<Session, SessionError, Session, typeof sessionKeys.session>({
    queryKey: sessionKeys.session,
    // No abort signal on purpose: react-query cancels a fetch that read its signal when
    // observers drop to zero, which StrictMode's remount does — that would cost a second GET.
    queryFn: () => client.getSession(),
    staleTime: settings.staleTime ?? DEFAULT_STALE_TIME,
    refetchOnWindowFocus: settings.refetchOnWindowFocus ?? true,
  })

/** `GET /api/segments`, made after the session is known so a first visit creates one session, not two. */
export const segmentQueryOptions = (client: SessionClient, settings: SessionQuerySettings = {}) =>
  queryOptions<Segment, SessionError, Segment, typeof sessionKeys.segment>({
    queryKey: sessionKeys.segment,
    queryFn: async ({ client: queryClient }) => {
      await queryClient.ensureQueryData(sessionQueryOptions(client, settings))
      return client.getSegment()
    },
    staleTime: settings.staleTime ?? DEFAULT_STALE_TIME,
    refetchOnWindowFocus: settings.refetchOnWindowFocus ?? true,
  })
