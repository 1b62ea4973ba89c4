import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  // The checkout hooks import the package's main entry by name, as the published build does:
  // here it is the source, the same module the tests import.
  resolve: {
    alias: [
      { find: /^vtex-session-react\/checkout$/, replacement: here('./src/checkout/index.ts') },
      { find: /^vtex-session-react\/search$/, replacement: here('./src/search/index.ts') },
      { find: /^vtex-session-react$/, replacement: here('./src/index.ts') },
    ],
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    // Real servers and chromium run under vitest.e2e.config.ts, real third-party clients under
    // vitest.compat.config.ts: both without msw in the process. The built package's checks
    // (test/package, test/docs) have their own configs: they need the build.
    exclude: ['test/e2e/**', 'test/compat/**', 'test/package/**', 'test/docs/**', 'node_modules/**'],
    setupFiles: ['test/setup.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.{ts,tsx}'], tsconfig: './tsconfig.json' },
    restoreMocks: true,
    reporters: ['default', './test/summaryReporter.ts'],
  },
})
