import { useState } from 'react'
import { postalCodeProblem, RegionGate, useRegion, type RegionGateState } from 'vtex-session-react'
import { Storefront } from './Storefront'

/**
 * The question a store that requires a place asks on a first visit: it cannot be dismissed, the
 * store's default pre-fills it, and its error shows only after a submit.
 */
function RegionDialog({ gate }: { gate: RegionGateState }) {
  const { setRegion, isPending, error } = useRegion()
  const suggested = gate.suggestion && 'postalCode' in gate.suggestion ? gate.suggestion : undefined
  const country = suggested?.country ?? 'BRA'
  const [draft, setDraft] = useState(suggested?.postalCode ?? '')
  const [submitted, setSubmitted] = useState(false)
  const problem = submitted ? postalCodeProblem(country, draft) : null
  return (
    // Inside `.sf` for the storefront's look (it renders beside the storefront, not in it).
    <div className="sf sf-dialog">
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby="sf-dialog-title"
        onSubmit={(event) => {
          event.preventDefault()
          setSubmitted(true)
          if (postalCodeProblem(country, draft) === null) void setRegion({ country, postalCode: draft })
        }}
      >
        <h2 id="sf-dialog-title">Where should we deliver?</h2>
        <p>Prices and stock depend on where you are. Enter your CEP to see them.</p>
        <input aria-label="Postal code" value={draft} aria-invalid={problem !== null} onChange={(event) => setDraft(event.target.value)} />
        <button type="submit" disabled={isPending}>
          {isPending ? 'Finding prices…' : 'Show prices'}
        </button>
        <div className="sf-alert-slot">{(problem ?? error) && <p role="alert">{problem ?? error?.message}</p>}</div>
      </form>
    </div>
  )
}

/** The storefront of a store whose prices need a place: `<RegionGate>` asks for it when no source gave one. */
export function RequiredRegionStorefront() {
  return (
    <>
      <Storefront />
      <RegionGate ask={(gate) => <RegionDialog gate={gate} />} />
    </>
  )
}
