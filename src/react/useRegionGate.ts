import type { Query } from '@tanstack/react-query'
import { useCallback, useMemo, useSyncExternalStore } from 'react'
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

/** The session's latest read failed and nothing is reading it now. */
const readFailed = (query: Query<Session, SessionError> | undefined) => query?.state.status === 'error' && query.state.fetchStatus === 'idle'

/**
 * Whether the shopper's place is known, from the session as the Session Manager confirmed it
 * (never a write in flight): `resolving`, `needed` (ask the shopper; `suggestion` pre-fills),
 * `set`, with the `source` it came from, or `failed` (the session could not be read: `loadError`,
 * `retry()`). Hold regional queries with `enabled: ready`.
 */
export function useRegionGate(): RegionGateState {
  const { queryClient, runtime, region, sessionOptions, pageSegment } = useSessionContext('useRegionGate')
  const cache = queryClient.getQueryCache()
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
      loadFailed: readFailed(query),
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
  const readError = () => sessionQuery()?.state.error ?? null
  const loadError = useSyncExternalStore(watch, readError, readError)
  // One read per call, only after a failed one: not the QueryClient's retries, and not paused
  // offline (no promise waits for the network).
  const retry = useCallback(
    () =>
      settleForReaders<unknown>(
        readFailed(sessionQuery()) ? queryClient.fetchQuery({ ...sessionOptions, staleTime: 0, retry: false, networkMode: 'always' }) : Promise.resolve(),
      ),
    [sessionQuery, queryClient, sessionOptions],
  )
  return useMemo(() => ({ ...(JSON.parse(text) as GateDecision), loadError, retry }) as RegionGateState, [text, loadError, retry])
}
