import { createSessionManagerMock } from '../../src/testing/index'

/** The emulator every story talks to; `.storybook/preview.tsx` resets it before each story. */
export const demoSessionManager = createSessionManagerMock({ latency: 250 })

/** Off when `VTEX_ACCOUNT` proxies the demos to a real store. */
export const usesEmulator = !import.meta.env.STORYBOOK_VTEX_ACCOUNT
