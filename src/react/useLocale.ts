import { toLocaleFields } from '../core/commerceInput'
import { readSessionValue } from '../core/readSessionValue'
import type { Segment, Session } from '../core/types'
import { readStateOf, type ReadState, type WriteState } from './readState'
import { useSegmentQuery, useSessionQuery } from './useSessionQuery'
import { useSessionContext } from './SessionContext'
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

/** A shared page's locale: its segment's terms, as the server formatted the page's prices with them. */
const selectPageLocale = ({ cultureInfo, currencyCode, currencySymbol, countryCode }: Segment): Locale => ({
  cultureInfo: cultureInfo ?? undefined,
  currencyCode: currencyCode ?? undefined,
  currencySymbol: currencySymbol ?? undefined,
  countryCode: countryCode ?? undefined,
})

/**
 * The session's locale and currency, and `setLocale` to change the locale. On a shared page, the
 * page's until the shopper's segment is read: the page's prices are in its currency, never in the
 * shopper's session's beside them.
 */
export function useLocale(): UseLocaleResult {
  const { pageSegment } = useSessionContext('useLocale')
  const locale = useSessionQuery('useLocale', selectLocale)
  // Read on a shared page only (it ends the page's stand-in); elsewhere the locale needs no segment.
  const segment = useSegmentQuery('useLocale', selectPageLocale, pageSegment !== undefined)
  const { write, ...writeState } = useSessionWrite('useLocale', toLocaleFields)
  const shown = segment.isPlaceholderData ? segment.data : locale.data
  return { ...(shown ?? EMPTY_LOCALE), setLocale: write, ...readStateOf(locale), ...writeState }
}

const EMPTY_LOCALE: Locale = { cultureInfo: undefined, currencyCode: undefined, currencySymbol: undefined, countryCode: undefined }
