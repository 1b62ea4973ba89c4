import { QueryClientContext, useQuery, type QueryClient, type QueryKey } from '@tanstack/react-query'
import { useContext, useEffect, useMemo, type ReactNode } from 'react'
import { createSessionClient, type SessionClient } from '../core/createSessionClient'
import type { Session } from '../core/types'
import { segmentQueryOptions, sessionQueryOptions } from './queryOptions'
import { SessionContext, type SessionContextValue } from './SessionContext'
import { sessionRuntime } from './sessionRuntime'
import type { RegionPolicy } from './regionPolicy'
import type { SharedPages } from './sharedPages'
import type { UtmCapture } from './utmCapture'

export interface SessionProviderProps {
  /** Origin of the Session Manager (default `''`: the page's own origin, as on a VTEX store or behind a proxy). */
  baseUrl?: string
  /** A client of your own (custom fetch, headers, timeout); `baseUrl` is then ignored. */
  client?: SessionClient
  /** The app's QueryClient; defaults to the nearest `<QueryClientProvider>`. */
  queryClient?: QueryClient
  /** A session read on the server: the first render shows it and no request is made on mount. */
  initialSession?: Session
  /** Query-key prefixes (e.g. `[['prices']]`) invalidated once whenever the segment changes. */
  dependentQueries?: readonly QueryKey[]
  /** How long a loaded session counts as fresh (default 5 minutes). */
  staleTime?: number
  /** Refetch a stale session in the background when the window regains focus, keeping it on screen (default true). */
  refetchOnWindowFocus?: boolean
  /**
   * `captureUtm={utmCapture}` (import `utmCapture` from this package) copies `utm_source`,
   * `utm_medium`, `utm_campaign`, `utmi_campaign`, `utmi_page` and `utmi_part` from the page URL
   * into the session with the first load — one `PATCH ?items=*` in place of the GET (after mount
   * with `initialSession`, and only for values it lacks). Once per page load. Off by default.
   */
  captureUtm?: UtmCapture | false
  /**
   * `region={regionPolicy({ required?, default?, countries?, savedAddresses? })}` (import
   * `regionPolicy` from this package) resolves a shopper without a place with the first load: the
   * page URL's Google `region_id`, then saved addresses, then the store's default — one
   * `PATCH ?items=*` before anything is priced. `useRegionGate()` and `<RegionGate>` read it.
   */
  region?: RegionPolicy
  /**
   * `sharedPages={sharedPages}` (import `sharedPages` from this package): the page may be a shared
   * one (`pageForRequest` and `fillPageCache` on the server, hydrated above this provider). Its
   * segment stands in for the shopper's until theirs is read, so the first render is the server's
   * and the page's prices keep their currency. Its code ships only with it.
   */
  sharedPages?: SharedPages
  /** Share confirmed writes with the other tabs of this origin and `baseUrl` through `BroadcastChannel` (default true). */
  syncTabs?: boolean
  children?: ReactNode
}

const NO_QUERIES: readonly QueryKey[] = []

/** Loads the shopping session once and gives every hook below it the session, the segment and writes. */
export function SessionProvider({
  // baseUrl, staleTime and refetchOnWindowFocus: their defaults are the client's and the query options' own.
  baseUrl,
  client: clientProp,
  queryClient: queryClientProp,
  initialSession,
  dependentQueries = NO_QUERIES,
  staleTime,
  refetchOnWindowFocus,
  captureUtm,
  region,
  sharedPages,
  syncTabs = true,
  children,
}: SessionProviderProps) {
  const nearestQueryClient = useContext(QueryClientContext)
  const queryClient = queryClientProp ?? nearestQueryClient
  if (queryClient === undefined) {
    // It never creates a cache of its own: the app keeps one.
    throw new Error(process.env.NODE_ENV !== 'production' ? 'SessionProvider needs a QueryClient: wrap it in <QueryClientProvider> or pass its queryClient prop' : 'SessionProvider needs a QueryClient')
  }
  if (process.env.NODE_ENV !== 'production' && (captureUtm as unknown) === true) {
    // The prop took a boolean before 0.2: `true` now needs the capture code passed in.
    throw new Error('SessionProvider: captureUtm takes utmCapture: import { utmCapture } from "vtex-session-react" and pass captureUtm={utmCapture}')
  }
  const client = useMemo(() => clientProp ?? createSessionClient({ baseUrl }), [clientProp, baseUrl])

  // One runtime per QueryClient and origin, whoever mounts it: a remount or a second provider
  // (another React root, a micro-frontend) joins the same confirmed session and write queue.
  const runtime = sessionRuntime(queryClient, client)
  const value = useMemo<SessionContextValue>(() => {
    const settings = { staleTime, refetchOnWindowFocus, captureUtm, region }
    // Read once and held here (garbage collection may take the hydrated entry while the session
    // loads): the stand-in is placeholder data, never in the cache, never confirmed.
    const pageSegment = sharedPages?.pageSegmentIn(queryClient, runtime.keys)
    return {
      queryClient,
      runtime,
      region,
      sharedPages,
      pageSegment,
      sessionOptions: sessionQueryOptions(client, settings),
      segmentOptions: sharedPages ? sharedPages.segmentOptions(segmentQueryOptions(client, settings), pageSegment) : segmentQueryOptions(client, settings),
    }
  }, [client, queryClient, runtime, staleTime, refetchOnWindowFocus, captureUtm, region, sharedPages])

  // The provider keeps the session loaded (one request for all readers) without re-rendering on changes.
  // The server's session stands for the first load only: once this page has held one, it is out of
  // date (React Query would seed an entry `removeQueries` emptied with it again).
  useQuery({ ...value.sessionOptions, initialData: () => (runtime.hasSeenSession() ? undefined : initialSession), notifyOnChangeProps: [] }, queryClient)
  // Queries re-priced by segment read it: with none of its readers mounted, a write that moves the
  // segment has nobody to read it again for, and they would keep the old prices.
  useQuery({ ...value.segmentOptions, enabled: dependentQueries.length > 0, notifyOnChangeProps: [] }, queryClient)

  // Re-subscribing when an inline `dependentQueries` array changes costs nothing: it is a Set entry.
  useEffect(
    () =>
      runtime.onSegmentChange(() => {
        for (const queryKey of dependentQueries) void queryClient.invalidateQueries({ queryKey })
      }),
    [runtime, queryClient, dependentQueries],
  )
  useEffect(() => (syncTabs ? runtime.connectTabs() : runtime.releaseTabs()), [syncTabs, runtime])

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}
