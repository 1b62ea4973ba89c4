import { defineConfig } from 'vitest/config'

// Real servers on 127.0.0.1 and a headless Chromium (Debian's, else the bundled one), no msw in the
// process (npm run build-storybook and build-example first).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/summaryReporter.ts'],
  },
})
