import { useDeliveryPromise, usePlaceAddress } from 'vtex-session-react/checkout'
import { placeLabelOf } from '../PlaceName'
import { formatDistance } from './demoStore'

/**
 * Where the order goes, as a shopper says it: the neighbourhood and city of the confirmed postal
 * code (the Checkout API's answer), or the chosen pickup point, its street and how far it is, with
 * the other points near the place to choose from. It keeps one height in both modes.
 */
export function PlaceBar() {
  // The confirmed place only: while a new postal code is being written, the bar names where the
  // prices on screen are for, never the new code under the old place's name.
  const { place, address } = usePlaceAddress()
  const { method, pickupPoint, setPickupPoint, pickupPoints } = useDeliveryPromise()
  const point = method === 'pickup' ? pickupPoints.find(({ id }) => id === pickupPoint) : undefined
  const named = placeLabelOf(address)
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
      ) : place ? (
        <span className="sf-place" data-testid="place">
          Deliver to <strong>{place.postalCode ? named || place.postalCode : 'your location'}</strong>
        </span>
      ) : (
        <span className="sf-place" data-testid="place">
          Enter a postal code to see the prices and stock where you are
        </span>
      )}
    </div>
  )
}
