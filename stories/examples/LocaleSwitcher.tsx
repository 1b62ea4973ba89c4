import { useLocale } from 'vtex-session-react'

const LOCALES = ['pt-BR', 'en-US', 'es-AR']

/** Changes the locale (language and formats); the currency stays the sales channel's. */
export function LocaleSwitcher() {
  const { cultureInfo, currencyCode, setLocale, isPending, error } = useLocale()
  const sample = cultureInfo && currencyCode ? new Intl.NumberFormat(cultureInfo, { style: 'currency', currency: currencyCode }).format(1234.5) : '…'
  return (
    <fieldset>
      <legend>Locale</legend>
      {LOCALES.map((locale) => (
        <button key={locale} type="button" aria-pressed={cultureInfo === locale} disabled={isPending} onClick={() => void setLocale(locale)}>
          {locale}
        </button>
      ))}
      <p data-testid="locale">
        {cultureInfo ?? '…'} · {currencyCode ?? '…'} · e.g. {sample}
      </p>
      {error && <p role="alert">{error.message}</p>}
    </fieldset>
  )
}
