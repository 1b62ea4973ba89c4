import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

// Not part of `npm test`: `npm run bench` measures, it does not assert.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^vtex-session-react\/checkout$/, replacement: here('../src/checkout/index.ts') },
      { find: /^vtex-session-react\/testing$/, replacement: here('../src/testing/index.ts') },
      { find: /^vtex-session-react$/, replacement: here('../src/index.ts') },
    ],
  },
  test: {
    environment: 'jsdom',
    include: ['bench/**/*.bench.test.{ts,tsx}'],
    testTimeout: 120_000,
    fileParallelism: false,
  },
})
