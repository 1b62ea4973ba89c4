import { SessionError } from './SessionError'

/**
 * Where the device is, as `[longitude, latitude]` (the order VTEX stores). The shopper
 * refusing permission is `invalid-input`; no position (no API, no fix, timeout) is `network`.
 */
export function currentCoordinates(): Promise<[longitude: number, latitude: number]> {
  return new Promise((resolve, reject) => {
    const fail = (code: number, message: string, cause?: unknown) =>
      // Code 1 is PERMISSION_DENIED (the constant is missing from some implementations' errors).
      reject(new SessionError(code === 1 ? 'invalid-input' : 'network', `Geolocation: ${message}`, { cause }))
    const geolocation = globalThis.navigator?.geolocation
    if (!geolocation) return fail(0, 'not available here (it needs a browser and a secure page)')
    geolocation.getCurrentPosition(
      ({ coords }) => resolve([coords.longitude, coords.latitude]),
      (error) => fail(error.code, error.message || 'no position', error),
      // The browser would wait forever; a position from the last ten minutes is good enough for a region.
      { timeout: 15_000, maximumAge: 600_000 },
    )
  })
}
