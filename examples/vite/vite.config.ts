import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url))

// The README's Quick start config, with two differences: the emulator's origin comes from
// `EMULATOR_URL` (start.mjs starts one on a free port), and, inside the library's repository, the
// package resolves to its build (`npm run build`) as it would from node_modules. index.html is the
// Quick start; storefront.html the styled storefront every example shares.
export default defineConfig({
  root: fromHere('.'),
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^vtex-session-react\/search$/, replacement: fromHere('../../dist/search/index.js') },
      { find: /^vtex-session-react\/checkout$/, replacement: fromHere('../../dist/checkout/index.js') },
      { find: /^vtex-session-react$/, replacement: fromHere('../../dist/index.js') },
    ],
  },
  server: {
    proxy: { '/api': process.env.EMULATOR_URL ?? 'http://127.0.0.1:4000' },
  },
})
