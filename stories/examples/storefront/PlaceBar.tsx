import { useRegion } from 'vtex-session-react'
import { useDeliveryPromise, usePlaceAddress } from 'vtex-session-react/checkout'
import { formatDistance } from './demoStore'

/**
 * Where the order goes, as a shopper says it: the neighbourhood and city of the confirmed postal
 * code (the Checkout API's answer), or the chosen pickup point, its street and how far it is, with
 * the other points near the place to choose from. It keeps one height in both modes.
 */
export function PlaceBar() {
  const { postalCode } = useRegion()
  const { address } = usePlaceAddress()
  const { method, pickupPoint, setPickupPoint, pickupPoints } = useDeliveryPromise()
  const point = method === 'pickup' ? pickupPoints.find(({ id }) => id === pickupPoint) : undefined
  const named = [address?.neighborhood, address?.city].filter(Boolean).join(', ')
  return (
    <div className="sf-placebar">
      {point ? (
        <>
          <span className="sf-place" data-testid="place">
            Pick up at <strong>{point.friendlyName}</strong> · {formatDistance(point.distance)}
          </span>
          <select aria-label="Pickup point" value={point.id} onChange={(event) => void setPickupPoint(event.target.value)}>
            {pickupPoints.map((listed) => (
              <option key={listed.id} value={listed.id}>
                {listed.friendlyName} · {formatDistance(listed.distance)}
              </option>
            ))}
          </select>
        </>
      ) : (
        <span className="sf-place" data-testid="place">
          Deliver to <strong>{postalCode ? named || postalCode : 'enter a postal code to see local prices'}</strong>
        </span>
      )}
    </div>
  )
}
