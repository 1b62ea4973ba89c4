import { cookiePairs } from '../core/cookiePairs'

/** The value of one cookie in a `Cookie` request header (the first of that name). */
export function readCookie(cookieHeader: string | null | undefined, name: string): string | undefined {
  return cookiePairs(cookieHeader).find(([candidate]) => candidate === name)?.[1]
}

/** The value a list of `Set-Cookie` headers gives one cookie (the last one wins). */
export function readSetCookie(setCookie: readonly string[], name: string): string | undefined {
  return setCookie
    .flatMap((header) => cookiePairs(header.split(';')[0]))
    .filter(([candidate]) => candidate === name)
    .at(-1)?.[1]
}

/**
 * Only the shopper's VTEX cookies go to the Session Manager (session, segment, login) and the
 * Checkout API (the cart's `checkout.vtex.com` and `CheckoutOrderFormOwnership`): the app's own
 * cookies (its auth, its analytics) never leave for a third-party host. A name sent twice (a
 * host-only cookie and a `Domain` one) goes once, with the value the browser sent first — the
 * one `readCookie` reads — so every request of a page names one session.
 */
export function vtexCookiesOnly(cookieHeader: string | null | undefined): string {
  const seen = new Set<string>()
  return (cookieHeader ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => /^(vtex|Vtex|VTEX)[^=]*=/.test(part) || part.startsWith('checkout.vtex.com=') || part.startsWith('CheckoutOrderFormOwnership='))
    .filter((part) => {
      const name = part.slice(0, part.indexOf('=')).trim()
      return !seen.has(name) && !!seen.add(name)
    })
    .join('; ')
}

/**
 * `Set-Cookie` values as the app's own origin can pass them on: the Session Manager names its
 * own host in `Domain=` (`mystore.vtexcommercestable.com.br`), which a browser refuses from any
 * other host — the shopper would get a new session on every page. Without `domain` the cookie
 * belongs to the host that sets it; with it, to that domain. Every other attribute is kept.
 */
export function forAppOrigin(setCookie: readonly string[], domain?: string): string[] {
  return setCookie.map((header) => {
    const parts = header.split(';').filter((part) => !/^\s*domain\s*=/i.test(part))
    return domain === undefined ? parts.join(';') : `${parts.join(';')}; Domain=${domain}`
  })
}

/** Whether a value can go in an HTTP header as it is (no CR, LF, NUL or other control character). */
export const isSendableHeaderValue = (value: string): boolean =>
  [...value].every((char) => {
    const code = char.charCodeAt(0)
    // Tab, printable ASCII and Latin-1 (what fetch accepts); never CR, LF, NUL or DEL.
    return code === 9 || (code >= 0x20 && code !== 0x7f && code <= 0xff)
  })

/** A `Cookie` header with the values of `Set-Cookie` headers put in (replacing those of the same name). */
export function withCookies(cookieHeader: string | null | undefined, setCookie: readonly string[]): string {
  const pairs = new Map(cookiePairs(cookieHeader))
  for (const header of setCookie) for (const [name, value] of cookiePairs(header.split(';')[0])) pairs.set(name, value)
  return [...pairs].map(([name, value]) => `${name}=${value}`).join('; ')
}
