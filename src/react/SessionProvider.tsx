import { QueryClientContext, useQuery, type QueryClient, type QueryKey } from '@tanstack/react-query'
import { useContext, useEffect, useMemo, useRef, type ReactNode } from 'react'
import { createSessionClient, type SessionClient } from '../core/createSessionClient'
import type { Session } from '../core/types'
import { createSessionWriter } from './createSessionWriter'
import { invalidateOnSegmentChange } from './invalidateOnSegmentChange'
import { sessionQueryOptions } from './queryOptions'
import { SessionContext, type SessionContextValue } from './SessionContext'

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
  children?: ReactNode
}

const NO_QUERIES: readonly QueryKey[] = []

/** Loads the shopping session once and gives every hook below it the session, the segment and writes. */
export function SessionProvider({
  baseUrl = '',
  client: clientProp,
  queryClient: queryClientProp,
  initialSession,
  dependentQueries = NO_QUERIES,
  children,
}: SessionProviderProps) {
  const nearestQueryClient = useContext(QueryClientContext)
  const queryClient = queryClientProp ?? nearestQueryClient
  if (queryClient === undefined) {
    throw new Error(
      'SessionProvider needs a QueryClient: wrap it in <QueryClientProvider client={queryClient}> or pass ' +
        '<SessionProvider queryClient={queryClient}>. It never creates a cache of its own, so the app keeps one.',
    )
  }
  const client = useMemo(() => clientProp ?? createSessionClient({ baseUrl }), [clientProp, baseUrl])

  // The provider keeps the session loaded (one request for all readers) without re-rendering on changes.
  useQuery({ ...sessionQueryOptions(client), initialData: initialSession, notifyOnChangeProps: [] }, queryClient)

  const dependentRef = useRef(dependentQueries)
  useEffect(() => {
    dependentRef.current = dependentQueries
  }, [dependentQueries])
  useEffect(() => invalidateOnSegmentChange(queryClient, () => dependentRef.current), [queryClient])

  const value = useMemo<SessionContextValue>(
    () => ({ client, queryClient, writer: createSessionWriter(client, queryClient) }),
    [client, queryClient],
  )
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}
