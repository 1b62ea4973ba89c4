import { defineConfig, type Options } from 'tsup'

const shared: Options = {
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  target: 'es2022',
  // treeshake: true would drop the 'use client' banner; consumers' bundlers tree-shake anyway.
  treeshake: false,
  // The checkout entry reaches the provider through the package's own main entry, never a copy.
  external: ['react', 'react-dom', '@tanstack/react-query', 'zod', 'msw', 'vtex-session-react'],
}

export default defineConfig([
  // The client entry holds hooks: React Server Components need the 'use client' directive on it.
  { ...shared, entry: { index: 'src/index.ts' }, banner: { js: "'use client';" }, clean: true },
  // Its own build (no chunks shared with the main entry, which would cost the main entry bytes):
  // the checkout hooks reach the provider through 'vtex-session-react' by name (external).
  { ...shared, entry: { 'checkout/index': 'src/checkout/index.ts' }, banner: { js: "'use client';" } },
  // The same for the search hooks.
  { ...shared, entry: { 'search/index': 'src/search/index.ts' }, banner: { js: "'use client';" } },
  // Server helpers and the emulator are not client code: no banner.
  {
    ...shared,
    entry: {
      // The main entry's framework-free part, for the `react-server` condition: no 'use client'.
      'index.react-server': 'src/index.react-server.ts',
      'server/index': 'src/server/index.ts',
      'checkout/index.react-server': 'src/checkout/index.react-server.ts',
      'search/index.react-server': 'src/search/index.react-server.ts',
      'testing/index': 'src/testing/index.ts',
      'testing/node': 'src/testing/node.ts',
    },
  },
  // The standalone emulator (`npx vtex-session-emulator`): an executable, ESM only.
  { ...shared, format: ['esm'], dts: false, entry: { 'testing/cli': 'src/testing/cli.ts' }, banner: { js: '#!/usr/bin/env node' } },
])
