import { useState } from 'react'
import { postalCodeProblem, useRegion, useRegionPrefetch, type Segment, type Session } from 'vtex-session-react'
import { PlaceName } from './PlaceName'

const COUNTRIES = ['BRA', 'USA', 'CAN', 'GBR', 'PRT', 'ARG', 'MEX', 'COL', 'CHL', 'PER']

/**
 * A postal-code selector built only on the public hooks: copy it into your storefront.
 * It checks the format as the shopper types, submits on Enter and names the new place.
 */
export function PostalCodeSelector({ prefetchForSegment }: { prefetchForSegment?: (segmentKey: string, segment: Segment, session: Session | undefined) => unknown }) {
  const { postalCode, country, setRegion, isPending, error } = useRegion()
  // With `prefetchForSegment`, a complete postal code warms the prices of the region it leads to.
  const { prefetch, cancel } = useRegionPrefetch({ prefetchForSegment: prefetchForSegment ?? (() => undefined) })
  const [draftCountry, setDraftCountry] = useState(country ?? 'BRA')
  const [draft, setDraft] = useState('')
  const problem = draft.trim() === '' ? null : postalCodeProblem(draftCountry, draft)

  return (
    <form
      aria-label="Choose your region"
      onSubmit={(event) => {
        event.preventDefault()
        cancel()
        // No catch needed: a failure shows in `error`, and the last region stays.
        if (!problem && draft.trim() !== '') void setRegion({ country: draftCountry, postalCode: draft })
      }}
    >
      <label>
        Country{' '}
        <select value={draftCountry} onChange={(event) => setDraftCountry(event.target.value)}>
          {COUNTRIES.map((code) => (
            <option key={code}>{code}</option>
          ))}
        </select>
      </label>{' '}
      <label>
        Postal code{' '}
        <input
          name="postalCode"
          value={draft}
          placeholder={postalCode ?? 'e.g. 22250-040'}
          aria-invalid={problem !== null}
          onChange={(event) => {
            setDraft(event.target.value)
            if (prefetchForSegment) prefetch({ country: draftCountry, postalCode: event.target.value })
          }}
        />
      </label>{' '}
      <button type="submit" disabled={isPending || problem !== null}>
        {isPending ? 'Updating…' : 'Apply'}
      </button>
      {problem && <p className="hint">{problem}</p>}
      {error && <p role="alert">Could not change the region ({error.kind}): {error.message}</p>}
      <PlaceName pending={isPending} />
    </form>
  )
}
