import type { FetchedSession } from 'vtex-session-react/server'

/**
 * The session `proxy.ts` read, handed to the page render in a request header, so a page costs
 * one Session Manager round trip (a new shopper's POST ?items=*, a returning one's GET), not two.
 * The proxy always overwrites this header: a value sent by a browser never reaches the page.
 */
export const HANDED_SESSION = 'x-storefront-session'

export const encodeHandedSession = ({ session, segment, segmentKey }: FetchedSession): string =>
  Buffer.from(JSON.stringify({ session, segment, segmentKey })).toString('base64url')

export function decodeHandedSession(value: string | null): Pick<FetchedSession, 'session' | 'segment' | 'segmentKey'> | undefined {
  if (!value) return undefined
  try {
    const handed = JSON.parse(Buffer.from(value, 'base64url').toString()) as Pick<FetchedSession, 'session' | 'segment' | 'segmentKey'>
    return typeof handed.session?.id === 'string' && typeof handed.segmentKey === 'string' ? handed : undefined
  } catch {
    return undefined
  }
}
