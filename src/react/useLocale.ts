import { toLocaleFields } from '../core/commerceInput'
import { readSessionValue } from '../core/readSessionValue'
import type { Session } from '../core/types'
import { readStateOf, type ReadState, type WriteState } from './readState'
import { useSessionQuery } from './useSessionQuery'
import { useSessionWrite } from './useSessionWrite'

export interface Locale {
  /** Follows the shopper's locale (`public.cultureInfo`), else the sales channel's. */
  cultureInfo: string | undefined
  /** Currency and country follow the sales channel. */
  currencyCode: string | undefined
  currencySymbol: string | undefined
  countryCode: string | undefined
}

export interface UseLocaleResult extends Locale, ReadState, WriteState {
  /** Sets `public.cultureInfo` (e.g. `'en-US'`), checked before any request. */
  setLocale: (cultureInfo: string) => Promise<void>
}

const selectLocale = (session: Session): Locale => ({
  cultureInfo: readSessionValue(session, 'store', 'cultureInfo'),
  currencyCode: readSessionValue(session, 'store', 'currencyCode'),
  currencySymbol: readSessionValue(session, 'store', 'currencySymbol'),
  countryCode: readSessionValue(session, 'store', 'countryCode'),
})

/** The session's locale and currency, and `setLocale` to change the locale. */
export function useLocale(): UseLocaleResult {
  const locale = useSessionQuery('useLocale', selectLocale)
  const { write, ...writeState } = useSessionWrite('useLocale', toLocaleFields)
  return { ...(locale.data ?? EMPTY_LOCALE), setLocale: write, ...readStateOf(locale), ...writeState }
}

const EMPTY_LOCALE: Locale = { cultureInfo: undefined, currencyCode: undefined, currencySymbol: undefined, countryCode: undefined }
