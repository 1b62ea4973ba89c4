import { toLocaleFields } from '../core/commerceInput'
import { readSessionValue } from '../core/readSessionValue'
import type { Segment, Session } from '../core/types'
import { readStateOf, type ReadState, type WriteState } from './readState'
import { useSegmentQuery, useSessionQuery } from './useSessionQuery'
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

/** A shared page's locale (its segment's), shown until the session is read: a page's prices are formatted as the server formatted them. */
const selectPageLocale = ({ cultureInfo, currencyCode, currencySymbol, countryCode }: Segment): Locale => ({
  cultureInfo: cultureInfo ?? undefined,
  currencyCode: currencyCode ?? undefined,
  currencySymbol: currencySymbol ?? undefined,
  countryCode: countryCode ?? undefined,
})

/** The session's locale and currency, and `setLocale` to change the locale. */
export function useLocale(): UseLocaleResult {
  const locale = useSessionQuery('useLocale', selectLocale)
  // Not enabled: reads what is there (a shared page's segment), never asks for the segment.
  const page = useSegmentQuery('useLocale', selectPageLocale, false)
  const { write, ...writeState } = useSessionWrite('useLocale', toLocaleFields)
  return { ...(locale.data ?? page.data ?? EMPTY_LOCALE), setLocale: write, ...readStateOf(locale), ...writeState }
}

const EMPTY_LOCALE: Locale = { cultureInfo: undefined, currencyCode: undefined, currencySymbol: undefined, countryCode: undefined }
