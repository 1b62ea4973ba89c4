import { SessionError } from './SessionError'
import type { PublicFieldValues } from './types'

/** Sales channel (trade policy) ids are numbers written as strings: `'1'`, `'2'`. */
export function toSalesChannelFields(sc: unknown): PublicFieldValues {
  if (typeof sc !== 'string' || !/^\d+$/.test(sc)) {
    const got = JSON.stringify(sc)
    throw new SessionError('invalid-input', process.env.NODE_ENV !== 'production' ? `A sales channel is a number written as a string such as "1", got ${got}` : `Not a sales channel: ${got}`)
  }
  return { sc }
}

/** A culture name such as `pt-BR`, `en-US` or `es` (language, then optional region). */
export function toLocaleFields(cultureInfo: unknown): PublicFieldValues {
  if (typeof cultureInfo !== 'string' || !/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/.test(cultureInfo)) {
    const got = JSON.stringify(cultureInfo)
    throw new SessionError('invalid-input', process.env.NODE_ENV !== 'production' ? `A locale is a culture name such as "pt-BR" or "en-US", got ${got}` : `Not a locale: ${got}`)
  }
  return { cultureInfo }
}

/** `"gold, silver"` → `['gold', 'silver']`; nothing → `[]`. */
export const toIdList = (value: string | null | undefined): string[] =>
  (value ?? '').split(',').map((id) => id.trim()).filter(Boolean)
