// Entry `vtex-session-react` under the `react-server` condition (React Server Components): the
// framework-free part only, with no 'use client', so a server component gets real functions, not
// client references. Hooks and the provider are not here: a server component cannot use them.
export * from './core/index'
export { sessionKeys, sessionKeysFor } from './runtime/sessionKeys'
export type { SessionKeys } from './runtime/sessionKeys'
