import type * as z from 'zod/mini'
import { parseResponse } from './parseResponse'
import { SessionError } from './SessionError'

export interface RequestSettings {
  baseUrl: string
  fetch: typeof fetch
  headers: Record<string, string>
  timeoutMs: number
}

export interface RequestOptions {
  /** Cancels the request (react-query passes one); a cancelled request rejects with the abort reason. */
  signal?: AbortSignal
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
  options: RequestOptions & { body?: string } = {},
): Promise<T> {
  const controller = new AbortController()
  const timer = setTimeout(
    () => controller.abort(new SessionError('network', `${method} ${path} timed out after ${settings.timeoutMs} ms`)),
    settings.timeoutMs,
  )
  const cancel = () => controller.abort(options.signal?.reason)
  options.signal?.addEventListener('abort', cancel, { once: true })
  if (options.signal?.aborted) cancel()
  try {
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
        signal: controller.signal,
      })
    } catch (cause) {
      if (controller.signal.aborted) throw controller.signal.reason
      throw new SessionError('network', `${method} ${path} failed: ${describeCause(cause)}`, { cause })
    }
    if (!response.ok) {
      throw new SessionError('http', `${method} ${path} answered ${response.status} ${response.statusText}`.trim(), {
        status: response.status,
      })
    }
    let data: unknown
    try {
      data = await response.json()
    } catch (cause) {
      if (controller.signal.aborted) throw controller.signal.reason
      throw new SessionError('invalid-response', `${method} ${path} did not answer with JSON`, { cause })
    }
    return parseResponse(schema, data, what)
  } finally {
    clearTimeout(timer)
    options.signal?.removeEventListener('abort', cancel)
  }
}

const describeCause = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause))
