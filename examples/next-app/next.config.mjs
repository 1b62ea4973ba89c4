import { fileURLToPath } from 'node:url'
import { sessionManagerOrigin } from '../../dist/server/index.js'

const fromHere = (path) => fileURLToPath(new URL(path, import.meta.url))

// A bad SESSION_MANAGER_URL or VTEX_ACCOUNT stops `next start` (and `next build`) at once, with a
// clear message, rather than sending shopper cookies to another host on the first request.
if (process.env.SESSION_MANAGER_URL || process.env.VTEX_ACCOUNT) sessionManagerOrigin(process.env)

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The example lives inside the library's repository: it uses the built package (npm run build),
  // and the copyable components of stories/examples, so the bundler may look two levels up.
  turbopack: {
    root: fromHere('../..'),
    resolveAlias: {
      'vtex-session-react/server': fromHere('../../dist/server/index.js'),
      'vtex-session-react/checkout': {
        'react-server': fromHere('../../dist/checkout/index.react-server.js'),
        default: fromHere('../../dist/checkout/index.js'),
      },
      'vtex-session-react/search': {
        'react-server': fromHere('../../dist/search/index.react-server.js'),
        default: fromHere('../../dist/search/index.js'),
      },
      // Client components get the 'use client' build, server components its framework-free part
      // (the package's `react-server` export condition).
      'vtex-session-react': { 'react-server': fromHere('../../dist/index.react-server.js'), default: fromHere('../../dist/index.js') },
    },
  },
  outputFileTracingRoot: fromHere('../..'),
}

export default nextConfig
