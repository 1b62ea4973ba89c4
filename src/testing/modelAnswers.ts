import type { ModelResponse } from './modelProtocol'

/** A JSON answer that sets no cookie. */
export const json = (body: unknown, status = 200): ModelResponse => ({ status, body, setCookie: [] })

/** A refusal as VTEX's APIs word it: `{ error: { message } }`. */
export const refusal = (status: number, message: string): ModelResponse => json({ error: { message } }, status)
