import type { PublicFieldValues, Segment, Session } from '../core/types'

/** Writes merged into one PATCH: they share its outcome. */
export interface Batch {
  fields: PublicFieldValues
  /** The first load's own write (UTM capture): always answered with the whole session. */
  load: boolean
  done: Promise<Session>
  settle(outcome: Promise<Session>): void
}

/** What the server last told us of one part (session or segment), and when (see `now()`). */
export interface Confirmed<T> {
  data: T | undefined
  /** A read counts from when it started, a write from when it was answered. */
  at: number
}

/** The write side, as named states: one PATCH at a time, later writes merged behind it. */
export type Writes =
  | { name: 'idle' }
  | { name: 'queued'; queued: Batch }
  | { name: 'sending'; inFlight: Batch; queued?: Batch }

export interface SessionState {
  session: Confirmed<Session>
  segment: Confirmed<Segment>
  writes: Writes
}

/**
 * Server state from any source: a read (at = when it started), a write's answer, another
 * tab's message, the app writing the cache. Each part lands only if newer than what we hold;
 * `segmentUnknown`: the server moved the segment and did not say where (it is dropped).
 */
export interface ServerEvent {
  type: 'server'
  at: number
  session?: Session
  segment?: Segment
  segmentUnknown?: boolean
}

export type SessionEvent =
  | ServerEvent
  /** The cache dropped a part (garbage collection, `removeQueries`): its time is kept. */
  | { type: 'forgotten'; part: 'session' | 'segment' }
  /** A write joins the queued batch (created by the caller when there is none). */
  | { type: 'write'; fields: PublicFieldValues; batch: Batch }
  /** The queued batch goes out. */
  | { type: 'send' }
  /** The PATCH in flight is over, answered or failed: its values are no longer painted. */
  | { type: 'settle' }

export const initialState = (session: Confirmed<Session>, segment: Confirmed<Segment>): SessionState => ({
  session,
  segment,
  writes: { name: 'idle' },
})

const landed = <T>(current: Confirmed<T>, data: T | undefined, at: number): Confirmed<T> =>
  at > current.at ? { data, at } : current

/** The queued batch, whatever the phase (the one a new write joins). */
export const queuedBatch = (writes: Writes): Batch | undefined => (writes.name === 'idle' ? undefined : writes.queued)

/** Every state change of the runtime, and nothing else. */
export function reduce(state: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'server':
      return {
        ...state,
        session: event.session === undefined ? state.session : landed(state.session, event.session, event.at),
        segment:
          event.segment !== undefined || event.segmentUnknown
            ? landed(state.segment, event.segment, event.at)
            : state.segment,
      }
    case 'forgotten':
      return { ...state, [event.part]: { data: undefined, at: state[event.part].at } }
    case 'write': {
      const { writes } = state
      const queued: Batch = { ...event.batch, fields: { ...queuedBatch(writes)?.fields, ...event.fields } }
      return { ...state, writes: writes.name === 'sending' ? { ...writes, queued } : { name: 'queued', queued } }
    }
    case 'send':
      return state.writes.name === 'queued' ? { ...state, writes: { name: 'sending', inFlight: state.writes.queued } } : state
    case 'settle':
      return state.writes.name === 'sending'
        ? { ...state, writes: state.writes.queued ? { name: 'queued', queued: state.writes.queued } : { name: 'idle' } }
        : state
  }
}

/** Public fields not yet confirmed, in the order they were written (a later value wins). */
export function pendingFields(writes: Writes): PublicFieldValues {
  if (writes.name === 'idle') return {}
  return writes.name === 'sending' ? { ...writes.inFlight.fields, ...writes.queued?.fields } : { ...writes.queued.fields }
}

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
