/**
 * Query keys of the session cache. A page has one session per Session Manager origin (the
 * `vtex_session` cookie is per origin), so one QueryClient holds one session per `baseUrl`.
 * These are the keys of the default origin (`baseUrl` `''`: the page's own, or a proxy).
 */
export const sessionKeys = {
  all: ['vtex-session'],
  session: ['vtex-session', 'session'],
  segment: ['vtex-session', 'segment'],
  /** The segment a shared page was priced with (`fillPageCache`): shown until the shopper's own is read. */
  page: ['vtex-session', 'page'],
} as const

export interface SessionKeys {
  readonly session: readonly unknown[]
  readonly segment: readonly unknown[]
  readonly page: readonly unknown[]
}

/** The keys of one Session Manager origin: those above for `''`, the origin appended for any other. */
export const sessionKeysFor = (baseUrl: string): SessionKeys =>
  baseUrl === '' ? sessionKeys : { session: [...sessionKeys.session, baseUrl], segment: [...sessionKeys.segment, baseUrl], page: [...sessionKeys.page, baseUrl] }
