import { decodeSessionTokenUnverified } from '../core/tokens'
import type { Segment } from '../core/types'

const toBase64 = (text: string): string => {
  const bytes = new TextEncoder().encode(text)
  return btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''))
}

const toBase64Url = (text: string): string => toBase64(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

/** The real `segmentToken`: standard base64 of the segment's JSON. */
export const encodeSegmentToken = (segment: Segment): string => toBase64(JSON.stringify(segment))

const EIGHT_DAYS_S = 8 * 24 * 60 * 60
const SIGNATURE = toBase64Url('session-manager-emulator: not a real ES256 signature')

/** A JWT shaped like the real `sessionToken` (ES256 header, `id`, `exp` ≈ 8 days); the signature is a fixed marker. */
export function encodeSessionToken(id: string, accountId: string, now = Date.now()): string {
  const iat = Math.floor(now / 1000)
  const header = toBase64Url(JSON.stringify({ alg: 'ES256', kid: 'emulator', typ: 'jwt' }))
  const payload = toBase64Url(
    JSON.stringify({ 'account.id': accountId, id, version: 2, sub: 'session', account: 'session', exp: iat + EIGHT_DAYS_S, iat, iss: 'token-emitter' }),
  )
  return `${header}.${payload}.${SIGNATURE}`
}

/** The session id in a token this emulator made, or undefined for anything else. */
export function sessionIdOf(token: string | undefined): string | undefined {
  if (token === undefined || !token.endsWith(`.${SIGNATURE}`)) return undefined
  try {
    const { id } = decodeSessionTokenUnverified(token)
    return typeof id === 'string' ? id : undefined
  } catch {
    return undefined
  }
}
