// Budgets (DESIGN.md): typical import 6,144 B of our own code (11,264 B with zod/mini), whole
// client entry 8,192 B. Not met yet: the limits below hold the measured sizes plus ~0.5%, so
// nothing grows while the budget is decided (CONTRIBUTING.md, "Bundle budgets"). UTM capture is
// out of the typical import; what is left there is the session runtime, tab sync and locate().
// Grown since on purpose, gates moved to the new sizes plus ~0.5%: the provider's `region` prop
// (+25 B typical); the region policy, gate and <RegionGate> (+1.8 kB whole entry, tree-shaken
// from the typical import); savedAddressesFrom (+82 B checkout); the search hooks' gate (+30 B);
// usePlaceAddress with the Checkout postal-code call, its schema and the shared retry rule (+589 B checkout);
// shared pages: the provider's `sharedPages` prop, the page segment it holds and the segment query's
// stand-in call (+56 B typical; the stand-in code ships only with `sharedPages`), and useLocale,
// the region gate and the search context reading it (+295 B whole entry); a tab message lands as
// the schemas parsed it, never as it came (+22 B typical); the search hooks and the shared retry
// rule use the provider's QueryClient, given with no QueryClientProvider around (+73 B search);
// a provider with dependentQueries reads the segment, so they re-price with no other reader (+14 B typical);
// searchPathOf (path facets by endpoint) and the search hooks keeping the answer that stood in when a
// re-price fails, beside loadError (+148 B search; this gate moved by exactly that, no slack);
// each write's own outcome (a refused merged PATCH split into its writes), a failure that may have
// been applied marking the session stale, the per-origin write key, tabs kept in sync while the
// cache holds the session, segment-less tab messages read again, and hooks moved off a removed
// entry (+317 B typical, +304 B whole entry; these gates moved by exactly that, no slack); then the
// reviews' fixes to them: a split that sends again only values not written over, the stale mark kept
// behind queued writes and its read shared, tabs with no provider asking nothing, syncTabs={false}
// releasing the channel, initialSession for the first load only, a throwing cache listener unable
// to stop the queue, a re-read tried twice, writes carrying the runtime they were asked on
// (+293 B typical, +365 B whole entry, +13 B checkout; moved by exactly that, no slack);
// the cart engine — every cart change in order, one request at a time, changes on their way painted
// over the confirmed cart, reads that cannot land over a newer cart, pending lines (+1,629 B checkout,
// nothing in the core hooks or the whole client entry);
// the runtime keeps the session as the page found it until the shopper's first change, so the region
// gate names a place picked during the first read `shopper`, not `session` (+32 B typical, +5 B with
// zod/mini, +72 B whole entry; raised to the measured sizes); the region gate's `failed` state, its
// `loadError` and `retry()`, and <RegionGate loadError> (+150 B whole entry, none in the typical import);
// merged with the runtime changes above: +46 B typical, +43 B with zod/mini, +237 B whole entry; the cart's
// review fixes (a refusal kept as the hook's error, split lines keyed apart, foreign fetches landing as reads,
// a hook's own client, changes run with the render they were made in) +255 B checkout; the gate's
// review fixes (the session as found kept when a write of another field comes before the first read,
// retry() joining a read in flight and putting the query's options back, the error kept on screen
// while React Query reads again) +101 B typical, +109 B with zod/mini, +211 B whole entry;
// bindingFor and bindingUrl, the binding of a request URL and the same page in another binding
// (+609 B whole entry, none in the typical import); previewSegment (+92 B whole entry); a refused
// sales channel said in the shopper's terms, through the write hooks' `explain` (+25 B typical,
// +20 B with zod/mini, +127 B whole entry). Each gate holds the measured size, no slack.
// Peers (react, react-dom, react-query) never count: the app has them.
const peers = ['react', 'react-dom', '@tanstack/react-query']
const coreHooks = '{ SessionProvider, useSession, useSegment, usePublicField, useRegion }'

module.exports = [
  {
    name: 'core hooks, validation (zod/mini) included',
    path: 'dist/index.js',
    import: coreHooks,
    ignore: peers,
    limit: '12672 B',
    gzip: true,
  },
  {
    name: 'core hooks, our own code only',
    path: 'dist/index.js',
    import: coreHooks,
    ignore: [...peers, 'zod'],
    limit: '7742 B',
    gzip: true,
  },
  {
    name: 'whole client entry, our own code only',
    path: 'dist/index.js',
    import: '*',
    ignore: [...peers, 'zod'],
    limit: '12955 B',
    gzip: true,
  },
  {
    // Outside the core budget: the cart and delivery promise hooks and the Checkout
    // client, with the core parts they share (requests, errors), which a storefront has already.
    name: 'checkout entry, beside the core hooks',
    path: 'dist/checkout/index.js',
    import: '*',
    ignore: [...peers, 'zod', 'vtex-session-react'],
    limit: '8558 B',
    gzip: true,
  },
  {
    // Outside the core budget too: Intelligent Search v1, its schemas and hooks, with the core
    // parts they share (requests, errors, the facets codec). Measured plus ~0.5%, like the others.
    name: 'search entry, beside the core hooks',
    path: 'dist/search/index.js',
    import: '*',
    ignore: [...peers, 'zod', 'vtex-session-react'],
    limit: '4689 B',
    gzip: true,
  },
]
