import { useRegion } from 'vtex-session-react'
import { useProductSearch } from 'vtex-session-react/search'

function PostalCodeForm() {
  const { regionId, postalCode, setRegion, isLoading, loadError, isPending, error } = useRegion()
  if (isLoading) return <p>Loading…</p>
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        const value = String(new FormData(event.currentTarget).get('postalCode') ?? '')
        void setRegion({ country: 'BRA', postalCode: value }) // no catch needed: `error` shows a failure
      }}
    >
      <input name="postalCode" defaultValue={postalCode} placeholder="22250-040" />
      <button disabled={isPending}>Apply</button>
      {error && <p role="alert">{error.message}</p>}
      {loadError && <p role="alert">The session could not be read: {loadError.message}</p>}
      <p>Region: {regionId ?? 'none'}</p>
    </form>
  )
}

// A product listing page: Intelligent Search v1, keyed by the confirmed session.
function ProductListing() {
  const search = useProductSearch({ count: 12 })
  // A failed load keeps the last results (dimmed: the previous place's) below the error.
  return (
    <>
      {search.loadError && <p role="alert">{search.loadError.message}</p>}
      <ul style={{ opacity: search.isPlaceholderData ? 0.5 : 1 }}>
        {search.data?.products.map((product) => (
          <li key={product.productId}>
            {product.productName}: {product.items[0]?.sellers[0]?.commertialOffer.Price}
          </li>
        ))}
      </ul>
    </>
  )
}

export function App() {
  return (
    <main>
      <PostalCodeForm />
      <ProductListing />
    </main>
  )
}
