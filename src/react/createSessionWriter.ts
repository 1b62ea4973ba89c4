import type { QueryClient } from '@tanstack/react-query'
import type { SessionClient } from '../core/createSessionClient'
import { toPublicFieldValues } from '../core/publicFields'
import { SessionError } from '../core/SessionError'
import { decodeSegmentToken } from '../core/tokens'
import type { PublicFieldValues, Session } from '../core/types'
import { sessionKeys } from './sessionKeys'
import { waitForReaders } from './waitForReaders'

export interface SessionWriter {
  /** Writes public fields; resolves with the confirmed session once readers see it. */
  write(fields: PublicFieldValues): Promise<Session>
  /** Called with each confirmed session (e.g. to tell other tabs); returns the unsubscribe function. */
  subscribe(listener: (session: Session) => void): () => void
}

/** Writes merged while the one before them is in flight; they share one PATCH and one outcome. */
interface Batch {
  fields: PublicFieldValues
  /** Settles every write of the batch with the PATCH's outcome, once readers have it. */
  settle: (outcome: Promise<Session>) => void
  done: Promise<Session>
}

function newBatch(): Batch {
  let settle!: Batch['settle']
  const done = new Promise<Session>((resolve) => (settle = resolve))
  return { fields: {}, settle, done }
}

function withPublicFields(session: Session, fields: PublicFieldValues): Session {
  const publicNamespace = { ...session.namespaces.public }
  for (const [name, value] of Object.entries(fields)) publicNamespace[name] = { value }
  return { ...session, namespaces: { ...session.namespaces, public: publicNamespace } }
}

const noop = () => {}

const asSessionError = (error: unknown): SessionError =>
  error instanceof SessionError
    ? error
    : new SessionError('network', error instanceof Error ? error.message : String(error), { cause: error })

/**
 * Serializes writes to the session. While one PATCH is in flight, later writes merge
 * into the next one (a later value of the same field wins; other fields are kept), so
 * the server sees the shopper's last intent and no field is lost. Values show at once
 * (optimistically) and roll back to the last confirmed session when their write fails.
 */
export function createSessionWriter(client: SessionClient, queryClient: QueryClient): SessionWriter {
  let confirmed: Session | undefined
  let inFlight: Batch | undefined
  let queued: Batch | undefined
  let unsynced = false
  const listeners = new Set<(session: Session) => void>()

  /** The cache shows the confirmed session plus every write not yet confirmed. */
  function paint(): void {
    if (confirmed === undefined) return
    queryClient.setQueryData<Session>(
      sessionKeys.session,
      withPublicFields(confirmed, { ...inFlight?.fields, ...queued?.fields }),
    )
  }

  /** One update, one round trip on the critical path, at most two requests. */
  async function send(fields: PublicFieldValues): Promise<Session> {
    const segmentQuery = queryClient.getQueryCache().find({ queryKey: sessionKeys.segment, exact: true })
    if (segmentQuery === undefined) {
      // Nobody reads the segment: the PATCH answer with ?items=* is the whole new session.
      return client.editSession(fields, { items: '*' })
    }
    // The segment token in the PATCH answer already is the new segment: dependent
    // queries (prices) refetch right away while the session is read in parallel.
    const { segmentToken } = await client.editSession(fields)
    try {
      // A segment read still in flight is older than this answer: it must not land after it.
      await queryClient.cancelQueries({ queryKey: sessionKeys.segment })
      queryClient.setQueryData(sessionKeys.segment, decodeSegmentToken(segmentToken))
      return await client.getSession()
    } catch (error) {
      // The server took the write but we could not read it back: keep showing the last
      // good session, marked stale (after the rollback) so the next mount or focus re-reads it.
      unsynced = true
      throw error
    }
  }

  async function drain(): Promise<void> {
    // A read started before this write (the first load) must not land after it; its
    // answer (not the cache, which holds optimistic values) becomes the confirmed session.
    // `promise` is defined only while a fetch is in flight.
    const pendingRead = queryClient.getQueryCache().find<Session>({ queryKey: sessionKeys.session, exact: true })?.promise
    if (pendingRead !== undefined) {
      await pendingRead.then((session: Session) => {
        confirmed = session
        paint()
      }, noop)
    }
    while (queued !== undefined) {
      const batch = (inFlight = queued)
      queued = undefined
      const outcome = send(batch.fields).then(
        (session) => (confirmed = session),
        (error: unknown) => Promise.reject(asSessionError(error)),
      )
      await outcome.catch(noop)
      inFlight = undefined
      paint()
      if (unsynced) {
        unsynced = false
        void queryClient.invalidateQueries({ queryKey: sessionKeys.all, refetchType: 'none' })
      }
      await waitForReaders()
      void outcome.then((session) => listeners.forEach((listener) => listener(session)), noop)
      batch.settle(outcome)
    }
  }

  let draining: Promise<void> | undefined

  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    write(fields) {
      let values: PublicFieldValues
      try {
        values = toPublicFieldValues(fields)
      } catch (error) {
        return Promise.reject(asSessionError(error))
      }
      queued ??= newBatch()
      Object.assign(queued.fields, values)
      const { done } = queued
      if (draining === undefined) {
        confirmed = queryClient.getQueryData<Session>(sessionKeys.session)
        draining = drain().finally(() => {
          draining = undefined
        })
      }
      paint()
      return done
    },
  }
}
