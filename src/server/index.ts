// Entry `vtex-session-react/server`: server rendering helpers. No 'use client', no hooks.
export { fetchSession } from './fetchSession'
export type { FetchedSession, FetchSessionOptions } from './fetchSession'
export { prefetchSession } from './prefetchSession'
export { forAppOrigin, isSendableHeaderValue, readCookie, readSetCookie, vtexCookiesOnly } from './cookies'
export { sessionKeys } from '../runtime/sessionKeys'
export { createSessionClient, decodeSegmentToken, isSessionError, segmentKeyOf, SessionError } from '../core/index'
export type { Segment, Session, SessionClient, SessionErrorKind } from '../core/index'
