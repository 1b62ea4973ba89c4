import { useMutation, useQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useSyncExternalStore } from 'react'
import { SessionError, useSession, useSessionSource, type ReadState, type Session, type WriteState } from 'vtex-session-react'
import { settleForReaders } from '../../react/settleForReaders'
import type { CheckoutClient } from '../createCheckoutClient'
import { deliveryPromiseOf, facetsTextOf } from '../../core/deliveryFacets'
import type { PickupPoint } from '../orderFormSchema'
import { pickupPointsForWrite } from '../pickupPointsForWrite'
import { pickupPointsQuery } from '../pickupPointsQuery'
import { facetsAt, placeOf } from '../shippingTarget'
import { useCartSync } from './useCartSync'
import { useCheckoutClient } from './useCheckoutClient'

export type DeliveryMethod = 'delivery' | 'pickup'

/**
 * The result contract: the session's and the pickup points' read (`isLoading`, `loadError`), this
 * hook's own writes (`isPending`, `error`, `reset`), and the cart sync's drop of a point out of range.
 */
export interface UseDeliveryPromiseResult extends ReadState, WriteState {
  method: DeliveryMethod
  /** `pickup` picks the nearest point unless one is chosen; `delivery` drops the pickup point. */
  setMethod: (method: DeliveryMethod) => Promise<void>
  pickupPoint: string | undefined
  /** An id from `pickupPoints`, or `null` for delivery. */
  setPickupPoint: (id: string | null) => Promise<void>
  /** The points near the session's region, nearest first (empty without a region). */
  pickupPoints: PickupPoint[]
  /** A pickup point out of range of a new region could not be dropped from the session. */
  syncError: SessionError | null
}

const NO_POINTS: PickupPoint[] = []
const invalid = (message: string) => new SessionError('invalid-input', message)

type DeliveryChoice = { method: DeliveryMethod } | { pickupPoint: string | null }

/** The point a method means: none for delivery; for pickup the chosen one, else the nearest. */
function pickupPointFor(method: unknown, current: string | undefined, listed: readonly PickupPoint[]): string | null {
  if (method === 'delivery') return null
  if (method !== 'pickup') throw invalid(`method must be "delivery" or "pickup", got ${JSON.stringify(method)}`)
  const chosen = current ?? listed[0]?.id
  if (chosen === undefined) throw invalid("There is no pickup point near the shopper's region")
  return chosen
}

const selectFacets = (session: Session) => facetsTextOf({}, session)

/**
 * VTEX's delivery promise (ship to me, or pick up at a point), read from and written to
 * `public.facets` in the format VTEX stores, so search, the segment and `<CartSync>` follow it.
 * A chosen point out of range of a new region is dropped once that region is confirmed (by the cart sync).
 */
export function useDeliveryPromise(options: { client?: CheckoutClient } = {}): UseDeliveryPromiseResult {
  const { queryClient, writeSession } = useSessionSource()
  const client = useCheckoutClient(options.client)
  const facetsQuery = useSession({ select: selectFacets })
  const facets = facetsQuery.data
  // One identity while equal: react-query shares equal selections.
  const place = useSession({ select: placeOf }).data
  const promise = deliveryPromiseOf(facets)
  const points = useQuery<PickupPoint[], SessionError>(pickupPointsQuery(client, place), queryClient)
  const current = promise.pickupPoint
  // Every choice is checked here, before any request, so the hook's `error` shows a bad one too.
  const choose = useCallback(
    async (choice: DeliveryChoice) => {
      const listed = points.data ?? (place ? await pickupPointsForWrite(queryClient, client, place) : [])
      const pickupPoint = 'method' in choice ? pickupPointFor(choice.method, current, listed) : choice.pickupPoint
      if (pickupPoint !== null && (typeof pickupPoint !== 'string' || !/^[^;=]{1,100}$/.test(pickupPoint))) {
        throw invalid(`A pickup point id is a non-empty text without ";" or "=", got ${JSON.stringify(pickupPoint)}`)
      }
      if (pickupPoint !== null && !listed.some(({ id }) => id === pickupPoint)) {
        throw invalid(`Pickup point ${JSON.stringify(pickupPoint)} is not near the shopper's region`)
      }
      await writeSession({ facets: facetsAt(facets, place, pickupPoint ?? undefined) })
    },
    [points.data, place, queryClient, client, current, writeSession, facets],
  )
  // A choice runs with the render it was made in (its store, place and points): React Query gives a
  // pending mutation the newest render's function, which after a store switch is the next store's.
  const mutation = useMutation<void, SessionError, { choice: DeliveryChoice; choose: typeof choose }>(
    { mutationFn: ({ choice, choose: chosenIn }) => chosenIn(choice), networkMode: 'always' },
    queryClient,
  )
  const { mutateAsync } = mutation
  const setPickupPoint = useCallback((pickupPoint: string | null) => settleForReaders(mutateAsync({ choice: { pickupPoint }, choose })), [mutateAsync, choose])
  const setMethod = useCallback((method: DeliveryMethod) => settleForReaders(mutateAsync({ choice: { method }, choose })), [mutateAsync, choose])
  // The drop of a point out of range is the cart sync's (one PATCH however many hooks): this runs it and shows its failure.
  const sync = useCartSync(client)
  useEffect(() => sync.connect(), [sync])
  const dropError = () => sync.status().dropError
  const lastDropError = useSyncExternalStore(sync.subscribe, dropError, dropError)

  return {
    method: promise.method,
    setMethod,
    pickupPoint: current,
    setPickupPoint,
    pickupPoints: points.data ?? NO_POINTS,
    // Without a region there are no pickup points to wait for (that query stays disabled).
    isLoading: facetsQuery.isPending || (place !== undefined && points.isPending),
    loadError: facetsQuery.error ?? points.error,
    isPending: mutation.isPending,
    error: mutation.error,
    reset: mutation.reset,
    syncError: lastDropError,
  }
}
