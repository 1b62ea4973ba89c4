import { fileURLToPath } from 'node:url'

const fromHere = (path) => fileURLToPath(new URL(path, import.meta.url))

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The example lives inside the library's repository: it uses the built package (npm run build),
  // and the copyable components of stories/examples, so the bundler may look two levels up.
  turbopack: {
    root: fromHere('../..'),
    resolveAlias: {
      'vtex-session-react/server': fromHere('../../dist/server/index.js'),
      // Client components get the 'use client' build, server components its framework-free part
      // (the package's `react-server` export condition).
      'vtex-session-react': { 'react-server': fromHere('../../dist/index.react-server.js'), default: fromHere('../../dist/index.js') },
    },
  },
  outputFileTracingRoot: fromHere('../..'),
}

export default nextConfig
