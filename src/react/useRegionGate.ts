import { useCallback, useMemo, useSyncExternalStore } from 'react'
import { placeOf } from '../core/sessionPlace'
import type { Session } from '../core/types'
import type { RegionGateState } from './regionPolicy'
import { useSessionContext } from './SessionContext'

/** Without a region policy nothing is applied: the gate only says whether the session has a place. */
function plainGate(confirmed: Session | undefined): RegionGateState {
  const status = !confirmed ? 'resolving' : placeOf(confirmed) ? 'set' : 'needed'
  return { status, source: status === 'set' ? 'session' : null, required: false, ready: status !== 'resolving', suggestion: undefined, ignored: [] }
}

/**
 * Whether the shopper's place is known, from the session as the Session Manager confirmed it
 * (never a write in flight): `resolving`, `needed` (ask the shopper; `suggestion` pre-fills) or
 * `set`, with the `source` it came from. Hold regional queries with `enabled: ready`.
 */
export function useRegionGate(): RegionGateState {
  const { queryClient, runtime, region } = useSessionContext('useRegionGate')
  const cache = queryClient.getQueryCache()
  // The gate changes only with the session's cache entry (every confirmation and load step is an update of it).
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(({ type }) => type === 'updated' && onChange()), [cache])
  const gateText = (onServer: boolean) => {
    const confirmed = runtime.confirmed().session
    const query = cache.find({ queryKey: runtime.keys.session, exact: true })
    return JSON.stringify(region ? region.gate(query, confirmed, onServer) : plainGate(confirmed))
  }
  // The server knows no page URL: hydration renders what it rendered, then looks at the URL.
  const text = useSyncExternalStore(
    subscribe,
    () => gateText(false),
    () => gateText(true),
  )
  return useMemo(() => JSON.parse(text) as RegionGateState, [text])
}
