import { fileURLToPath } from 'node:url'
import { reactRouter } from '@react-router/dev/vite'
import { defineConfig } from 'vite'

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url))

// Inside the library's repository the package resolves to its build (`npm run build`), as it
// would from node_modules; the storefront components are the Storybook demos' own.
export default defineConfig({
  plugins: [reactRouter()],
  resolve: {
    alias: [
      { find: /^vtex-session-react\/server$/, replacement: fromHere('../../dist/server/index.js') },
      { find: /^vtex-session-react\/checkout$/, replacement: fromHere('../../dist/checkout/index.js') },
      { find: /^vtex-session-react\/search$/, replacement: fromHere('../../dist/search/index.js') },
      { find: /^vtex-session-react$/, replacement: fromHere('../../dist/index.js') },
    ],
  },
})
