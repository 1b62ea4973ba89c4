import { SessionError } from './SessionError'
import type { PublicFieldValues } from './types'

/** Sales channel (trade policy) ids are numbers written as strings: `'1'`, `'2'`. */
export function toSalesChannelFields(sc: unknown): PublicFieldValues {
  if (typeof sc !== 'string' || !/^\d+$/.test(sc)) {
    throw new SessionError('invalid-input', `A sales channel is a number written as a string such as "1", got ${JSON.stringify(sc)}`)
  }
  return { sc }
}

/** A culture name such as `pt-BR`, `en-US` or `es` (language, then optional region). */
export function toLocaleFields(cultureInfo: unknown): PublicFieldValues {
  if (typeof cultureInfo !== 'string' || !/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/.test(cultureInfo)) {
    throw new SessionError('invalid-input', `A locale is a culture name such as "pt-BR" or "en-US", got ${JSON.stringify(cultureInfo)}`)
  }
  return { cultureInfo }
}

/** `"gold, silver"` → `['gold', 'silver']`; nothing → `[]`. */
export const toIdList = (value: string | null | undefined): string[] =>
  (value ?? '').split(',').map((id) => id.trim()).filter(Boolean)
