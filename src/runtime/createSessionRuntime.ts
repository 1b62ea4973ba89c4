import type { Query, QueryCacheNotifyEvent, QueryClient } from '@tanstack/react-query'
import type { SessionClient } from '../core/createSessionClient'
import { toPublicFieldValues } from '../core/publicFields'
import { segmentKeyOf } from '../core/segmentKey'
import { SessionError } from '../core/SessionError'
import { decodeSegmentToken } from '../core/tokens'
import type { PublicFieldValues, Segment, Session } from '../core/types'
import { sessionKeysFor, type SessionKeys } from './sessionKeys'
import {
  initialState,
  paintedSession,
  reduce,
  withPublicFields,
  batchFields,
  splitRefused,
  type Batch,
  type Effect,
  type Part,
  type SessionEvent,
  type SessionState,
} from './sessionState'
import { openTabChannel } from './tabChannel'

export interface SessionRuntime {
  readonly keys: SessionKeys
  /** The client every request goes through: the one the runtime was made with. */
  readonly client: SessionClient
  /** A session read (first load, refetch): lands only if nothing was confirmed since it started. */
  readSession(): Promise<Session>
  /** A segment read, through the same gate. */
  readSegment(): Promise<Segment>
  /** Reads the session again (and the segment, when it is read or cached), then tells the other tabs. */
  refresh(): Promise<Session>
  /** What the runtime holds as confirmed (the cache shows it with pending writes painted over). */
  confirmed(): { session?: Session; segment?: Segment }
  /** Whether this page has held a session (read, written, cached): a server-rendered one is out of date once it has. */
  hasSeenSession(): boolean
  /** The session as this page found it, before the shopper changed anything here (a write of theirs, another tab's): the place it names is the session's own. */
  found(): Session | undefined
  /** Writes public fields; resolves with the confirmed session once readers see it. `load`: the first load's own write (always `?items=*`), not the shopper's. */
  write(fields: unknown, options?: { load?: boolean }): Promise<Session>
  /** Called each time the segment changes (not on its first load); returns the unsubscribe function. */
  onSegmentChange(listener: (segment: Segment) => void): () => void
  /** Shares confirmed state with the other tabs while connected or while the session is cached; returns the disconnect function. */
  connectTabs(): () => void
  /** A provider that does not sync tabs: stops listening unless another provider is connected. */
  releaseTabs(): void
}

export interface SessionRuntimeOptions {
  /** Settles once components have been told of the latest cache change (React Query's next tick). */
  afterPaint?: () => Promise<void>
  /** Runs cache writes as one notification, so no render sees the session without its segment. */
  batch?: (paint: () => void) => void
}

const asSessionError = (error: unknown): SessionError =>
  error instanceof SessionError ? error : new SessionError('network', String(error), { cause: error })

/** Failures of writes the server took (their read-back failed): never a refusal, whatever their status. */
const tookWrite = new WeakSet<object>()
const applied = (error: unknown) => {
  if (typeof error === 'object' && error !== null) tookWrite.add(error)
  return error
}

/** The server answered that it will not take the write (not applied): a 4xx other than a timeout or a rate limit. */
const isRefusal = ({ kind, status = 500 }: SessionError): boolean => kind === 'http' && status < 500 && status !== 408 && status !== 429

/**
 * The one session runtime of a QueryClient and Session Manager origin (see `runtimeFor`).
 * The rule it keeps: the cache shows the latest confirmed server state with every write not yet
 * confirmed painted over it. Every source of session data — reads, write answers, other tabs,
 * the app writing the cache — is an event of `reduce`, ordered by a counter of this page (no
 * clock); `paint` is the only writer of the cache keys.
 */
export function createSessionRuntime(
  queryClient: QueryClient,
  client: SessionClient,
  { afterPaint = () => Promise.resolve(), batch = (paint) => paint() }: SessionRuntimeOptions = {},
): SessionRuntime {
  const keys = sessionKeysFor(client.baseUrl)
  const cache = queryClient.getQueryCache()
  const hashes = [JSON.stringify(keys.session), JSON.stringify(keys.segment)]
  const find = (part: Part) => cache.find<Session | Segment>({ queryKey: keys[part], exact: true })
  /** The order of this page's events: whatever was cached before the runtime existed is 0, older than all of them. */
  let order = 0
  const tick = () => ++order

  let state: SessionState = initialState(
    { data: find('session')?.state.data as Session | undefined, seq: 0 },
    { data: find('segment')?.state.data as Segment | undefined, seq: 0 },
    Math.random().toString(36).slice(2),
  )
  const painted: Partial<Record<Part, unknown>> = {}
  let painting = false
  let segmentKey = state.segment.data && segmentKeyOf(state.segment.data)
  const segmentListeners = new Set<(segment: Segment) => void>()
  const tabs = openTabChannel(client.baseUrl, (message, attended) => dispatch({ type: 'tab', message, seq: tick(), unattended: !attended }), () => state.session.data !== undefined)

  /** What the cache shows of a part: the session with pending writes painted over it. */
  const shown = (part: Part) => (part === 'session' ? paintedSession(state) : state.segment.data)

  /** The one place the state changes; then the cache is painted and the effects run. */
  function dispatch(event: SessionEvent): void {
    const { state: next, effects } = reduce(state, event)
    state = next
    try {
      paint()
    } finally {
      // A cache listener that throws (the app's) must not stop a PATCH or a read: a write would hang.
      effects.forEach(run)
    }
  }

  function run(effect: Effect): void {
    if (effect.type === 'send') void deliver(effect.batch)
    else if (effect.type === 'reread') reread()
    else if (effect.type === 'share') share()
    else if (effect.type === 'markStale') markStale()
    else dropSegment()
  }

  /**
   * One re-read at a time; a reason to re-read that comes during one gets one more after it. A
   * failed re-read is tried once more; failing again, it keeps what is shown (session and segment,
   * never one without the other) marked stale: the next focus or mount reads both.
   */
  let rereading = false
  let rereadAgain = false
  function reread(retries = 1): void {
    if (rereading) return void (rereadAgain = true)
    rereading = true
    runtime.refresh().then(
      () => {
        rereading = false
        if (rereadAgain) reread()
        rereadAgain = false
      },
      () => {
        rereading = rereadAgain = false
        if (retries > 0) reread(retries - 1)
        else markStale()
      },
    )
  }

  function setCache(part: Part, data: Session | Segment): void {
    painting = true
    try {
      painted[part] = queryClient.setQueryData(keys[part], data)
    } finally {
      painting = false
    }
  }

  /** The only writer of the cache keys: session and segment in one notification. */
  function paint(): void {
    const session = paintedSession(state)
    const segment = state.segment.data !== painted.segment ? state.segment.data : undefined
    batch(() => {
      if (session && session !== painted.session) setCache('session', session)
      if (segment) setCache('segment', segment)
    })
    if (!segment) return
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

  // Whatever else writes these keys is a source like any other (the app's setQueryData, a late
  // hydration): server state as of now. A fetch that lands an older paint is painted over.
  cache.subscribe((event: QueryCacheNotifyEvent) => {
    const part = (['session', 'segment'] as const)[hashes.indexOf(event.query.queryHash)]
    if (painting || !part) return
    if (event.type === 'removed') {
      dispatch({ type: 'forgotten', part })
      if (part === 'session') tabs.release()
      // Mounted hooks stay on the removed entry, showing what it held, until they render again;
      // they move to the key's new entry now (and read it if it has no data, as on mount).
      // A copy: each observer that moves leaves the removed query's own list.
      const observers = [...event.query.observers]
      if (observers.length > 0) queueMicrotask(() => observers.forEach((observer) => observer.setOptions(observer.options)))
      return
    }
    const action = event.type === 'updated' ? event.action : undefined
    // Only what brings data counts (not fetch, error or invalidate actions).
    if (event.type !== 'added' && action?.type !== 'success' && action?.type !== 'setState') return
    const { data } = (event.query as Query<Session | Segment>).state
    if (data === undefined || data === painted[part]) return
    painted[part] = undefined
    if (action?.type === 'success' && !action.manual) return paint()
    // A late hydration: React Query let it in by comparing the server's clock with this page's, so
    // its age is unknown. What the runtime holds stays; if the two differ, the server says which is right.
    const held = shown(part)
    if (action?.type === 'setState' && held) {
      paint()
      if (JSON.stringify(held) !== JSON.stringify(data)) reread()
      return
    }
    dispatch({ type: 'server', seq: tick(), [part]: data })
  })

  /**
   * One read through the gate; answers with what the cache shows afterwards. An answer older than
   * the latest confirmation is dropped; with nothing newer to show, it is read again — once.
   */
  async function read<T>(part: Part, request: () => Promise<T>, again = true): Promise<T> {
    const seq = tick()
    const answer = await request()
    dispatch({ type: 'server', seq, read: true, [part]: answer })
    const data = shown(part)
    if (data) return data as T
    if (again) return read(part, request, false)
    throw new SessionError('network', `The ${part} changed while it was being read, twice: read it again`)
  }

  /**
   * One write, one round trip on the critical path. Nobody reading the segment, or no session
   * confirmed to paint the answer over (the app removed it): the PATCH with `?items=*` answers the
   * whole new session. Otherwise the segment token in the PATCH answer is the new segment (prices
   * refetch at once) and the session is read back meanwhile.
   */
  async function send(batch: Batch): Promise<Session> {
    const fields = batchFields(batch)
    if (batch.load || !find('segment')?.isActive() || !state.session.data) {
      const session = await client.editSession(fields, { items: '*' })
      dispatch({ type: 'server', seq: tick(), session, segmentUnknown: true })
      return session
    }
    const { segmentToken } = await client.editSession(fields)
    const seq = tick()
    let segment: Segment
    try {
      segment = decodeSegmentToken(segmentToken)
    } catch (error) {
      // The server took the write and answered no segment we can read: both are stale.
      void queryClient.invalidateQueries({ queryKey: keys.session, exact: true })
      void queryClient.invalidateQueries({ queryKey: keys.segment, exact: true })
      throw error
    }
    // What the server now holds, as far as its answer says: the fields written, and the segment's
    // region. Painted with the segment (prices refetch at once), never one beside the other's
    // region; the read-back then brings the rest of the server's transforms.
    const accepted = state.session.data && acceptedSession(state.session.data, fields, segment)
    dispatch({ type: 'server', seq, segment, session: accepted })
    try {
      await runtime.readSession()
      return state.session.data!
    } catch (error) {
      // Kept, marked stale, and read again.
      void queryClient.invalidateQueries({ queryKey: keys.session, exact: true })
      if (!accepted) throw applied(error)
      return accepted
    }
  }

  /**
   * Sends a batch, settles the write phase, and resolves its callers once readers see the outcome.
   * A merged PATCH the server refused is split (`splitRefused`: each write still holding a value of
   * its own is sent again alone, once); any other failure may have been applied (a timeout, a 5xx):
   * once every write is answered, the session is marked stale, so the next focus or mount reads
   * what the server holds.
   */
  async function deliver(batch: Batch): Promise<void> {
    const outcome = send(batch).catch((error: unknown) => Promise.reject(asSessionError(error)))
    const error = await outcome.then(
      () => undefined,
      (failure: SessionError) => failure,
    )
    const refused = error && !tookWrite.has(error) && isRefusal(error)
    const retry = refused ? splitRefused(batch) : []
    const retried = new Set(retry.map(({ requests: [request] }) => request!.settle))
    try {
      dispatch({ type: 'settled', ok: !error, retry, doubt: !!error && !refused })
    } finally {
      // Its callers are answered whatever a cache listener did meanwhile: no write hangs. Those
      // sent again are answered by their own PATCH.
      await afterPaint()
      for (const request of batch.requests) if (!retried.has(request.settle)) request.settle(outcome)
    }
  }

  function markStale(): void {
    for (const part of ['session', 'segment'] as const) void queryClient.invalidateQueries({ queryKey: keys[part], exact: true, refetchType: 'none' })
  }

  function share(): void {
    // Without a segment (the server moved it without saying where), the other tab reads its own.
    const { session, segment, tabs: known } = state
    if (session.data) tabs.post({ v: 2, tab: known.id, writes: known.own, heard: known.heard, session: session.data, segment: segment.data })
  }

  const runtime: SessionRuntime = {
    keys,
    client,
    readSession: () => read('session', () => client.getSession()),
    readSegment: () => read('segment', () => client.getSegment()),
    async refresh() {
      // The segment too, when something reads it or it is cached (it must not go on describing the
      // old session); both land in one event, so no render shows one without the other.
      const segmentInUse = find('segment')?.isActive() || state.segment.data
      const seq = tick()
      const [session, segment] = await Promise.all([client.getSession(), segmentInUse ? client.getSegment() : undefined])
      dispatch({ type: 'server', seq, read: true, session, segment })
      share()
      return state.session.data ?? session
    },
    confirmed: () => ({ session: state.session.data, segment: state.segment.data }),
    hasSeenSession: () => state.session.seq > 0 || state.session.data !== undefined,
    found: () => (state.found ?? state.session).data,
    async write(fields, { load = false } = {}) {
      // Checked before anything is queued (and rejected with): bad input costs nothing and disturbs no other write.
      const values = toPublicFieldValues(fields)
      return new Promise<Session>((settle) => dispatch({ type: 'write', load, request: { fields: values, settle }, seq: tick() }))
    },
    onSegmentChange(listener) {
      segmentListeners.add(listener)
      return () => segmentListeners.delete(listener)
    },
    connectTabs: tabs.connect,
    releaseTabs: tabs.release,
  }
  return runtime
}

/**
 * What the server holds after accepting `fields` when it could not be read back: the last
 * confirmed session with them written, and the region of the segment it answered.
 */
export function acceptedSession(session: Session, fields: PublicFieldValues, segment: Segment): Session {
  const written = withPublicFields(session, fields)
  const { regionId: _previous, ...checkout } = written.namespaces.checkout ?? {}
  if (typeof segment.regionId === 'string') checkout.regionId = { value: segment.regionId }
  // The store namespace follows the segment's sales channel and locale (the Session Manager's transforms).
  const store = { ...written.namespaces.store }
  for (const name of STORE_FIELDS) if (typeof segment[name] === 'string') store[name] = { value: segment[name] }
  return { ...written, namespaces: { ...written.namespaces, checkout, store } }
}

const STORE_FIELDS = ['channel', 'cultureInfo', 'currencyCode', 'currencySymbol', 'countryCode'] as const
