import type { Query } from '@tanstack/react-query'
import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react'
import { sourceOf } from '../core/placeSource'
import type { SessionError } from '../core/SessionError'
import { placeOf } from '../core/sessionPlace'
import type { Session } from '../core/types'
import type { GateDecision, GateInputs, RegionGateState } from './regionPolicy'
import { useSessionContext } from './SessionContext'
import { settleForReaders } from './settleForReaders'

/** Without a region policy nothing is applied: the gate only says whether the session has a place. */
function plainGate({ confirmed, found, loadFailed }: GateInputs): GateDecision {
  const place = confirmed && placeOf(confirmed)
  const status = place ? 'set' : confirmed ? 'needed' : loadFailed ? 'failed' : 'resolving'
  return { status, source: place ? sourceOf(place, found) : null, required: false, ready: confirmed !== undefined, suggestion: undefined, ignored: [] }
}

/**
 * The session's latest read failed: its error, or, while it is read again with nothing to show
 * (`retry()`, or React Query's own on focus, reconnect or a new reader), the last one, kept on
 * screen until that read lands. React Query clears a query's error when it fetches again.
 */
function failureOf(query: Query<Session, SessionError> | undefined, last: SessionError | null): SessionError | null {
  if (!query) return null
  const { error, data, fetchStatus, errorUpdateCount } = query.state
  return error ?? (data === undefined && fetchStatus !== 'idle' && errorUpdateCount > 0 ? last : null)
}

/**
 * Whether the shopper's place is known, from the session as the Session Manager confirmed it
 * (never a write in flight): `resolving`, `needed` (ask the shopper; `suggestion` pre-fills),
 * `set`, with the `source` it came from, or `failed` (the session could not be read: `loadError`,
 * `retry()`). Hold regional queries with `enabled: ready`.
 */
export function useRegionGate(): RegionGateState {
  const { queryClient, runtime, region, sessionOptions, pageSegment } = useSessionContext('useRegionGate')
  const cache = queryClient.getQueryCache()
  /** The read's last error, shown while it is read again. */
  const lastError = useRef<SessionError | null>(null)
  const sessionQuery = useCallback(() => cache.find<Session, SessionError>({ queryKey: runtime.keys.session, exact: true }), [cache, runtime])
  // The gate changes only with the session's and segment's cache entries (every confirmation and
  // load step is an update of one): other queries' updates are not looked at.
  const watch = useCallback(
    (onChange: () => void) => {
      const watched = [JSON.stringify(runtime.keys.session), JSON.stringify(runtime.keys.segment)]
      return cache.subscribe(({ type, query }) => type === 'updated' && watched.includes(query.queryHash) && onChange())
    },
    [cache, runtime],
  )
  // A session loaded without the policy is caught up with here, after render (a microtask: never
  // inside another listener's notification).
  const subscribe = useCallback(
    (onChange: () => void) => {
      const follow = () => region && queueMicrotask(() => region.follow(queryClient, sessionOptions, runtime.confirmed().session))
      follow()
      return watch(() => {
        follow()
        onChange()
      })
    },
    [watch, queryClient, region, runtime, sessionOptions],
  )
  const decide = (onServer: boolean): GateDecision => {
    const confirmed = runtime.confirmed()
    const query = sessionQuery()
    const inputs: GateInputs = {
      confirmed: confirmed.session,
      found: runtime.found(),
      loadFailed: failureOf(query, lastError.current) !== null,
      segmentStale: confirmed.segment === undefined && cache.find({ queryKey: runtime.keys.segment, exact: true })?.state.data !== undefined,
      onServer,
    }
    const gate = region ? region.gate(query, inputs) : plainGate(inputs)
    // Until the shopper's session is read, a shared page's segment prices regional queries, as it
    // priced the server's render of them (with a region, where one is required).
    const page = confirmed.session === undefined ? pageSegment : undefined
    const pricedByPage = !!page && (!gate.required || !!page.regionId)
    return pricedByPage && !gate.ready ? { ...gate, ready: true } : gate
  }
  // The server knows no page URL: hydration renders what it rendered, then looks at the URL.
  const text = useSyncExternalStore(
    subscribe,
    () => JSON.stringify(decide(false)),
    () => JSON.stringify(decide(true)),
  )
  // The read's error as it is (a SessionError does not survive JSON): the one `failed` shows.
  const readError = () => (lastError.current = failureOf(sessionQuery(), lastError.current))
  const loadError = useSyncExternalStore(watch, readError, readError)
  // One read per call, only after a failed one (a read in flight is joined: its outcome is the
  // caller's): not the QueryClient's retries, and not paused offline (no promise waits for the
  // network). Those options are the call's only: React Query keeps a fetch's options on the query,
  // so the ones it had are put back.
  const retry = useCallback(() => {
    const query = sessionQuery()
    if (query?.state.fetchStatus !== 'idle' && query?.promise) return settleForReaders<unknown>(query.promise)
    if (query?.state.status !== 'error') return settleForReaders<unknown>(Promise.resolve())
    const { options } = query
    const read = queryClient.fetchQuery({ ...sessionOptions, staleTime: 0, retry: false, networkMode: 'always' })
    return settleForReaders<unknown>(read.finally(() => query.setOptions(options)))
  }, [sessionQuery, queryClient, sessionOptions])
  return useMemo(() => ({ ...(JSON.parse(text) as GateDecision), loadError, retry }) as RegionGateState, [text, loadError, retry])
}
