import { http, HttpResponse, type HttpHandler } from 'msw'
import { createEmulator, type EmulatorOptions, type SessionManagerEmulator } from './emulatorCore'

export type { Latency, RecordedRequest } from './emulatorCore'

export interface SessionManagerMockOptions extends EmulatorOptions {
  /** Origin the handlers answer on; `''` (default) is the page's own origin. */
  baseUrl?: string
}

export interface SessionManagerMock extends SessionManagerEmulator {
  /** msw handlers: `setupServer(...mock.handlers)` or `setupWorker(...mock.handlers)`. */
  handlers: HttpHandler[]
}

/**
 * The VTEX Session Manager (and the Checkout calls session flows make) as msw handlers over the
 * one emulator (`createEmulator`: the pure model, recorded requests, latency and faults); this
 * adapter only hands msw's requests to it and its answers back as msw responses.
 */
export function createSessionManagerMock(options: SessionManagerMockOptions = {}): SessionManagerMock {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '')
  const basePath = new URL(baseUrl || '/', 'http://localhost').pathname.replace(/\/$/, '')
  const { controls } = createEmulator(options, { basePath, ResponseType: HttpResponse })
  // msw hands the cookies it keeps for the page (its own store, as a browser would) to the resolver.
  const handlers = [http.all(`${baseUrl}/api/*`, ({ request, cookies }) => controls.respond(request, cookies))]
  return Object.assign(controls, { handlers })
}
