import type * as z from 'zod/mini'
import { parseResponse } from './parseResponse'
import { SessionError } from './SessionError'

export interface RequestSettings {
  baseUrl: string
  fetch: typeof fetch
  headers: Record<string, string>
  timeoutMs: number
}

/** The global fetch, looked up per call (a test or an instrumentation may replace it later); one identity for every client. */
const globalFetch: typeof fetch = (input, init) => globalThis.fetch(input, init)
const NO_HEADERS: Record<string, string> = Object.freeze({})

/** The settings of a client's options: the defaults every client of this package shares. */
export const toRequestSettings = (options: Partial<RequestSettings>): RequestSettings => ({
  baseUrl: (options.baseUrl ?? '').replace(/\/+$/, ''),
  fetch: options.fetch ?? globalFetch,
  headers: options.headers ?? NO_HEADERS,
  timeoutMs: options.timeoutMs ?? 15_000,
})

/** Whether two clients send requests alike: same origin, fetch, headers and timeout. */
export const sameSettings = (a: RequestSettings | undefined, b: RequestSettings | undefined): boolean =>
  a === b || (!!a && !!b && a.baseUrl === b.baseUrl && a.fetch === b.fetch && a.timeoutMs === b.timeoutMs && JSON.stringify(a.headers) === JSON.stringify(b.headers))

export interface RequestOptions {
  /** Cancels the request (react-query passes one); a cancelled request rejects with the abort reason. */
  signal?: AbortSignal
}

/** What `requestJson` takes beside the caller's options. */
interface RequestDetails extends RequestOptions {
  body?: string
  source?: string
  /** Sees a successful answer before its body is read (its headers, e.g. `Cache-Control`). */
  onAnswer?: (response: Response) => void
}

/**
 * One Session Manager request: cookies included, a timeout, and every failure mapped
 * to a `SessionError` (network, http, invalid-response). Caller cancellations pass through.
 */
export async function requestJson<T>(
  settings: RequestSettings,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  schema: z.ZodMiniType<T>,
  what: string,
  options: RequestDetails = {},
): Promise<T> {
  // Messages end up in logs: a token in the path (`/api/segments/{token}`) is left out of them.
  const request = `${method} ${path.replace(/[\w+=%.-]{24,}/g, '…')}`
  const timeout = AbortSignal.timeout(settings.timeoutMs)
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout
  /** A timeout is a network failure; a caller's cancellation is theirs to see as it is. */
  const failure = (cause: unknown, kind: 'network' | 'invalid-response', message: string) =>
    options.signal?.aborted
      ? options.signal.reason
      : new SessionError(kind, timeout.aborted ? `${request} timed out after ${settings.timeoutMs} ms` : message, { cause })
  let response: Response
  try {
    response = await settings.fetch(settings.baseUrl + path, {
      method,
      credentials: 'include',
      headers: {
        accept: 'application/json',
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...settings.headers,
      },
      body: options.body,
      signal,
    })
  } catch (cause) {
    throw failure(cause, 'network', `${request} failed: ${cause instanceof Error ? cause.message : String(cause)}`)
  }
  if (!response.ok) {
    throw new SessionError('http', `${request} answered ${response.status} ${response.statusText}`.trim(), {
      status: response.status,
    })
  }
  options.onAnswer?.(response)
  let data: unknown
  try {
    data = await response.json()
  } catch (cause) {
    throw failure(cause, 'invalid-response', `${request} did not answer with JSON`)
  }
  return parseResponse(schema, data, what, options.source)
}
