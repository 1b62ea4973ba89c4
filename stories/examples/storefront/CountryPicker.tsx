import { useSalesChannel, useUpdateSession } from 'vtex-session-react'
import { demoStoreCountries } from './demoStore'

/**
 * Brasil or United States: one PATCH moves the session to that country's sales channel (its
 * currency) and forgets the other country's postal code and pickup point, so the grid is not
 * priced for a place the new store does not sell to. (The cart keeps its address until the
 * shopper gives one in the new country: `<CartSync>` writes only a place the session has.)
 */
export function CountryPicker() {
  const { salesChannel } = useSalesChannel()
  const { mutate, isPending, error } = useUpdateSession()
  // Another channel (a B2B buyer's private one) is shown as itself, so either country can be chosen from it.
  const known = demoStoreCountries.some((country) => country.salesChannel === salesChannel)
  return (
    <div className="sf-country">
    <select
      aria-label="Country"
      value={salesChannel ?? demoStoreCountries[0].salesChannel}
      disabled={isPending}
      onChange={(event) => {
        const next = demoStoreCountries.find((country) => country.salesChannel === event.target.value)
        if (next) mutate({ sc: next.salesChannel, country: next.country, postalCode: '', facets: '' })
      }}
    >
      {!known && salesChannel !== undefined && (
        <option value={salesChannel} disabled>
          Sales channel {salesChannel}
        </option>
      )}
      {demoStoreCountries.map(({ salesChannel: channel, name }) => (
        <option key={channel} value={channel}>
          {name}
        </option>
      ))}
    </select>
      {error && <p role="alert">Could not change the country: {error.message}</p>}
    </div>
  )
}
