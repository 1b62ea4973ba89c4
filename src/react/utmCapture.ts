import type { Query, QueryClient } from '@tanstack/react-query'
import type { SessionClient } from '../core/createSessionClient'
import type { SessionError } from '../core/SessionError'
import type { PublicFieldValues, Session } from '../core/types'
import { utmFieldsOf } from '../core/utm'
import { sessionKeys } from './sessionKeys'

/**
 * Session queries that already sent this page's UTM values. A QueryClient holds one session
 * query and lives as long as the page, so this is "once per page load": refetches never resend.
 */
const sentBy = new WeakSet<object>()

/** The page URL's UTM values the session query still has to send (none on a server, none once sent). */
export const utmToSend = (query: Pick<Query<Session, SessionError>, 'state'>): PublicFieldValues =>
  sentBy.has(query) || typeof location === 'undefined' ? {} : utmFieldsOf(location.search, query.state.data)

/**
 * Loads the session, carrying the page's UTM values when it lacks them: one `PATCH ?items=*`
 * in place of the GET, so the first answer already has them (and their campaign segment).
 */
export async function loadSessionWithUtm(client: SessionClient, queryClient: QueryClient): Promise<Session> {
  const query = queryClient.getQueryCache().find<Session, SessionError>({ queryKey: sessionKeys.session, exact: true })
  const utm = query === undefined ? {} : utmToSend(query)
  if (query === undefined || Object.keys(utm).length === 0) return client.getSession()
  const session = await client.editSession(utm, { items: '*' })
  sentBy.add(query)
  // A segment loaded before (e.g. hydrated from the server) predates these values. One still
  // loading waits for this answer and is left alone (invalidation does not cancel it).
  void queryClient.invalidateQueries({ queryKey: sessionKeys.segment })
  return session
}
