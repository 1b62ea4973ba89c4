/** The value of one cookie in a `Cookie` request header. */
export function readCookie(cookieHeader: string | null | undefined, name: string): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const separator = part.indexOf('=')
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim()
  }
  return undefined
}

/** The value a list of `Set-Cookie` headers gives one cookie (the last one wins). */
export function readSetCookie(setCookie: readonly string[], name: string): string | undefined {
  let value: string | undefined
  for (const header of setCookie) {
    const [pair = ''] = header.split(';')
    const separator = pair.indexOf('=')
    if (separator > 0 && pair.slice(0, separator).trim() === name) value = pair.slice(separator + 1).trim()
  }
  return value
}

/**
 * Only the shopper's VTEX cookies go to the Session Manager (session, segment, login):
 * the app's own cookies (its auth, its analytics) never leave for a third-party host.
 */
export function vtexCookiesOnly(cookieHeader: string | null | undefined): string {
  return (cookieHeader ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => /^(vtex|Vtex|VTEX)[^=]*=/.test(part) || part.startsWith('checkout.vtex.com='))
    .join('; ')
}
