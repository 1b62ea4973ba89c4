import { cookiePairs } from '../core/cookiePairs'
import type { Session } from '../core/types'
import type { ShopperProfile } from './commerce'
import { createFaultQueue, type Fault, type FaultTarget } from './faults'
import type { EmulatorRoute, EmulatorRouteContext, ModelResponse, WireAnswer } from './modelProtocol'
import { createSessionManagerModel, type SessionManagerModelOptions } from './sessionManagerModel'

/** Milliseconds to wait before answering: fixed, or chosen per request. */
export type Latency = number | ((request: { method: string; path: string }) => number)

export interface EmulatorOptions extends SessionManagerModelOptions {
  latency?: Latency
  /** Endpoints beside the Session Manager's, e.g. `demoPricesRoute` (recorded, delayed and faulted like the rest). */
  routes?: readonly EmulatorRoute[]
}

/** A request the emulator received, for assertions. */
export interface RecordedRequest {
  method: string
  /** Path and query string, e.g. `/api/sessions?items=*`. */
  path: string
  /** Parsed JSON body, if any. */
  body: unknown
}

/** A request as a transport hands it over. */
export interface WireRequest {
  method: string
  url: URL
  cookies: Readonly<Record<string, string>>
  /** The raw body; undefined for GET and HEAD. */
  bodyText?: string
}

/** What a test controls on any emulator, whatever carries its requests (msw, node HTTP). */
export interface SessionManagerEmulator {
  /** The same emulator as a fetch handler (for a node server, a proxy): undefined for a path it does not serve. */
  respond(request: Request, cookies?: Record<string, string>): Promise<Response | undefined>
  /** Every request so far, oldest first. */
  readonly requests: readonly RecordedRequest[]
  /** Forget sessions, faults and recorded requests; stale cookies then start new sessions. */
  reset(): void
  /** Answer the next matching request(s) with a fault. */
  fail(fault: Fault, target?: FaultTarget): void
  /** Drop the faults not yet used. */
  clearFaults(): void
  setLatency(latency: Latency): void
  /** The session a `vtex_session` token names, as `GET ?items=*` would answer. */
  getSession(sessionToken: string): Session | undefined
  /**
   * Logs the session with this id in as a shopper: `profile` then carries their email and
   * B2B price tables, and the segment their price tables. False when there is no such session.
   */
  logIn(sessionId: string, profile: ShopperProfile): boolean
  logOut(sessionId: string): boolean
}

/** The Response class a transport needs (msw's `HttpResponse` keeps the cookies it sets). */
type ResponseClass = { new (body: string, init: ResponseInit): Response; error(): Response }

/**
 * The one emulator behind every transport: the pure model plus what a test controls (recorded
 * requests, latency, faults) and the extra `routes`. Transports only translate `answer`'s result.
 */
export function createEmulator(options: EmulatorOptions, { basePath = '', ResponseType = Response as ResponseClass } = {}) {
  const model = createSessionManagerModel(options)
  const routeContext: EmulatorRouteContext = { pricesFor: model.pricesFor }
  const faults = createFaultQueue()
  let latency: Latency = options.latency ?? 0
  let requests: RecordedRequest[] = []

  /** Records, waits, then answers with an injected fault or the model's answer (undefined: not ours). */
  async function answer({ method, url, cookies, bodyText }: WireRequest): Promise<WireAnswer | undefined> {
    // A baseUrl may carry a path prefix (a proxy): recorded paths start at /api.
    const pathname = url.pathname.slice(basePath.length)
    if (!pathname.startsWith('/api/')) return undefined
    const path = decodeURIComponent(pathname + url.search)
    requests.push({ method, path, body: parseJson(bodyText) })
    const wait = typeof latency === 'function' ? latency({ method, path }) : latency
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    const fault = faults.take(method, pathname)
    if (fault) return fault
    const route = options.routes?.find((candidate) => candidate.method === method && candidate.path === pathname)
    const modelAnswer = route
      ? model.answerWithSegment(cookies, (segment) => route.answer(segment, url.searchParams, routeContext))
      : model.handle({ method, path: pathname, query: url.searchParams, cookies, bodyText })
    return modelAnswer && toWire(modelAnswer)
  }

  async function respond(request: Request, cookies: Record<string, string> = cookiesOf(request.headers.get('cookie'))): Promise<Response | undefined> {
    const bodyText = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.clone().text()
    const wire = await answer({ method: request.method, url: new URL(request.url), cookies, bodyText })
    if (wire === undefined) return undefined
    if (wire.kind === 'network') return ResponseType.error()
    // Set-Cookie goes in the init: msw reads it only from there, not from headers added later.
    const headers = new Headers({ ...wire.headers, 'content-type': 'application/json' })
    for (const cookie of wire.setCookie) headers.append('Set-Cookie', cookie)
    return new ResponseType(wire.bodyText, { status: wire.status, headers })
  }

  const controls: SessionManagerEmulator = {
    respond,
    get requests() {
      return requests
    },
    reset() {
      model.reset()
      faults.clear()
      requests = []
      latency = options.latency ?? 0
    },
    fail: faults.add,
    clearFaults: faults.clear,
    setLatency(next) {
      latency = next
    },
    getSession: model.getSession,
    logIn: (sessionId, profile) => model.setProfile(sessionId, profile),
    logOut: (sessionId) => model.setProfile(sessionId, undefined),
  }
  return { answer, controls }
}

const toWire = ({ status, body, setCookie, headers }: ModelResponse): WireAnswer => ({ kind: 'reply', status, bodyText: JSON.stringify(body), setCookie, headers })

export const cookiesOf = (header: string | null | undefined): Record<string, string> => Object.fromEntries(cookiePairs(header))

function parseJson(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
