import { useSalesChannel, useUpdateSession } from 'vtex-session-react'
import { demoStoreCountries, demoStoreCountryOf } from './demoStore'

/**
 * Brasil or United States: one PATCH moves the session to that country's sales channel (its
 * currency) and forgets the other country's postal code, so nothing is priced for a place the
 * new store does not sell to.
 */
export function CountryPicker() {
  const { salesChannel } = useSalesChannel()
  const { mutate, isPending, error } = useUpdateSession()
  const current = demoStoreCountryOf(salesChannel)
  return (
    <div className="sf-country">
    <select
      aria-label="Country"
      value={current.salesChannel}
      disabled={isPending}
      onChange={(event) => {
        const next = demoStoreCountryOf(event.target.value)
        mutate({ sc: next.salesChannel, country: next.country, postalCode: '', facets: '' })
      }}
    >
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
