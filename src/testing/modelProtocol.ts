import type { Segment } from '../core/types'
import type { CatalogPrice } from './catalog'

/**
 * What the emulator's pure model takes and gives, shared by the model's parts (Session Manager,
 * Checkout, extra routes) and its adapters (msw, node HTTP). Types only, so that every part can
 * import it without importing another part.
 */

/** A request as the model sees it: no transport, no msw. */
export interface ModelRequest {
  method: string
  /** From `/api/…`, without the query string. */
  path: string
  query: URLSearchParams
  cookies: Readonly<Record<string, string>>
  /** The raw body (POST/PATCH), if any. */
  bodyText?: string
}

/** The answer: a JSON body, a status and the cookies to set (`vtex_session` first). */
export interface ModelResponse {
  status: number
  body: unknown
  setCookie: string[]
  /** Other headers of the answer (lower-case names), e.g. a search answer's `cache-control`. */
  headers?: Readonly<Record<string, string>>
}

/** What the emulator lends an extra route. */
export interface EmulatorRouteContext {
  /**
   * The emulator's catalog (the `catalog` option, else the demo one) priced for a segment as its
   * cart prices it (money in currency units here), available as the segment's delivery promise allows.
   */
  pricesFor(segment: Segment): CatalogPrice[]
}

/** An endpoint served beside the Session Manager's, answered from the shopper's segment. */
export interface EmulatorRoute {
  method: string
  /** From `/api/…`, e.g. `/api/demo/prices`. */
  path: string
  /** The JSON body to answer with, for the segment of the session the request's cookie names (and the query string). */
  answer(segment: Segment, query: URLSearchParams, emulator: EmulatorRouteContext): unknown
}

/**
 * What goes on the wire, after faults: a JSON reply (its text, as a fault may break it) or a
 * dropped connection. Each transport (msw, node HTTP) writes it its own way.
 */
export type WireAnswer = { kind: 'reply'; status: number; bodyText: string; setCookie: string[]; headers?: Readonly<Record<string, string>> } | { kind: 'network' }
