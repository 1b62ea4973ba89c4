import { readSessionValue } from './readSessionValue'
import type { PublicFieldValues, Session } from './types'

/** The campaign parameters VTEX keeps in the public namespace. */
export const UTM_FIELDS = ['utm_source', 'utm_medium', 'utm_campaign', 'utmi_campaign', 'utmi_page', 'utmi_part'] as const

/**
 * The UTM parameters of a URL's query string (`?utm_source=…`), as public fields. With a
 * `session`, only those it does not already hold with the same value: what is left to send.
 */
export function utmFieldsOf(search: string, session?: Session): PublicFieldValues {
  const params = new URLSearchParams(search)
  const fields: PublicFieldValues = {}
  for (const name of UTM_FIELDS) {
    const value = params.get(name)
    if (value && (session === undefined || readSessionValue(session, 'public', name) !== value)) fields[name] = value
  }
  return fields
}
