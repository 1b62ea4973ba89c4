import type { Query, QueryCacheNotifyEvent, QueryClient } from '@tanstack/react-query'
import type { SessionClient } from '../core/createSessionClient'
import { toPublicFieldValues } from '../core/publicFields'
import { segmentKeyOf } from '../core/segmentKey'
import { SessionError } from '../core/SessionError'
import { decodeSegmentToken } from '../core/tokens'
import type { PublicFieldValues, Segment, Session } from '../core/types'
import { now } from './clock'
import { sessionKeysFor, type SessionKeys } from './sessionKeys'
import {
  initialState,
  paintedSession,
  reduce,
  withPublicFields,
  type Batch,
  type Confirmed,
  type SessionEvent,
  type SessionState,
} from './sessionState'
import { openTabChannel } from './tabChannel'

type Part = 'session' | 'segment'

export interface SessionRuntime {
  readonly keys: SessionKeys
  /** The client requests go through: the one the latest provider (or query options) brought. */
  client: SessionClient
  /** A session read (first load, refetch, refresh): lands only if it started after the latest confirmation. */
  readSession(): Promise<Session>
  /** A segment read, through the same gate. */
  readSegment(): Promise<Segment>
  /** What the runtime holds as confirmed (the cache shows it with pending writes painted over). */
  confirmed(): { session?: Session; segment?: Segment }
  /** Writes public fields; resolves with the confirmed session once readers see it. `load`: always `?items=*`. */
  write(fields: unknown, options?: { load?: boolean }): Promise<Session>
  /** Called each time the segment changes (not on its first load); returns the unsubscribe function. */
  onSegmentChange(listener: (segment: Segment) => void): () => void
  /** Shares confirmed state with the other tabs while connected; returns the disconnect function. */
  connectTabs(): () => void
  /** Tells the other tabs what is confirmed now. */
  shareWithTabs(): void
}

export interface SessionRuntimeOptions {
  /** Settles once components have been told of the latest cache change (React Query's next tick). */
  afterPaint?: () => Promise<void>
}

const asSessionError = (error: unknown): SessionError =>
  error instanceof SessionError ? error : new SessionError('network', String(error), { cause: error })

/**
 * The one session runtime of a QueryClient and Session Manager origin (see `runtimeFor`).
 * The rule it keeps: the cache shows the latest confirmed server state with every write not yet
 * confirmed painted over it. Every source of session data — reads, write answers, other tabs,
 * the app writing the cache — is an event of `reduce`; `paint` is the only writer of the cache keys.
 */
export function createSessionRuntime(
  queryClient: QueryClient,
  client: SessionClient,
  { afterPaint = () => Promise.resolve() }: SessionRuntimeOptions = {},
): SessionRuntime {
  const keys = sessionKeysFor(client.baseUrl)
  const cache = queryClient.getQueryCache()
  const hashes = [JSON.stringify(keys.session), JSON.stringify(keys.segment)]
  const find = (part: Part) => cache.find<Session | Segment>({ queryKey: keys[part], exact: true })
  // What the cache already holds (hydrated, prefetched, initialData) is server state as of its time.
  const fromCache = <T>(part: Part): Confirmed<T> => {
    const query = find(part)
    return { data: query?.state.data as T | undefined, at: query?.state.dataUpdatedAt ?? 0 }
  }

  let state: SessionState = initialState(fromCache<Session>('session'), fromCache<Segment>('segment'))
  const painted: Partial<Record<Part, unknown>> = {}
  let painting = false
  let segmentKey = state.segment.data && segmentKeyOf(state.segment.data)
  const segmentListeners = new Set<(segment: Segment) => void>()
  const tabs = openTabChannel(client.baseUrl, (message) => dispatch({ type: 'server', segmentUnknown: true, ...message }))

  function dispatch(event: SessionEvent): void {
    const segmentBefore = state.segment
    state = reduce(state, event)
    paint()
    if (state.segment !== segmentBefore && !state.segment.data) dropSegment()
  }

  function setCache(part: Part, data: Session | Segment): void {
    painting = true
    painted[part] = queryClient.setQueryData(keys[part], data)
    painting = false
  }

  /** The only writer of the cache keys. */
  function paint(): void {
    const session = paintedSession(state)
    if (session && session !== painted.session) setCache('session', session)
    const segment = state.segment.data
    if (!segment || segment === painted.segment) return
    setCache('segment', segment)
    const key = segmentKeyOf(segment)
    if (segmentKey !== undefined && key !== segmentKey) segmentListeners.forEach((listener) => listener(segment))
    segmentKey = key
  }

  /**
   * The server moved the segment without saying where: nobody may price with the old one. Its
   * readers read it again; a segment cached for nobody is reset (the next reader loads it).
   */
  function dropSegment(): void {
    const query = find('segment')
    painted.segment = undefined
    if (query?.isActive()) void queryClient.invalidateQueries({ queryKey: keys.segment, exact: true })
    else if (query?.state.data) void queryClient.resetQueries({ queryKey: keys.segment, exact: true })
  }

  // Whatever else writes these keys is a source like any other: the app's setQueryData and
  // hydration are server state as of their time; a fetch that lands an older paint is painted over.
  cache.subscribe((event: QueryCacheNotifyEvent) => {
    const part = (['session', 'segment'] as const)[hashes.indexOf(event.query.queryHash)]
    if (painting || !part) return
    if (event.type === 'removed') return dispatch({ type: 'forgotten', part })
    const action = event.type === 'updated' ? event.action : undefined
    // Only what brings data counts (not fetch, error or invalidate actions).
    if (event.type !== 'added' && action?.type !== 'success' && action?.type !== 'setState') return
    const { data, dataUpdatedAt } = (event.query as Query<Session | Segment>).state
    if (data === undefined || data === painted[part]) return
    painted[part] = undefined
    if (action?.type === 'success' && !action.manual) paint()
    else dispatch({ type: 'server', at: dataUpdatedAt, [part]: data })
  })

  /**
   * One read through the gate; answers with what the cache shows afterwards. An answer older than
   * the latest confirmation is dropped; with nothing newer to show, it is read again.
   */
  async function read<T>(part: Part, request: () => Promise<T>): Promise<T> {
    const at = now()
    const data = await request()
    dispatch({ type: 'server', at, [part]: data })
    const shown = part === 'session' ? paintedSession(state) : state.segment.data
    return shown ? (shown as T) : read(part, request)
  }

  /**
   * One write, one round trip on the critical path. Nobody reading the segment: the PATCH with
   * `?items=*` answers the whole new session. Otherwise the segment token in the PATCH answer is
   * the new segment (prices refetch at once) and the session is read back meanwhile.
   */
  async function send({ fields, load }: Batch): Promise<Session> {
    if (load || !find('segment')?.isActive()) {
      const session = await runtime.client.editSession(fields, { items: '*' })
      dispatch({ type: 'server', at: now(), session, segmentUnknown: true })
      return session
    }
    const { segmentToken } = await runtime.client.editSession(fields)
    const at = now()
    let segment: Segment | undefined
    try {
      segment = decodeSegmentToken(segmentToken)
      dispatch({ type: 'server', at, segment })
      return await runtime.readSession()
    } catch (error) {
      // The server took the write, but its answer or the read-back failed. Keep what it accepted
      // (never one region beside another's prices), marked stale, and read it again.
      const accepted = segment && state.session.data && acceptedSession(state.session.data, fields, segment)
      if (accepted) dispatch({ type: 'server', at, session: accepted })
      void queryClient.invalidateQueries({ queryKey: keys.session, exact: true })
      if (!segment) void queryClient.invalidateQueries({ queryKey: keys.segment, exact: true })
      if (!accepted) throw error
      return accepted
    }
  }

  let draining = false
  async function drain(): Promise<void> {
    draining = true
    for (let batch = state.writes.queued; batch; batch = state.writes.queued) {
      dispatch({ type: 'send' })
      const outcome = send(batch).catch((error: unknown) => Promise.reject(asSessionError(error)))
      await outcome.catch(() => {})
      dispatch({ type: 'settle' })
      await afterPaint()
      void outcome.then(runtime.shareWithTabs, () => {})
      batch.settle(outcome)
    }
    draining = false
  }

  const runtime: SessionRuntime = {
    keys,
    client,
    readSession: () => read('session', () => runtime.client.getSession()),
    readSegment: () => read('segment', () => runtime.client.getSegment()),
    confirmed: () => ({ session: state.session.data, segment: state.segment.data }),
    write(fields, { load = false } = {}) {
      let values: PublicFieldValues
      try {
        // Checked before anything is queued: bad input costs nothing and disturbs no other write.
        values = toPublicFieldValues(fields)
      } catch (error) {
        return Promise.reject(error)
      }
      let settle!: Batch['settle']
      const done = new Promise<Session>((resolve) => (settle = resolve))
      const batch = state.writes.queued ?? { fields: {}, load, done, settle }
      dispatch({ type: 'write', fields: values, batch })
      if (!draining) void drain()
      return batch.done
    },
    onSegmentChange(listener) {
      segmentListeners.add(listener)
      return () => segmentListeners.delete(listener)
    },
    connectTabs: tabs.connect,
    shareWithTabs() {
      // Without a segment (the server moved it without saying where), the other tab reads its own.
      const { session, segment } = state
      if (session.data) tabs.post({ v: 1, at: session.at, session: session.data, segment: segment.data })
    },
  }
  return runtime
}

/**
 * What the server holds after accepting `fields` when it could not be read back: the last
 * confirmed session with them written, and the region of the segment it answered.
 */
function acceptedSession(session: Session, fields: PublicFieldValues, segment: Segment): Session {
  const written = withPublicFields(session, fields)
  const { regionId: _previous, ...checkout } = written.namespaces.checkout ?? {}
  if (typeof segment.regionId === 'string') checkout.regionId = { value: segment.regionId }
  return { ...written, namespaces: { ...written.namespaces, checkout } }
}
