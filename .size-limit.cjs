// Budgets from DESIGN.md. Peers (react, react-dom, react-query) never count: the app has them.
const peers = ['react', 'react-dom', '@tanstack/react-query']
const coreHooks = '{ SessionProvider, useSession, useSegment, usePublicField, useRegion }'

module.exports = [
  {
    name: 'core hooks, validation (zod/mini) included',
    path: 'dist/index.js',
    import: coreHooks,
    ignore: peers,
    limit: '10 kB',
    gzip: true,
  },
  {
    name: 'core hooks, our own code only',
    path: 'dist/index.js',
    import: coreHooks,
    ignore: [...peers, 'zod'],
    limit: '4.5 kB',
    gzip: true,
  },
  {
    name: 'whole client entry, our own code only',
    path: 'dist/index.js',
    import: '*',
    ignore: [...peers, 'zod'],
    limit: '7 kB',
    gzip: true,
  },
]
