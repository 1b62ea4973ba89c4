import type { Query, QueryFunction } from '@tanstack/react-query'
import type { SessionClient } from '../core/createSessionClient'
import type { SessionError } from '../core/SessionError'
import type { PublicFieldValues, Session } from '../core/types'
import { utmFieldsOf } from '../core/utm'
import type { SessionRuntime } from '../runtime/createSessionRuntime'
import { sessionRuntime } from './sessionRuntime'

/**
 * Session queries sending or done sending this page's UTM values. A QueryClient holds one session
 * query and lives as long as the page, so this is "once per page load": refetches never resend.
 */
const utmOf = new WeakMap<object, 'sending' | 'sent'>()

/** The page URL's UTM values the session query still has to send (none on a server, none once sent). */
const utmToSend = (query: Pick<Query<Session, SessionError>, 'state'>): PublicFieldValues =>
  utmOf.has(query) || typeof location === 'undefined' ? {} : utmFieldsOf(location.search, query.state.data)

/** Readers wait (the session is stale) while the values are unsent or on their way. */
const utmPending = (query: Pick<Query<Session, SessionError>, 'state'>): boolean =>
  utmOf.get(query) === 'sending' || Object.keys(utmToSend(query)).length > 0

/**
 * Loads the session, carrying the page's UTM values when it lacks them: one `PATCH ?items=*`
 * in place of the GET (a write of the runtime, queued like any other), so the first answer
 * already has them — and their campaign segment.
 */
async function loadSessionWithUtm(runtime: SessionRuntime, query: Query<Session, SessionError> | undefined): Promise<Session> {
  const utm = query === undefined ? {} : utmToSend(query)
  if (query === undefined || Object.keys(utm).length === 0) return runtime.readSession()
  utmOf.set(query, 'sending')
  try {
    const session = await runtime.write(utm, { load: true })
    utmOf.set(query, 'sent')
    return session
  } catch (error) {
    utmOf.delete(query) // kept for the retry
    throw error
  }
}

/** How the session query loads when UTM capture is on: pass `utmCapture` as `captureUtm`. */
export interface UtmCapture {
  /** The session query's `queryFn` and `staleTime` with capture on (`staleTime`: the query's own). */
  sessionLoad(
    client: SessionClient,
    staleTime: number,
  ): { queryFn: QueryFunction<Session, readonly unknown[]>; staleTime: (query: Query<Session, SessionError, Session, readonly unknown[]>) => number }
}

/**
 * UTM capture, for `<SessionProvider captureUtm={utmCapture}>`: the page URL's `utm_source`,
 * `utm_medium`, `utm_campaign`, `utmi_campaign`, `utmi_page` and `utmi_part` go to the session
 * with its first load. An import of its own, so an app that does not use it does not ship it.
 */
export const utmCapture: UtmCapture = {
  sessionLoad: (client, staleTime) => ({
    queryFn: ({ client: queryClient, queryKey }) =>
      loadSessionWithUtm(sessionRuntime(queryClient, client), queryClient.getQueryCache().find<Session, SessionError>({ queryKey, exact: true })),
    // A session that lacks the page's UTM values is stale: the first read (even of a
    // server-rendered session) sends them.
    staleTime: (query) => (utmPending(query) ? 0 : staleTime),
  }),
}
