import type { Session } from './types'

/** A session value as text (`undefined` when absent), whatever JSON type the server stored. */
export function readSessionValue(session: Session, namespace: string, key: string): string | undefined {
  const value = session.namespaces[namespace]?.[key]?.value
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}
