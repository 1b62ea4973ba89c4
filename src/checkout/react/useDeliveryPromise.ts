import { useMutation, useQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useMemo, useRef } from 'react'
import { SessionError, useSession, useSessionSource, useUpdateSession, type Session } from 'vtex-session-react'
import { settleForReaders } from '../../react/settleForReaders'
import { checkoutKeysFor } from '../checkoutKeys'
import type { CheckoutClient } from '../createCheckoutClient'
import { deliveryPromiseOf, facetsTextOf, withFacet } from '../../core/deliveryFacets'
import type { PickupPoint } from '../orderFormSchema'
import { placeOf, type ShippingTarget } from '../shippingTarget'
import { useCheckoutClient } from './useCheckoutClient'
import { useConfirmedSession } from './useConfirmedSession'

export type DeliveryMethod = 'delivery' | 'pickup'

export interface UseDeliveryPromiseResult {
  method: DeliveryMethod
  /** `pickup` picks the nearest point unless one is chosen; `delivery` drops the pickup point. */
  setMethod: (method: DeliveryMethod) => Promise<void>
  pickupPoint: string | undefined
  /** An id from `pickupPoints`, or `null` for delivery. */
  setPickupPoint: (id: string | null) => Promise<void>
  /** The points near the session's region, nearest first (empty without a region). */
  pickupPoints: PickupPoint[]
  isPending: boolean
  error: SessionError | null
  reset: () => void
}

type Place = Omit<ShippingTarget, 'pickupPointId'>
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

/** The `public.facets` text for a pickup point (or none) at a place, every other key kept. */
function facetsFor(text: string | undefined, place: Place | undefined, pickupPoint: string | undefined): string {
  let next = withFacet(text, 'zip-code', place?.postalCode)
  next = withFacet(next, 'country', place?.country)
  next = withFacet(next, 'coordinates', place?.geoCoordinates?.join(','))
  return withFacet(next, 'pickupPoint', pickupPoint)
}

const selectFacets = (session: Session) => facetsTextOf({}, session)
const selectPlace = (session: Session) => {
  const place = placeOf(session)
  return place && JSON.stringify(place)
}

/** The pickup points near a place (the session's region), cached per place. */
const pickupPointsQuery = (client: CheckoutClient, place: Place | undefined) => ({
  queryKey: checkoutKeysFor(client.baseUrl).pickupPoints(place),
  queryFn: ({ signal }: { signal?: AbortSignal }): Promise<PickupPoint[]> => client.getPickupPoints(place!, { signal }),
  enabled: place !== undefined,
  staleTime: 5 * 60_000,
})

function usePickupPoints(client: CheckoutClient, place: Place | undefined) {
  const { queryClient } = useSessionSource()
  return useQuery<PickupPoint[], SessionError>(pickupPointsQuery(client, place), queryClient)
}

/**
 * VTEX's delivery promise (ship to me, or pick up at a point), read from and written to
 * `public.facets` in the format VTEX stores, so search, the segment and `<CartSync>` follow it.
 * A chosen point out of range of a new region is dropped once that region is confirmed.
 */
export function useDeliveryPromise(options: { client?: CheckoutClient } = {}): UseDeliveryPromiseResult {
  const { queryClient } = useSessionSource()
  const client = useCheckoutClient(options.client)
  const facets = useSession({ select: selectFacets }).data
  const placeKey = useSession({ select: selectPlace }).data
  const place = useMemo<Place | undefined>(() => (placeKey === undefined ? undefined : JSON.parse(placeKey)), [placeKey])
  const promise = deliveryPromiseOf(facets)
  const points = usePickupPoints(client, place)
  const update = useUpdateSession()
  const current = promise.pickupPoint
  const mutation = useMutation<void, SessionError, DeliveryChoice>(
    {
      // Every choice is checked here, before any request, so the hook's `error` shows a bad one too.
      mutationFn: async (choice) => {
        const listed = points.data ?? (place ? await queryClient.fetchQuery<PickupPoint[], SessionError>(pickupPointsQuery(client, place)) : [])
        const pickupPoint = 'method' in choice ? pickupPointFor(choice.method, current, listed) : choice.pickupPoint
        if (pickupPoint !== null && (typeof pickupPoint !== 'string' || !/^[^;=]{1,100}$/.test(pickupPoint))) {
          throw invalid(`A pickup point id is a non-empty text without ";" or "=", got ${JSON.stringify(pickupPoint)}`)
        }
        if (pickupPoint !== null && !listed.some(({ id }) => id === pickupPoint)) {
          throw invalid(`Pickup point ${JSON.stringify(pickupPoint)} is not near the shopper's region`)
        }
        await update.mutateAsync({ facets: facetsFor(facets, place, pickupPoint ?? undefined) })
      },
      networkMode: 'always',
    },
    queryClient,
  )
  const { mutateAsync } = mutation
  const setPickupPoint = useCallback((pickupPoint: string | null) => settleForReaders(mutateAsync({ pickupPoint })), [mutateAsync])
  const setMethod = useCallback((method: DeliveryMethod) => settleForReaders(mutateAsync({ method })), [mutateAsync])
  const dropError = useDropPickupOutOfRange(client, facets)

  return {
    method: promise.method,
    setMethod,
    pickupPoint: current,
    setPickupPoint,
    pickupPoints: points.data ?? NO_POINTS,
    isPending: mutation.isPending,
    error: mutation.error ?? points.error ?? dropError,
    reset: mutation.reset,
  }
}

/**
 * After a confirmed region change, a pickup point that is not near the new region is dropped
 * (one write, the place updated), so search and the cart never promise a pickup out of range.
 */
function useDropPickupOutOfRange(client: CheckoutClient, facets: string | undefined): SessionError | null {
  const confirmed = useConfirmedSession()
  const update = useUpdateSession()
  const placeKey = confirmed && selectPlace(confirmed)
  const place = useMemo<Place | undefined>(() => (placeKey ? JSON.parse(placeKey) : undefined), [placeKey])
  const pickupPoint = confirmed && deliveryPromiseOf(facetsTextOf({}, confirmed)).pickupPoint
  const points = usePickupPoints(client, pickupPoint ? place : undefined)
  const dropped = useRef<string | undefined>(undefined)
  const { mutate } = update
  useEffect(() => {
    if (!pickupPoint || !points.isSuccess || points.data.some(({ id }) => id === pickupPoint)) return
    const key = `${placeKey} ${pickupPoint}`
    if (dropped.current === key) return
    dropped.current = key
    mutate({ facets: facetsFor(facets, place, undefined) })
  }, [pickupPoint, points.isSuccess, points.data, place, placeKey, facets, mutate])
  return update.error
}
