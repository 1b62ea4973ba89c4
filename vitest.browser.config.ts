import { defineConfig } from 'vitest/config'

// Drives Debian's chromium against the built Storybook (npm run build-storybook first).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/browser/**/*.browser.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/summaryReporter.ts'],
  },
})
