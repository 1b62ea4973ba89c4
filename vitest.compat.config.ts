import { defineConfig } from 'vitest/config'

// Real third-party clients (@faststore/api, @vtex/api) against the emulator over HTTP on 127.0.0.1.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/compat/**/*.test.ts'],
    testTimeout: 30_000,
    // Loading @vtex/api (a large CommonJS tree) in a hook takes seconds on a busy machine; bounded all the same.
    hookTimeout: 60_000,
    reporters: ['default', './test/summaryReporter.ts'],
  },
})
