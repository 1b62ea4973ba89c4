import { useLocale } from 'vtex-session-react'
import { useOrderForm } from 'vtex-session-react/checkout'
import { formatMoney } from '../money'
import { ProductArt } from '../ProductArt'

/** The cart beside the grid: `useOrderForm`, re-priced in place by `<CartSync>` when the place changes. */
export function MiniCart() {
  const { items, total, currencyCode, isLoading, loadError, isPending, error, isSyncing, syncError, setQuantity } = useOrderForm()
  const { cultureInfo } = useLocale()
  // A change from elsewhere (a product card's addItem) shows here as a pending line.
  const updating = isPending || isSyncing || items.some((item) => item.pending)
  const problem = error ?? syncError ?? loadError
  const count = items.reduce((sum, item) => sum + item.quantity, 0)
  return (
    <aside className="sf-minicart" aria-label="Cart" aria-busy={updating}>
      <h2>
        Your cart <small>{count === 1 ? '1 item' : `${count} items`}</small>
      </h2>
      {/* Loading takes the empty cart's one line: the cart arriving after hydration moves nothing. */}
      {isLoading ? (
        <p className="sf-loading">Loading the cart…</p>
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
              {/* A SKU just added has no price until the Checkout answers. */}
              <span>{item.pending && item.price === 0 ? '…' : formatMoney(item.price * item.quantity, currencyCode, cultureInfo)}</span>
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
