import type { QueryClient, UseQueryResult } from '@tanstack/react-query'
import type { SessionError } from '../core/SessionError'
import type { Segment } from '../core/types'
import type { SessionKeys } from '../runtime/sessionKeys'

/**
 * What a provider does with a shared page (`pageForRequest` and `fillPageCache` on the server), for
 * `<SessionProvider sharedPages={sharedPages}>`: its code ships only with it.
 */
export interface SharedPages {
  /** The segment the page was priced with, as hydrated (`sessionKeys.page`), if this page is a shared one. */
  pageSegmentIn(queryClient: QueryClient, keys: SessionKeys): Segment | undefined
  /** The segment query's options with the page's segment as its placeholder data (shown while it loads). */
  segmentOptions<O extends object>(options: O, page: Segment | undefined): O
  /** A segment read that failed shows the page's segment, as its placeholder did while it loaded. */
  standIn<T>(result: UseQueryResult<T, SessionError>, page: Segment | undefined, select?: (segment: Segment) => T): UseQueryResult<T, SessionError>
}

/**
 * Shared pages for `<SessionProvider sharedPages={sharedPages}>`: the segment a shared page was
 * priced with stands in for the shopper's until theirs is read (and if that read fails): segment
 * readers, `useLocale`, the search hooks and the region gate show the page's terms meanwhile, as
 * the server rendered them. It is never confirmed: nothing pairs it with the shopper's session.
 */
export const sharedPages: SharedPages = {
  pageSegmentIn: (queryClient, keys) => queryClient.getQueryData<Segment>(keys.page),
  segmentOptions: (options, page) => ({ ...options, placeholderData: page }),
  standIn(result, page, select) {
    if (!page || !result.isError || result.data !== undefined) return result
    const data = select ? select(page) : page
    // A view: React Query's own result is never changed (it tracks which properties a component reads).
    return new Proxy(result, { get: (target, key) => (key === 'data' ? data : key === 'isPlaceholderData' ? true : Reflect.get(target, key)) })
  },
}
