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
export type WritePhase = 'idle' | 'queued' | 'sending'

export interface Writes {
  name: WritePhase
  inFlight?: Batch
  queued?: Batch
}

/** The only way to build the write side: its name always matches what it holds. */
const writes = (inFlight?: Batch, queued?: Batch): Writes => ({
  name: inFlight ? 'sending' : queued ? 'queued' : 'idle',
  inFlight,
  queued,
})

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
  writes: writes(),
})

const landed = <T>(current: Confirmed<T>, data: T | undefined, at: number): Confirmed<T> =>
  at > current.at ? { data, at } : current

/** Every state change of the runtime, and nothing else. */
export function reduce(state: SessionState, event: SessionEvent): SessionState {
  const { inFlight, queued } = state.writes
  switch (event.type) {
    case 'server':
      return {
        ...state,
        session: event.session ? landed(state.session, event.session, event.at) : state.session,
        segment: event.segment || event.segmentUnknown ? landed(state.segment, event.segment, event.at) : state.segment,
      }
    case 'forgotten':
      return { ...state, [event.part]: { data: undefined, at: state[event.part].at } }
    case 'write':
      return { ...state, writes: writes(inFlight, { ...event.batch, fields: { ...queued?.fields, ...event.fields } }) }
    case 'send':
      return { ...state, writes: writes(queued) }
    case 'settle':
      return { ...state, writes: writes(undefined, queued) }
  }
}

/** Public fields not yet confirmed, in the order they were written (a later value wins). */
export const pendingFields = ({ inFlight, queued }: Writes): PublicFieldValues => ({ ...inFlight?.fields, ...queued?.fields })

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
