import type { FetchQueryOptions, Query, QueryClient, QueryFunction } from '@tanstack/react-query'
import type { SessionClient } from '../core/createSessionClient'
import { GOOGLE_REGION_PARAM } from '../core/googleRegionId'
import { sourceOf, type PlaceSource } from '../core/placeSource'
import type { RegionInput } from '../core/regionInput'
import { resolveRegion, type IgnoredSource, type RegionDecision, type SavedAddress } from '../core/regionResolver'
import type { SessionError } from '../core/SessionError'
import { placeOf } from '../core/sessionPlace'
import type { Session } from '../core/types'
import { sessionRuntime } from './sessionRuntime'

export interface RegionPolicyOptions {
  /**
   * The shopper must have a place before any price shows: until the Session Manager confirms one,
   * `useRegionGate()` says `needed` and holds regional queries (the search hooks, and the app's
   * queries that read `ready`).
   */
  required?: boolean
  /**
   * The store's default place. With `required`, it only pre-fills the question (`suggestion`): a
   * shopper is never priced for a place nobody chose. Without, it is written for a shopper with
   * no place, no valid `region_id` and no saved address.
   */
  default?: RegionInput
  /** The countries the store sells to: a `region_id` for another is ignored. */
  countries?: readonly string[]
  /**
   * A logged-in shopper's saved addresses, tried after `region_id` (e.g. `savedAddressesFrom` of
   * `vtex-session-react/checkout`). Asked only for a shopper without a place.
   */
  savedAddresses?: (session: Session) => Promise<readonly SavedAddress[]>
  /** How long the saved addresses may take before they are skipped (default 5 s): nothing is priced meanwhile. */
  savedAddressesTimeoutMs?: number
}

/** What every state of the region gate holds. */
interface RegionGateFields {
  /** Where the place came from (`null` until it is set). */
  source: PlaceSource | null
  /** The store requires a place before prices. */
  required: boolean
  /** Regional queries may run: the place is set, or it is not required and nothing is being applied. */
  ready: boolean
  /** What to pre-fill the question with: the store's default, when a place is required. */
  suggestion: RegionInput | undefined
  /** Sources that were there but refused (an invalid `region_id`, a failed write), and why. */
  ignored: IgnoredSource[]
  /**
   * After a failed read of the session (`loadError`): reads it again, one request whatever the
   * QueryClient's retry setting (offline, it fails at once), and the gate goes on as after a first
   * load. Never runs on its own; does nothing when the last read did not fail. Resolves once the
   * gate shows the outcome; rejects with the `SessionError` when the read fails again (marked
   * handled: `onClick={gate.retry}` needs no catch).
   */
  retry: () => Promise<void>
}

/**
 * The region gate (`useRegionGate()`). `status`: `resolving`, the place is not known yet (loading,
 * or a source being applied); `needed`, no place; `set`, the Session Manager confirmed one;
 * `failed`, the session could not be read, so no place can be known (`loadError` says why, `retry()`
 * reads it again).
 */
export type RegionGateState = RegionGateFields &
  (
    | {
        status: 'resolving' | 'needed' | 'set'
        /** A read of the session failed; the last good place stands (`null` once a read succeeds). */
        loadError: SessionError | null
      }
    | {
        status: 'failed'
        /** Why the session could not be read. */
        loadError: SessionError
      }
  )

/** What a gate decides from the session and its inputs (`useRegionGate` adds the read's error and `retry`). */
export type GateDecision = Omit<RegionGateFields, 'retry'> & { status: RegionGateState['status'] }

type SessionQuery = Query<Session, SessionError, Session, readonly unknown[]>

/** How a session query loads: its function and staleness (the UTM capture brings its own). */
export interface SessionLoad {
  queryFn: QueryFunction<Session, readonly unknown[]>
  staleTime: number | ((query: SessionQuery) => number)
}

/** What the gate looks at besides the session query. */
export interface GateInputs {
  /** The session as the Session Manager confirmed it (never a write in flight). */
  confirmed: Session | undefined
  /** The session as the page found it, before the shopper changed anything here: its place is the session's own. */
  found: Session | undefined
  /** The session's latest read failed and nothing is reading it now. */
  loadFailed: boolean
  /** A segment is cached that no longer describes the confirmed session (it is being read again). */
  segmentStale: boolean
  /** Rendering on a server, which cannot see the page URL. */
  onServer: boolean
}

/** What a page's place resolution is, for `<SessionProvider region>`: made by `regionPolicy`. */
export interface RegionPolicy {
  readonly required: boolean
  /** The session query's load with the place resolved in it (used by the session query options). */
  sessionLoad(client: SessionClient, load: SessionLoad): SessionLoad
  /** The gate of the session query (only its identity is used; used by `useRegionGate`). */
  gate(query: object | undefined, inputs: GateInputs): GateDecision
  /**
   * Catches up with a session loaded without this policy (another provider, an app's prefetch):
   * records a place it already has, or loads once more with the policy. Called by `useRegionGate`
   * when it subscribes and on each cache update, never during render.
   */
  follow(queryClient: QueryClient, options: FetchQueryOptions<Session, SessionError, Session, readonly unknown[]>, confirmed: Session | undefined): void
}

/**
 * What the policy did with a session query's first load: nothing yet (absent), deciding or writing
 * the place (with the decision once made), or done. Kept per session query: a QueryClient holds
 * one for the page, so this is once per page load (a cleared cache starts again).
 */
type RegionLoad = { state: 'resolving'; settled: Promise<Session>; decision?: RegionDecision } | { state: 'decided'; decision: RegionDecision }
const loads = new WeakMap<object, RegionLoad>()
/** Session queries `follow` has loaded again: at most once each, so a failing read never loops. */
const followed = new WeakSet<object>()

/** The one place a query's region load changes. */
const moveTo = (query: object, next: RegionLoad) => void loads.set(query, next)

const regionIdOfPage = (): string | null => (typeof location === 'undefined' ? null : new URLSearchParams(location.search).get(GOOGLE_REGION_PARAM))

/**
 * Resolves the shopper's place with the first load of the session: when the session has none,
 * the page URL's Google `region_id` (`?region_id=`), then the saved addresses, then (when not
 * required) the store's default are tried in that order, and the first valid one is written — one
 * `PATCH ?items=*` after the read, before anything is priced. A shopper's own place always wins
 * and an invalid `region_id` is ignored. Pass it as `<SessionProvider region={regionPolicy(…)}>`.
 */
export function regionPolicy({
  required = false,
  default: storeDefault,
  countries,
  savedAddresses,
  savedAddressesTimeoutMs = 5_000,
}: RegionPolicyOptions = {}): RegionPolicy {
  const written = required ? undefined : storeDefault
  /**
   * Something may give a shopper without a place one, so an undecided load is still resolving. A
   * server cannot see the page URL's `region_id`: where a place is required it never asks (the
   * browser decides after hydration); where not, it renders what it has.
   */
  const mayResolve = (onServer: boolean) => Boolean(written || savedAddresses) || (onServer ? required : regionIdOfPage() !== null)

  /** The saved addresses, or a refusal after the time limit: a slow cart must not hold the prices. */
  async function savedAddressesOf(session: Session): Promise<readonly SavedAddress[]> {
    let timer: ReturnType<typeof setTimeout> | undefined
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no saved addresses within ${savedAddressesTimeoutMs} ms`)), savedAddressesTimeoutMs)
    })
    try {
      return await Promise.race([savedAddresses!(session), late])
    } finally {
      clearTimeout(timer)
    }
  }

  async function decide(session: Session): Promise<RegionDecision> {
    const candidates = { session, regionId: regionIdOfPage(), storeDefault: written, countries }
    const decision = resolveRegion(candidates)
    if (!savedAddresses || decision.source === 'session' || decision.source === 'region_id') return decision
    try {
      return resolveRegion({ ...candidates, savedAddresses: await savedAddressesOf(session) })
    } catch (error) {
      return { ...decision, ignored: [...decision.ignored, { source: 'saved-address', reason: error instanceof Error ? error.message : String(error) }] }
    }
  }

  /** Decides the place for a session read without one, and writes it; always settles the query's record. */
  async function resolvePlace(client: SessionClient, queryClient: QueryClient, query: Query<Session, SessionError>, session: Session): Promise<Session> {
    let decision: RegionDecision = { source: null, ignored: [] }
    try {
      decision = await decide(session)
      // The shopper (or another tab) chose a place meanwhile, or is writing one: theirs stands.
      const now = query.state.data
      if ('fields' in decision && now && placeOf(now)) decision = { source: null, ignored: decision.ignored }
      const record = loads.get(query)
      if (record?.state === 'resolving') moveTo(query, { ...record, decision })
      if (!('fields' in decision)) return session
      return await sessionRuntime(queryClient, client).write(decision.fields, { load: true })
    } catch (error) {
      // Not retried (a loop of writes could take a store down): the session read stands and the gate says why.
      const reason = error instanceof Error ? error.message : String(error)
      decision = { source: null, ignored: [...decision.ignored, ...('fields' in decision ? [{ source: decision.source, reason }] : [])] }
      return session
    } finally {
      moveTo(query, { state: 'decided', decision })
    }
  }

  async function load(client: SessionClient, inner: SessionLoad, context: Parameters<SessionLoad['queryFn']>[0]): Promise<Session> {
    // Read first, even over a server-rendered session: that may be a cached page's, and a
    // shopper's own place must never be overwritten.
    const session = await inner.queryFn(context)
    const query = context.client.getQueryCache().find<Session, SessionError>({ queryKey: context.queryKey, exact: true })
    if (query === undefined) return session
    const record = loads.get(query)
    // A load while the place is being resolved (a refetch) ends with it: nobody reads the segment before.
    if (record?.state === 'resolving') return record.settled
    if (record) return session
    let settle!: (session: Promise<Session>) => void
    const settled = new Promise<Session>((resolve) => (settle = resolve))
    // Claimed before anything is awaited: a second load meanwhile writes nothing.
    moveTo(query, { state: 'resolving', settled })
    settle(resolvePlace(client, context.client, query, session))
    return settled
  }

  return {
    required,
    sessionLoad: (client, inner) => ({
      queryFn: (context) => load(client, inner, context),
      // A server-rendered session without a place is stale while a source may give it one: the first read resolves it.
      staleTime: (query) =>
        !loads.has(query) && query.state.data && !placeOf(query.state.data) && mayResolve(false)
          ? 0
          : typeof inner.staleTime === 'function'
            ? inner.staleTime(query)
            : inner.staleTime,
    }),
    gate(query, { confirmed, found, loadFailed, segmentStale, onServer }) {
      const record = query && loads.get(query)
      const decision = record?.decision
      const place = confirmed && placeOf(confirmed)
      // After the policy wrote a place, it is set once the segment that describes it is read too.
      const awaitingSegment = segmentStale && decision !== undefined && 'fields' in decision
      // Waiting for the session's load (nothing read yet, or a place to resolve with it): a failed read ends the wait.
      const loading = !confirmed || (!record && !place && mayResolve(onServer))
      const resolving = loading || record?.state === 'resolving' || awaitingSegment
      const status = place && !awaitingSegment ? 'set' : loading && loadFailed ? 'failed' : resolving ? 'resolving' : 'needed'
      const source = status === 'set' && place ? sourceOf(place, found, decision) : null
      return {
        status,
        source,
        required,
        ready: status === 'set' || (!required && status === 'needed'),
        suggestion: required ? storeDefault : undefined,
        ignored: decision?.ignored ?? [],
      }
    },
    follow(queryClient, options, confirmed) {
      const query = queryClient.getQueryCache().find<Session, SessionError>({ queryKey: options.queryKey, exact: true })
      if (!query || loads.has(query) || query.state.fetchStatus !== 'idle' || !confirmed) return
      const place = placeOf(confirmed)
      if (place) return moveTo(query, { state: 'decided', decision: { source: 'session', place, ignored: [] } })
      // A failed read is read again by the gate's `retry()`, never on its own.
      if (followed.has(query) || query.state.status === 'error' || !mayResolve(false)) return
      followed.add(query)
      void queryClient.fetchQuery({ ...options, staleTime: 0 }).catch(() => undefined)
    },
  }
}
