import type { CartEngine } from './cartEngine'

/**
 * The orderForm query of a cart: every read goes through its engine, so an answer older than the
 * latest confirmed cart never lands over it, and changes in flight stay painted.
 */
export const orderFormQuery = (engine: CartEngine) => ({
  queryKey: engine.queryKey,
  queryFn: ({ signal }: { signal: AbortSignal }) => engine.read(signal),
  staleTime: 5 * 60_000,
})
