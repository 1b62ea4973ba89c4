import { useLocale } from 'vtex-session-react'
import { CartSync, useOrderForm } from 'vtex-session-react/checkout'
import { CountryPicker } from './storefront/CountryPicker'
import { DeliverySwitch } from './storefront/DeliverySwitch'
import { MiniCart } from './storefront/MiniCart'
import { PlaceBar } from './storefront/PlaceBar'
import { ProductGrid } from './storefront/ProductGrid'
import { RegionPicker } from './storefront/RegionPicker'
import { storefrontCss } from './storefrontCss'

/**
 * A storefront built on the public hooks: the header's postal code and delivery switch write the
 * session; the grid re-prices by the confirmed search context, and `<CartSync>` re-prices the minicart.
 */
export function Storefront() {
  const { addItem } = useOrderForm()
  // The page speaks the session's language (the US store's is en-US).
  const { cultureInfo } = useLocale()
  return (
    <div className="sf" lang={cultureInfo}>
      <style>{storefrontCss}</style>
      <CartSync />
      <header className="sf-header">
        <div className="sf-bar">
          <strong className="sf-logo">Café Botafogo</strong>
          <CountryPicker />
          <RegionPicker />
          <DeliverySwitch />
        </div>
        <PlaceBar />
      </header>
      <main className="sf-main">
        <ProductGrid onAdd={(id) => void addItem(id)} />
        <MiniCart />
      </main>
    </div>
  )
}
