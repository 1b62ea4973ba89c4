import { index, route, type RouteConfig } from '@react-router/dev/routes'

export default [
  index('routes/storefront.tsx'),
  // The browser's session, cart and search requests, forwarded to the Session Manager.
  route('api/*', 'routes/vtexApi.ts'),
] satisfies RouteConfig
