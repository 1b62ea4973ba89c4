import { useCallback, useMemo, useSyncExternalStore } from 'react'
import { sourceOf } from '../core/placeSource'
import { placeOf } from '../core/sessionPlace'
import type { GateInputs, RegionGateState } from './regionPolicy'
import { useSessionContext } from './SessionContext'

/** Without a region policy nothing is applied: the gate only says whether the session has a place. */
function plainGate({ confirmed, found }: GateInputs): RegionGateState {
  const place = confirmed && placeOf(confirmed)
  const status = !confirmed ? 'resolving' : place ? 'set' : 'needed'
  return { status, source: place ? sourceOf(place, found) : null, required: false, ready: status !== 'resolving', suggestion: undefined, ignored: [] }
}

/**
 * Whether the shopper's place is known, from the session as the Session Manager confirmed it
 * (never a write in flight): `resolving`, `needed` (ask the shopper; `suggestion` pre-fills) or
 * `set`, with the `source` it came from. Hold regional queries with `enabled: ready`.
 */
export function useRegionGate(): RegionGateState {
  const { queryClient, runtime, region, sessionOptions, pageSegment } = useSessionContext('useRegionGate')
  const cache = queryClient.getQueryCache()
  // The gate changes only with the session's and segment's cache entries (every confirmation and
  // load step is an update of one): other queries' updates are not looked at. A session loaded
  // without the policy is caught up with here, after render (a microtask: never inside another
  // listener's notification).
  const subscribe = useCallback(
    (onChange: () => void) => {
      const watched = [JSON.stringify(runtime.keys.session), JSON.stringify(runtime.keys.segment)]
      const follow = () => region && queueMicrotask(() => region.follow(queryClient, sessionOptions, runtime.confirmed().session))
      follow()
      return cache.subscribe(({ type, query }) => {
        if (type !== 'updated' || !watched.includes(query.queryHash)) return
        follow()
        onChange()
      })
    },
    [cache, queryClient, region, runtime, sessionOptions],
  )
  const gateText = (onServer: boolean) => {
    const confirmed = runtime.confirmed()
    const inputs: GateInputs = {
      confirmed: confirmed.session,
      found: runtime.found(),
      segmentStale: confirmed.segment === undefined && cache.find({ queryKey: runtime.keys.segment, exact: true })?.state.data !== undefined,
      onServer,
    }
    const query = cache.find({ queryKey: runtime.keys.session, exact: true })
    const gate = region ? region.gate(query, inputs) : plainGate(inputs)
    // Until the shopper's session is read, a shared page's segment prices regional queries, as it
    // priced the server's render of them (with a region, where one is required).
    const page = confirmed.session === undefined ? pageSegment : undefined
    const pricedByPage = !!page && (!gate.required || !!page.regionId)
    return JSON.stringify(pricedByPage && !gate.ready ? { ...gate, ready: true } : gate)
  }
  // The server knows no page URL: hydration renders what it rendered, then looks at the URL.
  const text = useSyncExternalStore(
    subscribe,
    () => gateText(false),
    () => gateText(true),
  )
  return useMemo(() => JSON.parse(text) as RegionGateState, [text])
}
