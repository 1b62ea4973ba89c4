import { defineConfig } from 'vitest/config'

// The packed tarball installed in a fresh folder (test/package): needs the build and the npm registry.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/package/**/*.test.ts'],
    testTimeout: 60_000,
    reporters: ['default', './test/summaryReporter.ts'],
  },
})
