import { useState } from 'react'
import { postalCodeProblem, useRegion, useRegionPrefetch, useSalesChannel } from 'vtex-session-react'
import { demoStoreCountryOf } from './demoStore'
import { usePrefetchCatalogPage } from './usePrefetchCatalogPage'

/**
 * Postal code in the header, applied on Enter. A complete code warms its prices as the shopper
 * types (`useRegionPrefetch`), so Apply shows them as soon as the session answers. It is checked as
 * the shopper types, but the error shows only after a submit, below the header (it never pushes the
 * header onto two rows).
 */
export function RegionPicker() {
  const { setRegion, isPending, error } = useRegion()
  const { salesChannel } = useSalesChannel()
  const { country, postalCodeName, example } = demoStoreCountryOf(salesChannel)
  const { prefetch, cancel } = useRegionPrefetch({ prefetchForSegment: usePrefetchCatalogPage() })
  const [draft, setDraft] = useState('')
  const [submitted, setSubmitted] = useState(false)
  const problem = draft.trim() === '' ? null : postalCodeProblem(country, draft)
  const shown = (submitted ? problem : null) ?? error?.message
  return (
    <form
      className="sf-region"
      aria-label="Where should we deliver?"
      onSubmit={(event) => {
        event.preventDefault()
        cancel()
        setSubmitted(true)
        if (!problem && draft.trim() !== '') void setRegion({ country, postalCode: draft }).then(() => setDraft(''), () => undefined)
      }}
    >
      <input
        name="postalCode"
        aria-label="Postal code"
        value={draft}
        placeholder={`${postalCodeName}, e.g. ${example}`}
        aria-invalid={shown !== undefined && shown !== null}
        onChange={(event) => {
          setDraft(event.target.value)
          setSubmitted(false)
          prefetch({ country, postalCode: event.target.value })
        }}
      />
      <button type="submit" disabled={isPending}>
        {isPending ? '…' : 'Apply'}
      </button>
      {shown && <p role="alert">{shown}</p>}
    </form>
  )
}
