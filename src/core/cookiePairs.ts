/**
 * The `name=value` pairs of a `Cookie` header (or of a `Set-Cookie` header's first part), in
 * order, trimmed; a part without a name is no cookie. A value keeps any `=` it holds
 * (`checkout.vtex.com=__ofid=…`). One parser for the server helpers and the emulator.
 */
export function cookiePairs(header: string | null | undefined): Array<[name: string, value: string]> {
  const pairs: Array<[string, string]> = []
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=')
    const name = separator > 0 ? part.slice(0, separator).trim() : ''
    if (name !== '') pairs.push([name, part.slice(separator + 1).trim()])
  }
  return pairs
}
