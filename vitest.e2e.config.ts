import { defineConfig } from 'vitest/config'

// Real servers on 127.0.0.1 and Debian's chromium, no msw in the process (npm run build-storybook first).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/summaryReporter.ts'],
  },
})
