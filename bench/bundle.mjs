// Bundle size of each entry point as an app would ship it: esbuild, minified, peers excluded.
import { brotliCompressSync, gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { saveResults } from './results.mjs'

const PEERS = ['react', 'react-dom', 'react/jsx-runtime', '@tanstack/react-query', 'msw', 'msw/*']
const CORE_HOOKS = '{ SessionProvider, useSession, useSegment, usePublicField, useRegion }'

const cases = [
  { name: 'core hooks (SessionProvider, useSession, useSegment, usePublicField, useRegion), with zod/mini', code: `export ${CORE_HOOKS} from './dist/index.js'`, external: PEERS },
  { name: 'core hooks, our own code only', code: `export ${CORE_HOOKS} from './dist/index.js'`, external: [...PEERS, 'zod', 'zod/*'] },
  { name: 'entry `vtex-session-react` (all of it), with zod/mini', code: `export * from './dist/index.js'`, external: PEERS },
  { name: 'entry `vtex-session-react` (all of it), our own code only', code: `export * from './dist/index.js'`, external: [...PEERS, 'zod', 'zod/*'] },
  // What an app adds on top of the main entry: the main entry itself is external (the subpath imports it by name).
  { name: 'entry `vtex-session-react/checkout` beside the main entry, our own code only', code: `export * from './dist/checkout/index.js'`, external: [...PEERS, 'zod', 'zod/*', 'vtex-session-react'] },
  { name: 'entry `vtex-session-react/search` beside the main entry, our own code only', code: `export * from './dist/search/index.js'`, external: [...PEERS, 'zod', 'zod/*', 'vtex-session-react'] },
  { name: 'entry `vtex-session-react/testing` (msw excluded)', code: `export * from './dist/testing/index.js'`, external: PEERS },
  { name: 'reference: `@faststore/sdk` 4.8.0 (all of it, with its dependencies)', code: `export * from '@faststore/sdk'`, external: PEERS },
]

const results = []
for (const { name, code, external } of cases) {
  const output = await build({
    stdin: { contents: code, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external,
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  })
  const bytes = output.outputFiles[0].contents
  results.push({ name, minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length })
}
saveResults('bundle', results)
console.log(`bundle: measured ${results.length} bundles`)
