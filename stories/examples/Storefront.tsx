import { useState } from 'react'
import { postalCodeProblem, useLocale, useRegion, useRegionGate } from 'vtex-session-react'
import { CartSync, useDeliveryPromise, useOrderForm } from 'vtex-session-react/checkout'
import { useProductSearch } from 'vtex-session-react/search'
import { catalogPage } from './catalogPage'
import { formatMoney } from './money'
import { ProductArt } from './ProductArt'
import { storefrontCss } from './storefrontCss'


/**
 * Postal code in the header, applied on Enter. It is checked as the shopper types, but the error
 * shows only after a submit, below the header (it never pushes the header onto two rows).
 */
function RegionPicker() {
  const { postalCode, setRegion, isPending, error } = useRegion()
  const { method } = useDeliveryPromise()
  const [draft, setDraft] = useState('')
  const [submitted, setSubmitted] = useState(false)
  const problem = draft.trim() === '' ? null : postalCodeProblem('BRA', draft)
  const shown = (submitted ? problem : null) ?? error?.message
  return (
    <form
      className="sf-region"
      aria-label="Where should we deliver?"
      onSubmit={(event) => {
        event.preventDefault()
        setSubmitted(true)
        if (!problem && draft.trim() !== '') void setRegion({ country: 'BRA', postalCode: draft })
      }}
    >
      <label>
        <span>{method === 'pickup' ? 'Pick up near' : 'Deliver to'}</span>
        <input name="postalCode" aria-label="Postal code" value={draft} placeholder={postalCode ?? 'CEP, e.g. 22250-040'} aria-invalid={shown !== undefined && shown !== null} onChange={(event) => setDraft(event.target.value)} />
      </label>
      <button type="submit" disabled={isPending}>
        {isPending ? '…' : 'Apply'}
      </button>
      {shown && <p role="alert">{shown}</p>}
    </form>
  )
}

/** Ship to me, or pick up at a point near the region. */
function DeliverySwitch() {
  const { method, setMethod, pickupPoint, setPickupPoint, pickupPoints, isPending, error, loadError, syncError } = useDeliveryPromise()
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
      {method === 'pickup' && (
        <select aria-label="Pickup point" value={pickupPoint ?? ''} onChange={(event) => void setPickupPoint(event.target.value)}>
          {pickupPoints.map((point) => (
            <option key={point.id} value={point.id}>
              {point.friendlyName} · {point.distance.toFixed(1)} km
            </option>
          ))}
        </select>
      )}
      {problem && <p role="alert">{problem.message}</p>}
    </div>
  )
}

function ProductGrid({ onAdd }: { onAdd: (id: string) => void }) {
  const catalog = useProductSearch(catalogPage)
  const { currencyCode, cultureInfo } = useLocale()
  const gate = useRegionGate()
  // A store that requires a place shows no price before the shopper has one (the search is held).
  if (gate.status === 'needed' && gate.required) return <p className="sf-loading">Tell us where to deliver to see prices and availability.</p>
  if (catalog.isLoading) return <p className="sf-loading">Loading the catalog…</p>
  if (catalog.loadError) return <p role="alert">{catalog.loadError.message}</p>
  return (
    <ul className="sf-grid" data-testid="grid" aria-busy={catalog.isFetching}>
      {catalog.data?.products.map((product) => {
        const item = product.items[0]
        const offer = item?.sellers[0]?.commertialOffer
        if (!item || !offer) return null
        const available = offer.AvailableQuantity > 0
        return (
          <li key={item.itemId} className={available ? 'sf-card' : 'sf-card sf-unavailable'} data-testid={`product-${item.itemId}`}>
            <ProductArt id={item.itemId} />
            <h3>{product.productName}</h3>
            <p className="sf-price" data-testid="grid-price">
              {formatMoney(offer.Price, currencyCode, cultureInfo)}
            </p>
            {available ? (
              <button type="button" onClick={() => onAdd(item.itemId)}>
                Add to cart
              </button>
            ) : (
              <p className="sf-badge">Not at this pickup point</p>
            )}
          </li>
        )
      })}
    </ul>
  )
}

function MiniCart() {
  const { items, total, currencyCode, isLoading, loadError, isPending, error, isSyncing, syncError, setQuantity } = useOrderForm()
  const { cultureInfo } = useLocale()
  const updating = isPending || isSyncing
  const problem = error ?? syncError ?? loadError
  return (
    <aside className="sf-minicart" aria-label="Cart" aria-busy={updating}>
      <h2>
        Your cart <small>{items.reduce((count, item) => count + item.quantity, 0)} items</small>
      </h2>
      {isLoading ? (
        <p>Loading the cart…</p>
      ) : items.length === 0 ? (
        <p className="sf-empty">Nothing here yet.</p>
      ) : (
        <ul>
          {items.map((item, index) => (
            <li key={item.id} className={item.available ? undefined : 'sf-unavailable'} data-testid={`cart-${item.id}`}>
              <ProductArt id={item.id} small />
              <span className="sf-line-name">
                {item.name}
                {!item.available && <em> · unavailable here</em>}
              </span>
              <span className="sf-qty">
                <button type="button" aria-label={`One less ${item.name}`} onClick={() => void setQuantity(index, item.quantity - 1)}>
                  −
                </button>
                {item.quantity}
                <button type="button" aria-label={`One more ${item.name}`} onClick={() => void setQuantity(index, item.quantity + 1)}>
                  +
                </button>
              </span>
              <span>{formatMoney(item.price * item.quantity, currencyCode, cultureInfo)}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="sf-total">
        Total <strong data-testid="minicart-total">{total === undefined ? '—' : formatMoney(total, currencyCode, cultureInfo)}</strong>
      </p>
      {updating && <p className="sf-hint">Updating prices…</p>}
      {problem && <p role="alert">The cart could not be updated: {problem.message}</p>}
    </aside>
  )
}

/**
 * A storefront built on the public hooks: the header's postal code and delivery switch write the
 * session; the grid re-prices by the confirmed search context, and `<CartSync>` re-prices the minicart.
 */
export function Storefront() {
  const { addItem } = useOrderForm()
  return (
    <div className="sf">
      <style>{storefrontCss}</style>
      <CartSync />
      <header className="sf-header">
        <strong className="sf-logo">Café Botafogo</strong>
        <RegionPicker />
        <DeliverySwitch />
      </header>
      <main className="sf-main">
        <ProductGrid onAdd={(id) => void addItem(id)} />
        <MiniCart />
      </main>
    </div>
  )
}
