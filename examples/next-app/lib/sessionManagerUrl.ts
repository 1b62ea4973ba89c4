/**
 * Where the Session Manager is: `SESSION_MANAGER_URL` (tests point it at the emulator on
 * 127.0.0.1), or the VTEX store named by `VTEX_ACCOUNT`.
 */
export function sessionManagerUrl(): string {
  if (process.env.SESSION_MANAGER_URL) return process.env.SESSION_MANAGER_URL.replace(/\/+$/, '')
  if (process.env.VTEX_ACCOUNT) return `https://${process.env.VTEX_ACCOUNT}.vtexcommercestable.com.br`
  throw new Error('Set SESSION_MANAGER_URL (e.g. the emulator) or VTEX_ACCOUNT (a real store)')
}
