import { SessionError } from './SessionError'

/** How long the shopper (or the browser) may take, prompt included. */
const GEOLOCATION_TIMEOUT_MS = 15_000

/**
 * Where the device is, as `[longitude, latitude]` (the order VTEX stores). The shopper
 * refusing permission is `invalid-input`; no position (no API, no fix, timeout) is `network`.
 * It settles within 15 s whatever the browser does: a permission prompt left open (or dismissed,
 * as Firefox does, with no callback) never starts the browser's own timeout.
 */
export function currentCoordinates(): Promise<[longitude: number, latitude: number]> {
  return new Promise((resolve, reject) => {
    const fail = (code: number, message: string, cause?: unknown) => {
      clearTimeout(timer)
      // Code 1 is PERMISSION_DENIED (the constant is missing from some implementations' errors).
      reject(new SessionError(code === 1 ? 'invalid-input' : 'network', `Geolocation: ${message}`, { cause }))
    }
    const timer = setTimeout(() => fail(3, `no answer within ${GEOLOCATION_TIMEOUT_MS / 1000} s`), GEOLOCATION_TIMEOUT_MS)
    const geolocation = globalThis.navigator?.geolocation
    if (!geolocation) return fail(0, 'not available here (it needs a browser and a secure page)')
    geolocation.getCurrentPosition(
      ({ coords }) => {
        clearTimeout(timer)
        resolve([coords.longitude, coords.latitude])
      },
      (error) => fail(error.code, error.message || 'no position', error),
      // A position from the last ten minutes is good enough for a region.
      { timeout: GEOLOCATION_TIMEOUT_MS, maximumAge: 600_000 },
    )
  })
}
