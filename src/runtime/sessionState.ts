import { asSessionValues } from '../core/publicFields'
import type { PublicFieldValues, Segment, Session } from '../core/types'

/** Per tab id, how many of that tab's writes were confirmed. */
export type TabWrites = Readonly<Record<string, number>>

/** One caller's write: its fields, and how its caller is answered. */
export interface WriteRequest {
  fields: PublicFieldValues
  settle(outcome: Promise<Session>): void
}

/**
 * Writes merged into one PATCH, in the order they were asked. Answered, they share its outcome;
 * refused, they are split (`splitRefused`), so one field the server refuses (a private sales
 * channel) costs no other caller its write.
 */
export interface Batch {
  requests: readonly WriteRequest[]
  /** The first load's own write (UTM capture): always answered with the whole session. */
  load: boolean
  /** Sent again on its own after a merged PATCH was refused: nothing joins it. */
  alone?: boolean
}

/** The fields a batch sends: its requests' in order (a later value wins). */
export const batchFields = (batch: Batch): PublicFieldValues => Object.assign({}, ...batch.requests.map(({ fields }) => fields))

/**
 * A refused merged PATCH, split: each request that still holds a value of its own (one no later
 * request overwrote) is sent again alone, with only those values, once. A value the shopper wrote
 * over is never sent again (the later one won, and was refused). Fewer than two: nothing to split.
 */
export function splitRefused({ requests, load }: Batch): Batch[] {
  const split = requests
    .map(({ fields, settle }, index) => {
      const later = new Set(requests.slice(index + 1).flatMap((request) => Object.keys(request.fields)))
      return { fields: Object.fromEntries(Object.entries(fields).filter(([name]) => !later.has(name))), settle }
    })
    .filter(({ fields }) => Object.keys(fields).length > 0)
    .map((request): Batch => ({ requests: [request], load, alone: true }))
  return split.length > 1 ? split : []
}

/** What the server last told us of one part (session or segment), and the event that told it. */
export interface Confirmed<T> {
  data: T | undefined
  /** The page-local order of that event (0: in the cache before the runtime saw it). */
  seq: number
}

/** The write side: one PATCH at a time, later writes merged behind it. */
export type Writes =
  | { phase: 'idle' }
  /** `doubt`: a write since the last idle failed in a way the server may have applied (a timeout, a 5xx). */
  | { phase: 'sending'; inFlight: Batch; queued: readonly Batch[]; doubt?: boolean }

/** What this tab knows of the tabs' writes, to tell when another tab's change and its own crossed. */
export interface TabKnowledge {
  /** This tab's id on the channel (random, per runtime). */
  id: string
  /** How many of this tab's own writes were confirmed. */
  own: number
  /** For each other tab, how many of its writes the confirmed state follows (applied, or read since). */
  heard: TabWrites
  /** Counts of messages not applied (they crossed): they join `heard` once a read started after them lands. */
  unread: TabWrites
  /** The order of the latest message not applied. */
  unreadSince: number
  /** Another tab's change came while this tab's PATCH was out: only the server knows which came last. */
  crossed: boolean
  /** How many of this tab's writes the other tabs were told of. */
  shared: number
  /** A write failed in a way the server may have applied: the next read that lands is told to the other tabs. */
  shareRead: boolean
}

export interface SessionState {
  session: Confirmed<Session>
  segment: Confirmed<Segment>
  writes: Writes
  tabs: TabKnowledge
  /**
   * The session as this page found it, kept from the shopper's first change here (a write of
   * theirs, another tab's message): what the server answers after that may hold their change.
   * Until then (absent) it is the confirmed session. A place it names is the session's own.
   */
  found?: { data: Session | undefined; since: number; placeTouched: boolean }
}

/** Another tab's confirmed state (see `tabChannel`). */
export interface TabMessage {
  v: 2
  /** The sending tab's id, and how many of its own writes were confirmed. */
  tab: string
  writes: number
  /** The write counts the sender had heard from the other tabs: the writes its state follows. */
  heard: TabWrites
  session: Session
  segment?: Segment
}

export type Part = 'session' | 'segment'

/**
 * Server state: a read's answer (`seq`: when it started), a write's answer, the app or a late
 * hydration writing a cache key (as of now). Each part lands only if nothing newer was confirmed;
 * `segmentUnknown`: the server moved the segment and did not say where (it is dropped).
 */
export interface ServerEvent {
  type: 'server'
  seq: number
  /** A read's answer (not a write's): what the server held when it started. */
  read?: boolean
  session?: Session
  segment?: Segment
  segmentUnknown?: boolean
}

export type SessionEvent =
  | ServerEvent
  /** The cache dropped a part (garbage collection, `removeQueries`): its order is kept. */
  | { type: 'forgotten'; part: Part }
  /** A write joins the queue: merged into the batch waiting behind the PATCH in flight, if any. `load`: the first load's own, not the shopper's. */
  | { type: 'write'; request: WriteRequest; load: boolean; seq: number }
  /**
   * The PATCH in flight is over, answered (`ok`) or failed: its values are no longer painted.
   * `retry`: it merged several writes and was refused; these are sent again, alone, first.
   * `doubt`: it failed in a way the server may have applied.
   */
  | { type: 'settled'; ok: boolean; retry?: readonly Batch[]; doubt?: boolean }
  /** Another tab's message, checked. */
  | { type: 'tab'; message: TabMessage; seq: number; unattended?: boolean }

/** What the runtime does after a transition (painting the cache follows every one). */
export type Effect =
  | { type: 'send'; batch: Batch }
  /** Read session (and segment) again, then tell the tabs: the server's order of two changes is unknown. */
  | { type: 'reread' }
  /** Marks session and segment stale (read on the next focus or mount), requesting nothing now. */
  | { type: 'markStale' }
  | { type: 'share' }
  /** The segment is unknown now: its readers read it again. */
  | { type: 'dropSegment' }

export const initialState = (session: Confirmed<Session>, segment: Confirmed<Segment>, tab: string): SessionState => ({
  session,
  segment,
  writes: { phase: 'idle' },
  tabs: { id: tab, own: 0, heard: {}, unread: {}, unreadSince: 0, crossed: false, shared: 0, shareRead: false },
})

/** The public fields a session's place is written with (see `placeOf`). */
const PLACE_FIELDS = ['country', 'postalCode', 'geoCoordinates']

const landed = <T>(current: Confirmed<T>, data: T | undefined, seq: number): Confirmed<T> => (seq > current.seq ? { data, seq } : current)

/** Every state change of the runtime, and the effects it calls for. Nothing else changes the state. */
export function reduce(state: SessionState, event: SessionEvent): { state: SessionState; effects: Effect[] } {
  const { writes, tabs } = state
  const next = (changes: Partial<SessionState>, ...effects: Effect[]) => {
    const after = { ...state, ...changes }
    // The shopper's first change here (their write, another tab's message) keeps the session as found.
    const placeTouched = event.type === 'tab' || (event.type === 'write' && PLACE_FIELDS.some((name) => name in event.request.fields))
    after.found ??= event.type === 'tab' || (event.type === 'write' && !event.load) ? { data: state.session.data, since: event.seq, placeTouched } : undefined
    // Made before the first read landed and leaving the place alone (a write of another field): the
    // read that started before it answers the place as found. Another tab's message may have moved it.
    const { found } = after
    if (found && event.type === 'server' && event.read && event.session && !found.data && !found.placeTouched && event.seq < found.since) {
      after.found = { ...found, data: event.session }
    }
    // The segment is unknown now: nobody may price with an old one, and its waiting readers read it.
    if (after.segment !== state.segment && !after.segment.data && event.type !== 'forgotten') effects.push({ type: 'dropSegment' })
    return { state: after, effects }
  }
  switch (event.type) {
    case 'server': {
      const session = event.session ? landed(state.session, event.session, event.seq) : state.session
      // A read that started after the messages this tab did not apply has brought their writes.
      const caughtUp = event.read && session !== state.session && event.seq > tabs.unreadSince
      const told = tabs.shareRead && event.read && session !== state.session
      return next(
        {
          session,
          segment: event.segment || event.segmentUnknown ? landed(state.segment, event.segment, event.seq) : state.segment,
          tabs: { ...tabs, ...(caughtUp && { heard: { ...tabs.heard, ...tabs.unread }, unread: {} }), ...(told && { shareRead: false }) },
        },
        ...(told ? [{ type: 'share' } as const] : []),
      )
    }
    case 'forgotten':
      return next({ [event.part]: { data: undefined, seq: state[event.part].seq } })
    case 'write': {
      const { request, load } = event
      if (writes.phase === 'idle') {
        const inFlight: Batch = { requests: [request], load }
        return next({ writes: { phase: 'sending', inFlight, queued: [] } }, { type: 'send', batch: inFlight })
      }
      const last = writes.queued[writes.queued.length - 1]
      const queued = last && !last.alone ? [...writes.queued.slice(0, -1), { requests: [...last.requests, request], load: last.load || load }] : [...writes.queued, { requests: [request], load }]
      return next({ writes: { ...writes, queued } })
    }
    case 'settled': {
      if (writes.phase === 'idle') return next({})
      const own = tabs.own + Number(event.ok)
      // Asked before the writes queued behind it: a split batch's requests go first, one PATCH each.
      const [queued, ...rest] = [...(event.retry ?? []), ...writes.queued]
      const doubt = writes.doubt || event.doubt
      // The next PATCH leaves after the other tab's change arrived: the server orders it after that change.
      if (queued) return next({ writes: { phase: 'sending', inFlight: queued, queued: rest, doubt }, tabs: { ...tabs, own } }, { type: 'send', batch: queued })
      // Every confirmed write reaches the other tabs, even when a later one behind it failed.
      const effects: Effect[] = tabs.crossed ? [{ type: 'reread' }] : own > tabs.shared ? [{ type: 'share' }] : []
      // Marked once every write is answered: a later answer's paint would make the cache fresh again.
      // The read that follows is told to the other tabs: they hold the same doubt.
      if (doubt) effects.push({ type: 'markStale' })
      return next({ writes: { phase: 'idle' }, tabs: { ...tabs, own, shared: own, crossed: false, shareRead: tabs.shareRead || !!doubt } }, ...effects)
    }
    case 'tab': {
      const { message } = event
      // With no provider mounted nothing is read for the tab now: its session is marked stale instead.
      const reread: Effect = { type: event.unattended ? 'markStale' : 'reread' }
      const counts = { [message.tab]: message.writes }
      // Not applied: it and this tab's write crossed while the PATCH was out, or their change was
      // made before they heard of this tab's latest write. Which came last is the server's to say.
      const unread = { ...tabs, unread: { ...tabs.unread, ...counts }, unreadSince: event.seq }
      if (writes.phase === 'sending') return next({ tabs: { ...unread, crossed: true } })
      if ((message.heard[tabs.id] ?? 0) < tabs.own) return next({ tabs: unread }, reread)
      // Without a segment (the sender's server moved it without saying where), a tab that holds one
      // would show the new session beside its old segment: it reads both, landing in one event.
      if (!message.segment && state.segment.data) return next({ tabs: unread }, reread)
      return next({
        session: landed(state.session, message.session, event.seq),
        segment: landed(state.segment, message.segment, event.seq),
        tabs: { ...tabs, heard: { ...tabs.heard, ...counts } },
      })
    }
  }
}

/** Public fields not yet confirmed, in the order they were written (a later value wins). */
export const pendingFields = (writes: Writes): PublicFieldValues =>
  writes.phase === 'sending' ? Object.assign(batchFields(writes.inFlight), ...writes.queued.map(batchFields)) : {}

/** The session with public fields painted over it (spread, not assignment: a name is data, never a prototype key). */
export function withPublicFields(session: Session, fields: PublicFieldValues): Session {
  if (Object.keys(fields).length === 0) return session
  return { ...session, namespaces: { ...session.namespaces, public: { ...session.namespaces.public, ...asSessionValues(fields) } } }
}

/** What the cache shows: the latest confirmed session with every write not yet confirmed painted over it. */
export const paintedSession = (state: SessionState): Session | undefined =>
  state.session.data && withPublicFields(state.session.data, pendingFields(state.writes))
