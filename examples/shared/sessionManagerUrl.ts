import { sessionManagerOrigin } from 'vtex-session-react/server'

/**
 * Where the Session Manager is: `SESSION_MANAGER_URL` (tests point it at the emulator on
 * 127.0.0.1), or the VTEX store named by `VTEX_ACCOUNT` — checked, so a bad value is a clear
 * error rather than cookies sent to the wrong host.
 */
export const sessionManagerUrl = (): string =>
  sessionManagerOrigin({ SESSION_MANAGER_URL: process.env.SESSION_MANAGER_URL, VTEX_ACCOUNT: process.env.VTEX_ACCOUNT })
