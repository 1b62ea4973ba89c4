import { SessionError } from './SessionError'
import type { PublicFieldValues } from './types'

/** `name` or `public.name`: the Session Manager writes only the `public` namespace. */
const PUBLIC_FIELD_NAME = /^(?:public\.)?([\w-]+)$/

/** `public.utm_campaign` → `utm_campaign`; any other name as it is. */
export const stripPublicPrefix = (name: string): string => name.replace(/^public\./, '')

/**
 * Turns what a caller wrote (`utm_campaign` or `public.utm_campaign`) into the plain
 * key the Session Manager stores. Only the `public` namespace can be written.
 */
export function toPublicFieldName(name: unknown): string {
  const key = typeof name === 'string' ? PUBLIC_FIELD_NAME.exec(name)?.[1] : undefined
  // Names are data: one that is also an Object.prototype key (`__proto__`, `constructor`, `toString`)
  // would be dropped or read wrongly somewhere on its way, so it is refused, not half-sent.
  if (key === undefined || key in Object.prototype) {
    throw new SessionError(
      'invalid-input',
      // Misuse is explained in full where it is fixed, in development; production builds keep the kind and the name.
      process.env.NODE_ENV !== 'production'
        ? `${describe(name)} is not a valid public field name: only public fields can be written (the Session Manager ignores other namespaces), named with letters, digits, "_" and "-", and not an Object.prototype key`
        : `${describe(name)} is not a valid public field name`,
    )
  }
  return key
}

/** Checks every name and value before any request, so bad input costs nothing. */
export function toPublicFieldValues(fields: unknown, { allowEmpty = false } = {}): PublicFieldValues {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) {
    throw new SessionError('invalid-input', process.env.NODE_ENV !== 'production' ? `Public fields must be an object of name → string, got ${describe(fields)}` : `Not public fields: ${describe(fields)}`)
  }
  const entries = Object.entries(fields)
  if (entries.length === 0 && !allowEmpty) throw new SessionError('invalid-input', 'There is no public field to write')
  const values: PublicFieldValues = {}
  for (const [name, value] of entries) {
    if (typeof value !== 'string') {
      throw new SessionError('invalid-input', process.env.NODE_ENV !== 'production' ? `The value of public field "${name}" must be a string, got ${describe(value)}` : `"${name}" must be a string, got ${describe(value)}`)
    }
    values[toPublicFieldName(name)] = value
  }
  return values
}

/** Public field values as the Session Manager keeps them: `{ name: { value } }`. */
export const asSessionValues = (fields: PublicFieldValues): Record<string, { value: string }> =>
  Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, { value }]))

/** The Session Manager's request body: `{"public":{"name":{"value":"v"}}}`. */
export const toRequestBody = (fields: PublicFieldValues): string => JSON.stringify({ public: asSessionValues(fields) })

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'string' ? `"${value}"` : typeof value
}
