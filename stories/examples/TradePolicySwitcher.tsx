import { useLocale, useSalesChannel } from 'vtex-session-react'

const POLICIES = [
  { sc: '1', label: 'Brazil (BRL)' },
  { sc: '2', label: 'United States (USD)' },
  { sc: '3', label: 'B2B (private)' },
]

/** Switches trade policy in place: currency and prices follow; a private one says why it is refused. */
export function TradePolicySwitcher() {
  const { channel, setChannel, isPending, error } = useSalesChannel()
  const { currencyCode, countryCode } = useLocale()
  return (
    <fieldset>
      <legend>Trade policy</legend>
      {POLICIES.map(({ sc, label }) => (
        <button key={sc} type="button" aria-pressed={channel === sc} disabled={isPending} onClick={() => void setChannel(sc)}>
          {label}
        </button>
      ))}
      <p data-testid="trade-policy">
        Channel {channel ?? '…'} · {currencyCode ?? '…'} · {countryCode ?? '…'}
        {isPending ? ' · switching…' : ''}
      </p>
      {error && (
        <p role="alert">
          {error.status === 401
            ? 'Log in to use this trade policy.'
            : error.status === 403
              ? 'Your account may not use this trade policy.'
              : `Could not switch (${error.kind}): ${error.message}`}
        </p>
      )}
    </fieldset>
  )
}
