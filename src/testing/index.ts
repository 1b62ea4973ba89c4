// Entry `vtex-session-react/testing`: the Session Manager emulator for tests and stories.
export { createSessionManagerMock } from './createSessionManagerMock'
export type { Latency, RecordedRequest, SessionManagerMock, SessionManagerMockOptions } from './createSessionManagerMock'
export type { Fault, FaultTarget } from './faults'
export { defaultRegions } from './regions'
export type { RegionRule } from './regions'
export { defaultStoreSettings } from './sessionStore'
export type { StoreSettings } from './sessionStore'
