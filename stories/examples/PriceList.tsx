import { useLocale } from 'vtex-session-react'
import { useProductSearch } from 'vtex-session-react/search'
import { catalogPage } from './catalogPage'
import { formatMoney } from './money'
import { ProductArt } from './ProductArt'

/**
 * A product grid priced for the session by Intelligent Search v1: the confirmed search context
 * keys the query, so it refetches exactly once per change, and the old prices stay on screen
 * (dimmed, `aria-busy`) meanwhile: never a flash of empty content.
 */
export function PriceList() {
  const search = useProductSearch(catalogPage)
  const { currencyCode, cultureInfo } = useLocale()
  if (search.isLoading) return <p>Loading prices…</p>
  if (search.loadError) return <p role="alert">{search.loadError.message}</p>
  const updating = search.isPlaceholderData || search.isFetching
  return (
    <section aria-busy={updating}>
      <p className="sf-status" data-testid="price-status">
        {updating ? 'Updating prices…' : 'Prices up to date'}
      </p>
      <ul className="sf-grid sf-compact" data-testid="prices" aria-busy={updating}>
        {search.data?.products.map((product) => {
          const item = product.items[0]
          return (
            <li key={product.productId} className="sf-card">
              {item && <ProductArt id={item.itemId} />}
              <h3>{product.productName}</h3>
              <p className="sf-price">{formatMoney(item?.sellers[0]?.commertialOffer.Price ?? 0, currencyCode, cultureInfo)}</p>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
