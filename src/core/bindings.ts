import { SessionError } from './SessionError'

/**
 * One storefront surface of a VTEX account (VTEX's binding): the address it answers on (a host,
 * or a host and a path prefix such as `store.com/en`), its language, currency, country and sales
 * channel. Shape: https://developers.vtex.com/docs/apps/vtex.rewriter@1.70.0/multi-binding
 */
export interface Binding {
  id?: string
  /** Host, or host and path prefix, with no scheme: `store.com`, `store.com/en`. */
  canonicalBaseAddress: string
  defaultLocale: string
  supportedLocales?: readonly string[]
  currencyCode: string
  countryCode: string
  salesChannel: string
  /** Wins over another binding with the same address. */
  isDefault?: boolean
}

/** A binding's address, split: lower-case host (with its port, if any) and path prefix (`''` or `/en`). */
interface Address {
  host: string
  prefix: string
}

/** The query parameter a `myvtex.com` host names a binding's address with (the store is not on its own host yet). */
export const BINDING_ADDRESS_PARAM = '__bindingAddress'

const invalid = (message: string) => new SessionError('invalid-input', message)

function addressOf(text: string): Address | undefined {
  const bare = text.trim().replace(/^[a-z][a-z\d+.-]*:\/\//i, '')
  if (bare === '' || /[?#\s]/.test(bare)) return undefined
  const slash = bare.indexOf('/')
  const host = (slash < 0 ? bare : bare.slice(0, slash)).toLowerCase()
  const prefix = slash < 0 ? '' : bare.slice(slash).replace(/\/+$/, '')
  return host === '' ? undefined : { host, prefix }
}

/** Whether `path` is under `prefix` segment by segment (`/en` holds `/en` and `/en/p`, never `/english`). */
const isUnder = (path: string, prefix: string) => prefix === '' || path === prefix || path.startsWith(`${prefix}/`)

/**
 * The address a request is for: its host and path, or, on a `myvtex.com` host, the address its
 * `__bindingAddress` parameter names (with the request's path after it).
 */
function requestAddress(url: URL): Address {
  const named = url.hostname.endsWith('.myvtex.com') ? url.searchParams.get(BINDING_ADDRESS_PARAM) : null
  const binding = named === null ? undefined : addressOf(named)
  if (binding) return { host: binding.host, prefix: `${binding.prefix}${url.pathname === '/' ? '' : url.pathname}` }
  return { host: url.host.toLowerCase(), prefix: url.pathname }
}

/**
 * The binding a request URL is for: the one on its host whose path prefix is the longest that the
 * path starts with; between bindings of one address, the one marked `isDefault`, else the first
 * listed. `undefined` when none serves that host. A binding whose address cannot be read is an
 * `invalid-input` error, so a typo in the store's configuration shows at once.
 */
export function bindingFor(url: string | URL, bindings: readonly Binding[]): Binding | undefined {
  const request = requestAddress(typeof url === 'string' ? new URL(url) : url)
  let best: { binding: Binding; prefix: string } | undefined
  for (const binding of bindings) {
    const address = addressOf(binding.canonicalBaseAddress)
    if (!address) throw invalid(`Binding ${JSON.stringify(binding.id ?? binding.canonicalBaseAddress)} has no address a request can match: ${JSON.stringify(binding.canonicalBaseAddress)}`)
    if (address.host !== request.host || !isUnder(request.prefix, address.prefix)) continue
    const longer = !best || address.prefix.length > best.prefix.length
    const sameAddress = best && address.prefix === best.prefix
    if (longer || (sameAddress && binding.isDefault && !best!.binding.isDefault)) best = { binding, prefix: address.prefix }
  }
  return best?.binding
}

/**
 * Where the page at `url` is in another binding: the same path under `to`'s host and prefix (the
 * app's router navigates). `url` must be in `from`; an unreadable address is `invalid-input`.
 */
export function bindingUrl(url: string | URL, from: Binding, to: Binding): URL {
  const current = typeof url === 'string' ? new URL(url) : url
  const source = addressOf(from.canonicalBaseAddress)
  const target = addressOf(to.canonicalBaseAddress)
  if (!source || !target) throw invalid('A binding has no address a request can match')
  const moved = new URL(current)
  // On a myvtex.com host the address is a parameter: the host and path stay, the parameter names `to`.
  if (current.hostname.endsWith('.myvtex.com') && current.searchParams.has(BINDING_ADDRESS_PARAM)) {
    moved.searchParams.set(BINDING_ADDRESS_PARAM, `${target.host}${target.prefix}`)
    return moved
  }
  if (!isUnder(current.pathname, source.prefix)) throw invalid(`${current.pathname} is not under ${JSON.stringify(from.canonicalBaseAddress)}`)
  const rest = current.pathname.slice(source.prefix.length)
  moved.host = target.host
  moved.pathname = `${target.prefix}${rest === '/' && target.prefix ? '' : rest}` || '/'
  return moved
}
