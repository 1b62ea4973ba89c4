import { sessionTokensSchema } from '../core/schemas'
import { readSetCookie } from './cookies'

// RFC 6265 cookie-octets: a token with anything else (space, `;`, `,`, a quote) is no cookie value.
const COOKIE_VALUE = /^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]+$/

/**
 * The cookies a write answered as the OpenAPI documents it — `{ sessionToken, segmentToken }`
 * and no `Set-Cookie` — leaves unsaid: `vtex_session` and `vtex_segment` with those tokens, as
 * `Set-Cookie` values. The read-back that follows needs them to name the session, and the shopper
 * gets them from nowhere else. Empty for a read, a failure, an answer that sets both cookies
 * (the real Session Manager: no body is read then) or one that is not such a token answer.
 */
export async function tokenAnswerCookies(method: string | undefined, response: Response, setCookie: readonly string[]): Promise<string[]> {
  const missing = (['vtex_session', 'vtex_segment'] as const).filter((name) => readSetCookie(setCookie, name) === undefined)
  if ((method !== 'POST' && method !== 'PATCH') || !response.ok || missing.length === 0) return []
  const answer = sessionTokensSchema.safeParse(await response.clone().json().catch(() => undefined))
  if (!answer.success) return []
  const tokens = { vtex_session: answer.data.sessionToken, vtex_segment: answer.data.segmentToken }
  // HttpOnly: the browser code never reads them (and a page script should not).
  return missing.filter((name) => COOKIE_VALUE.test(tokens[name])).map((name) => `${name}=${tokens[name]}; Path=/; SameSite=Lax; HttpOnly`)
}
