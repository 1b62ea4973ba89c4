// Framework-free: one session runtime per QueryClient and Session Manager origin. No React here.
export { findRuntime, runtimeFor } from './runtimeFor'
export type { SessionRuntime, SessionRuntimeOptions } from './createSessionRuntime'
export { sessionKeys, sessionKeysFor } from './sessionKeys'
export type { SessionKeys } from './sessionKeys'
