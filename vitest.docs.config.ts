import { defineConfig } from 'vitest/config'

// The documents' snippets and generated figures (test/docs): they check the built package, so
// they run after `npm run build`.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/docs/**/*.test.ts'],
    testTimeout: 120_000,
    // Verbose, so that skipped (partial) snippets are listed by name.
    reporters: ['verbose', './test/summaryReporter.ts'],
  },
})
