import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    // Real servers and chromium run under vitest.e2e.config.ts, real third-party clients under
    // vitest.compat.config.ts: both without msw in the process.
    exclude: ['test/e2e/**', 'test/compat/**', 'node_modules/**'],
    setupFiles: ['test/setup.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.{ts,tsx}'], tsconfig: './tsconfig.json' },
    restoreMocks: true,
    reporters: ['default', './test/summaryReporter.ts'],
  },
})
