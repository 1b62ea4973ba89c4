import { cleanup } from '@testing-library/react'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { clearTestQueryClients, mock, server } from './harness'

// Any request no handler answers is a test bug: tests talk only to the emulator.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  cleanup()
  clearTestQueryClients()
  server.resetHandlers()
  mock.reset()
})
afterAll(() => server.close())
