import type { PublicFieldValues, Segment, Session } from '../core/types'

/** Per tab, how many of its writes have been confirmed (a tab's own id is in `ownTab`). */
export type TabWrites = Readonly<Record<string, number>>

/** Writes merged into one PATCH: they share its outcome. */
export interface Batch {
  fields: PublicFieldValues
  /** The first load's own write (UTM capture): always answered with the whole session. */
  load: boolean
  done: Promise<Session>
  settle(outcome: Promise<Session>): void
  /** The other tabs' writes this tab had heard of when the PATCH went out (set on sending). */
  heard?: TabWrites
}

/** What the server last told us of one part (session or segment), and the event that told it. */
export interface Confirmed<T> {
  data: T | undefined
  /** The page-local order of that event (0: in the cache before the runtime saw it). */
  seq: number
}

/** The write side: one PATCH at a time, later writes merged behind it. */
export type Writes = { phase: 'idle' } | { phase: 'sending'; inFlight: Batch; queued?: Batch }

/** What this tab knows of the other tabs' writes, to tell when theirs and its own crossed. */
export interface TabKnowledge {
  /** This tab's id on the channel (random, per runtime). */
  id: string
  /** This tab's confirmed writes. */
  own: number
  /** The latest write count heard from each other tab. */
  heard: TabWrites
  /** The other tabs' writes the confirmed session already includes (what a message of it says). */
  basis: TabWrites
  /** Another tab's change arrived while this tab's PATCH was out: their order on the server is unknown. */
  crossed: boolean
}

export interface SessionState {
  session: Confirmed<Session>
  segment: Confirmed<Segment>
  writes: Writes
  tabs: TabKnowledge
}

/** Another tab's confirmed state (see `tabChannel`). */
export interface TabMessage {
  v: 2
  /** The sending tab's id, and how many of its own writes are confirmed. */
  tab: string
  writes: number
  /** The writes of other tabs (this one included) the sender had heard of when its change started. */
  basis: TabWrites
  session: Session
  segment?: Segment
}

export type Part = 'session' | 'segment'

export type SessionEvent =
  /** A read's answer; `seq`: when it started. It lands only if nothing was confirmed since. */
  | { type: 'read'; part: Part; data: Session | Segment; seq: number; heard: TabWrites }
  /** The PATCH in flight was answered (`segmentUnknown`: the server moved the segment and did not say where). */
  | { type: 'answered'; seq: number; session?: Session; segment?: Segment; segmentUnknown?: boolean }
  /** Something else wrote a cache key (the app's `setQueryData`, a late hydration): server state as of now. */
  | { type: 'cached'; part: Part; data: Session | Segment; seq: number }
  /** The cache dropped a part (garbage collection, `removeQueries`): its order is kept. */
  | { type: 'forgotten'; part: Part }
  /** A write joins the queue (its batch created by the caller when none is queued). */
  | { type: 'write'; fields: PublicFieldValues; batch: Batch }
  /** The PATCH in flight is over, answered (`ok`) or failed: its values are no longer painted. */
  | { type: 'settled'; ok: boolean }
  /** Another tab's message, checked. */
  | { type: 'tab'; message: TabMessage; seq: number }

/** What the runtime does after a transition (painting the cache follows every one). */
export type Effect =
  | { type: 'send'; batch: Batch }
  /** Read session (and segment) again: the server's order of two changes is unknown. */
  | { type: 'reread' }
  | { type: 'share' }
  /** The segment is unknown now: its readers read it again. */
  | { type: 'dropSegment' }

export interface Transition {
  state: SessionState
  effects: Effect[]
}

export const initialState = (session: Confirmed<Session>, segment: Confirmed<Segment>, tab: string): SessionState => ({
  session,
  segment,
  writes: { phase: 'idle' },
  tabs: { id: tab, own: 0, heard: {}, basis: {}, crossed: false },
})

const landed = <T>(current: Confirmed<T>, data: T | undefined, seq: number): Confirmed<T> => (seq > current.seq ? { data, seq } : current)

/** A batch going out, with what this tab had heard when it did. */
const sending = (batch: Batch, tabs: TabKnowledge): Extract<Writes, { phase: 'sending' }> => ({ phase: 'sending', inFlight: { ...batch, heard: tabs.heard } })

/** Every state change of the runtime, and the effects it calls for. Nothing else changes the state. */
export function reduce(state: SessionState, event: SessionEvent): Transition {
  const { writes, tabs } = state
  const next = (changes: Partial<SessionState>, ...effects: Effect[]): Transition => {
    const after = { ...state, ...changes }
    // A segment that was known and is not any more: nobody may price with the old one.
    if (after.segment !== state.segment && after.segment.data === undefined && event.type !== 'forgotten') effects.push({ type: 'dropSegment' })
    return { state: after, effects }
  }
  switch (event.type) {
    case 'read': {
      const part = landed<unknown>(state[event.part], event.data, event.seq)
      const basis = part !== state[event.part] && event.part === 'session' ? event.heard : tabs.basis
      return next({ [event.part]: part, tabs: { ...tabs, basis } })
    }
    case 'answered': {
      const basis = writes.phase === 'sending' ? (writes.inFlight.heard ?? tabs.basis) : tabs.basis
      return next({
        session: event.session ? landed(state.session, event.session, event.seq) : state.session,
        segment: event.segment || event.segmentUnknown ? landed(state.segment, event.segment, event.seq) : state.segment,
        tabs: event.session ? { ...tabs, basis } : tabs,
      })
    }
    case 'cached':
      return next({ [event.part]: landed<unknown>(state[event.part], event.data, event.seq) })
    case 'forgotten':
      return next({ [event.part]: { data: undefined, seq: state[event.part].seq } })
    case 'write': {
      if (writes.phase === 'idle') {
        const out = sending({ ...event.batch, fields: event.fields }, tabs)
        return next({ writes: out }, { type: 'send', batch: out.inFlight })
      }
      const queued = { ...event.batch, fields: { ...writes.queued?.fields, ...event.fields } }
      return next({ writes: { ...writes, queued } })
    }
    case 'settled': {
      if (writes.phase !== 'sending') return next({})
      const own = tabs.own + (event.ok ? 1 : 0)
      if (writes.queued) {
        const out = sending(writes.queued, tabs)
        return next({ writes: out, tabs: { ...tabs, own } }, { type: 'send', batch: out.inFlight })
      }
      // Crossed: another tab's change came while the PATCH was out; only the server knows which came last.
      const effects: Effect[] = tabs.crossed ? [{ type: 'reread' }] : event.ok ? [{ type: 'share' }] : []
      return next({ writes: { phase: 'idle' }, tabs: { ...tabs, own, crossed: false } }, ...effects)
    }
    case 'tab': {
      const { message } = event
      const heard = { ...tabs.heard, [message.tab]: Math.max(tabs.heard[message.tab] ?? 0, message.writes) }
      if (writes.phase === 'sending') return next({ tabs: { ...tabs, heard, crossed: true } })
      // Their change started before they heard of this tab's latest write: the server's order is unknown.
      if ((message.basis[tabs.id] ?? 0) < tabs.own) return next({ tabs: { ...tabs, heard } }, { type: 'reread' })
      return next({
        session: landed(state.session, message.session, event.seq),
        // Without a segment (the sender's server moved it without saying where), this tab reads its own.
        segment: landed(state.segment, message.segment, event.seq),
        tabs: { ...tabs, heard, basis: { ...message.basis, [message.tab]: message.writes } },
      })
    }
  }
}

/** Public fields not yet confirmed, in the order they were written (a later value wins). */
export const pendingFields = (writes: Writes): PublicFieldValues =>
  writes.phase === 'sending' ? { ...writes.inFlight.fields, ...writes.queued?.fields } : {}

/** The session with public fields painted over it (spread, not assignment: a name is data, never a prototype key). */
export function withPublicFields(session: Session, fields: PublicFieldValues): Session {
  const entries = Object.entries(fields)
  if (entries.length === 0) return session
  const written = Object.fromEntries(entries.map(([name, value]) => [name, { value }]))
  return { ...session, namespaces: { ...session.namespaces, public: { ...session.namespaces.public, ...written } } }
}

/** What the cache shows: the latest confirmed session with every write not yet confirmed painted over it. */
export const paintedSession = (state: SessionState): Session | undefined =>
  state.session.data && withPublicFields(state.session.data, pendingFields(state.writes))
