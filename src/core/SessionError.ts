/** What went wrong, so callers can react without parsing messages. */
export type SessionErrorKind =
  /** The request never got an answer: offline, DNS, CORS, aborted by the timeout. */
  | 'network'
  /** The Session Manager answered with a 4xx or 5xx status (see `status`). */
  | 'http'
  /** The answer was not JSON, or JSON that does not match the Session Manager's schema. */
  | 'invalid-response'
  /** The caller's input was rejected before any request was made. */
  | 'invalid-input'

export interface SessionErrorOptions {
  status?: number
  cause?: unknown
}

/**
 * Marks every SessionError, whichever copy of the class made it: each build entry (`.`, `/server`,
 * `/testing`, ESM or CJS, two installs of the package) bundles its own copy, and `instanceof`
 * must hold across all of them. `Symbol.for` is one symbol per JavaScript realm.
 */
const BRAND = Symbol.for('vtex-session-react/SessionError')

/** The one error type every function and hook of this library rejects or fails with. */
export class SessionError extends Error {
  /** True for a SessionError from any entry or module system of this package. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true
  }

  /** The brand, on the prototype: every instance carries it, whichever copy made it. */
  get [BRAND](): true {
    return true
  }

  override readonly name = 'SessionError'
  readonly kind: SessionErrorKind
  /** HTTP status, for kind `http`. */
  readonly status?: number

  constructor(kind: SessionErrorKind, message: string, options: SessionErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.kind = kind
    if (options.status !== undefined) this.status = options.status
  }
}

export const isSessionError = (value: unknown): value is SessionError => value instanceof SessionError
