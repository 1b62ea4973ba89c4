import { parseResponse } from './parseResponse'
import { segmentSchema } from './schemas'
import { SessionError } from './SessionError'
import type { Segment } from './types'

/** Decodes standard or URL-safe base64, padded or not, to UTF-8 text. */
function decodeBase64(text: string): string {
  // atob takes base64 with or without its padding (the HTML spec's forgiving-base64 decode).
  const bytes = Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0))
  return new TextDecoder().decode(bytes)
}

function decodeJson(text: string, what: string): unknown {
  try {
    return JSON.parse(decodeBase64(text))
  } catch (cause) {
    throw new SessionError('invalid-response', `The ${what} is not base64-encoded JSON`, { cause })
  }
}

/**
 * Reads a `segmentToken` (the `vtex_segment` value): base64 of the segment's JSON.
 * The token a POST/PATCH answers with already is the new segment, so no extra request.
 */
export function decodeSegmentToken(segmentToken: string): Segment {
  return parseResponse(segmentSchema, decodeJson(segmentToken, 'segment token'), 'segment token')
}

/** The claims of a `sessionToken` that this library reads. */
export interface SessionTokenClaims {
  id?: string
  exp?: number
  iat?: number
  [claim: string]: unknown
}

/**
 * Reads the payload of a `sessionToken` (a JWT signed by VTEX with ES256).
 * UNVERIFIED: the signature is not checked, so never trust these claims for
 * authorization — use them only to show or log the session id and expiry.
 */
export function decodeSessionTokenUnverified(sessionToken: string): SessionTokenClaims {
  const payload = sessionToken.split('.')[1]
  const claims = payload === undefined ? undefined : decodeJson(payload, 'session token payload')
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    throw new SessionError('invalid-response', 'The session token is not a JWT with a JSON payload')
  }
  return claims as SessionTokenClaims
}
