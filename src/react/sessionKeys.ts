/**
 * Query keys of the session cache. A page has one session (the `vtex_session` cookie
 * is per origin), so one QueryClient holds one session.
 */
export const sessionKeys = {
  all: ['vtex-session'],
  session: ['vtex-session', 'session'],
  segment: ['vtex-session', 'segment'],
} as const
