import type * as z from 'zod/mini'
import { SessionError } from './SessionError'

/** Validates data from the Session Manager (or `source`); a mismatch is an `invalid-response` error. */
export function parseResponse<T>(schema: z.ZodMiniType<T>, data: unknown, what: string, source = 'Session Manager'): T {
  const result = schema.safeParse(data)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const where = issue && issue.path.length > 0 ? ` at "${issue.path.join('.')}"` : ''
  throw new SessionError(
    'invalid-response',
    `The ${source} sent a ${what} that does not match its schema${where}: ${issue?.message ?? 'invalid'}`,
    { cause: result.error },
  )
}
