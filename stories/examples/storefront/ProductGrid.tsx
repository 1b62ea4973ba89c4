import { useLocale, useRegionGate } from 'vtex-session-react'
import { useProductSearch } from 'vtex-session-react/search'
import { catalogPage } from '../catalogPage'
import { formatMoney } from '../money'
import { ProductArt } from '../ProductArt'

/** The first catalog page from Intelligent Search v1, priced for the confirmed session (dimmed while it re-prices). */
export function ProductGrid({ onAdd }: { onAdd: (id: string) => void }) {
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
