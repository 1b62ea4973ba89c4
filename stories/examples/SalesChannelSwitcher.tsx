import { useLocale, useSalesChannel } from 'vtex-session-react'

const CHANNELS = [
  { sc: '1', label: 'Brazil (BRL)' },
  { sc: '2', label: 'United States (USD)' },
  { sc: '3', label: 'B2B (private)' },
]

/** Switches the sales channel in place: currency and prices follow; a private one says why it is refused. */
export function SalesChannelSwitcher() {
  const { salesChannel, setSalesChannel, isPending, error } = useSalesChannel()
  const { currencyCode, countryCode } = useLocale()
  return (
    <fieldset>
      <legend>Sales channel</legend>
      {CHANNELS.map(({ sc, label }) => (
        <button key={sc} type="button" aria-pressed={salesChannel === sc} disabled={isPending} onClick={() => void setSalesChannel(sc)}>
          {label}
        </button>
      ))}
      <p data-testid="sales-channel">
        Channel {salesChannel ?? '…'} · {currencyCode ?? '…'} · {countryCode ?? '…'}
        {isPending ? ' · switching…' : ''}
      </p>
      {error && (
        <p role="alert">
          {error.status === 401
            ? 'Log in to use this sales channel.'
            : error.status === 403
              ? 'Your account may not use this sales channel.'
              : `Could not switch (${error.kind}): ${error.message}`}
        </p>
      )}
    </fieldset>
  )
}
