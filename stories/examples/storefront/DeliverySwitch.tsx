import { useDeliveryPromise } from 'vtex-session-react/checkout'

/** Ship to me, or pick up at a point near the region (the place bar below lists the points). */
export function DeliverySwitch() {
  const { method, setMethod, pickupPoints, isPending, error, loadError, syncError } = useDeliveryPromise()
  const problem = error ?? loadError ?? syncError
  const noPoints = pickupPoints.length === 0
  return (
    <div className="sf-delivery" role="group" aria-label="Delivery method" aria-busy={isPending}>
      <button type="button" aria-pressed={method === 'delivery'} onClick={() => void setMethod('delivery')}>
        Delivery
      </button>
      <button type="button" aria-pressed={method === 'pickup'} disabled={noPoints} title={noPoints ? 'Enter a postal code to see pickup points' : undefined} onClick={() => void setMethod('pickup')}>
        Pickup
      </button>
      {problem && <p role="alert">{problem.message}</p>}
    </div>
  )
}
