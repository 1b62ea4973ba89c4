import { SessionError } from '../core/SessionError'

/** A VTEX account name, as it appears in `{account}.vtexcommercestable.com.br`. */
const ACCOUNT_NAME = /^[a-z0-9][a-z0-9-]*$/

/**
 * The Session Manager origin of a VTEX account. Only an account name is taken: anything else
 * (`127.0.0.1:4000/#`, `evil.example?`) would point the proxy, and the shopper cookies it
 * forwards, at another host.
 */
export function vtexAccountOrigin(account: string): string {
  if (!ACCOUNT_NAME.test(account)) {
    throw new SessionError(
      'invalid-input',
      `VTEX_ACCOUNT must be an account name (lower-case letters, digits and "-", e.g. "mystore"), got ${JSON.stringify(account)}`,
    )
  }
  return `https://${account}.vtexcommercestable.com.br`
}

/** A URL as an error may show it: its credentials, query and fragment (where secrets go) replaced by "…". */
function withoutSecrets(url: string, parsed: URL | undefined): string {
  if (parsed && /^https?:$/.test(parsed.protocol)) {
    return `${parsed.protocol}//${parsed.username || parsed.password ? '…@' : ''}${parsed.host}${parsed.pathname}${parsed.search ? '?…' : ''}${parsed.hash ? '#…' : ''}`
  }
  return url.replace(/^(?:[^@/]*@)?/, (credentials) => (credentials ? '…@' : '')).replace(/([?#]).*$/, '$1…')
}

export interface SessionManagerEnv {
  /** An absolute http(s) URL of a Session Manager (an emulator, a proxy), e.g. `http://127.0.0.1:4000`. */
  SESSION_MANAGER_URL?: string
  /** A VTEX account name: the store's own Session Manager. */
  VTEX_ACCOUNT?: string
}

/**
 * Where the Session Manager is, from the environment (`process.env`): `SESSION_MANAGER_URL`, else
 * the store of `VTEX_ACCOUNT`. Anything else is a clear `invalid-input` error, meant for start-up.
 */
export function sessionManagerOrigin(env: SessionManagerEnv): string {
  const url = env.SESSION_MANAGER_URL
  if (url) {
    let parsed: URL | undefined
    try {
      parsed = new URL(url)
    } catch {
      parsed = undefined
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.username || parsed.password || parsed.search || parsed.hash) {
      throw new SessionError(
        'invalid-input',
        `SESSION_MANAGER_URL must be an absolute http(s) URL without credentials, query or fragment (e.g. "http://127.0.0.1:4000"), got ${JSON.stringify(withoutSecrets(url, parsed))}`,
      )
    }
    return `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, '')
  }
  if (env.VTEX_ACCOUNT) return vtexAccountOrigin(env.VTEX_ACCOUNT)
  throw new SessionError('invalid-input', 'Set SESSION_MANAGER_URL (e.g. the emulator) or VTEX_ACCOUNT (a real store)')
}
