import type { UseQueryResult } from '@tanstack/react-query'
import type { SessionError } from '../core/SessionError'

/** The read's half of every hook's result. */
export interface ReadState {
  /** Nothing to show yet: no data has arrived (also while that first read waits offline). */
  isLoading: boolean
  /** The read failed; what is shown is the last good value (or nothing). */
  loadError: SessionError | null
}

/** A hook's own write: the other half of the result of every hook that writes. */
export interface WriteState {
  /** This hook's own write is in flight (never "first load": that is `isLoading`). */
  isPending: boolean
  /** This hook's last write failed (only that: a failed read is `loadError`). */
  error: SessionError | null
  /** Clears `error`. */
  reset: () => void
}

/**
 * The read state of a query result; reading it subscribes the component to exactly those two.
 * "Nothing to show yet" is React Query's `isPending` (no data): its `isLoading` also needs a fetch
 * in flight, so it is false while a first read is paused offline.
 */
export const readStateOf = (query: UseQueryResult<unknown, SessionError>): ReadState => ({
  isLoading: query.isPending,
  loadError: query.error,
})
