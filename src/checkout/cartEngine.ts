import type { Query, QueryCacheNotifyEvent, QueryClient } from '@tanstack/react-query'
import { SessionError } from '../core/SessionError'
import { checkCartItem, checkIndex, checkQuantity } from './cartInput'
import { lineKeyOf, lineKeysOf, linesChangedBy, type CartChange } from './cartOverlay'
import { initialCartState, paintedCart, reduceCart, unconfirmedChanges, type CartEvent, type CartState, type PendingChange } from './cartState'
import { checkoutKeysFor } from './checkoutKeys'
import type { CheckoutClient } from './createCheckoutClient'
import type { OrderForm } from './orderFormSchema'
import type { ShippingTarget } from './shippingTarget'

export interface CartEngine {
  /** The orderForm query entry it owns: it is the only one that writes it. */
  readonly queryKey: readonly unknown[]
  /** The client its reads and `<CartSync>`'s writes go through (the one it was made with); a hook's change may name its own (`via`). */
  readonly client: CheckoutClient
  /** The orderForm query's read: lands only if no newer cart was confirmed since it started; answers with what the cache shows. */
  read(signal?: AbortSignal): Promise<OrderForm>
  state(): CartState
  /** The lines a change not yet confirmed touches (`lineKeyOf`): one Set per state. */
  changingLines(): ReadonlySet<string>
  /** Adds to the line of that SKU, or a line; resolves with the Checkout's answer. `via`: the client of the hook that asked. */
  addItem(id: string, quantity: number, via?: CheckoutClient): Promise<OrderForm>
  /** Sets the quantity of the line shown at `index` (0 removes it). */
  setQuantity(index: number, quantity: number, via?: CheckoutClient): Promise<OrderForm>
  /** Writes the shipping data for a target (`<CartSync>`), from the cart as it is when the write leaves. */
  setShippingTarget(target: ShippingTarget): Promise<OrderForm>
  /** Called after every transition; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
}

const asSessionError = (error: unknown): SessionError =>
  error instanceof SessionError ? error : new SessionError('network', String(error), { cause: error })

/** The Checkout request a change makes, built from the cart as the Checkout holds it when the change leaves. */
function request(client: CheckoutClient, change: CartChange, cart: OrderForm): Promise<OrderForm> {
  if (change.type === 'add') return client.addItems(cart.orderFormId, [change.item])
  if (change.type === 'shipping') return client.setShippingTarget(cart, change.target)
  // The line may have moved since (a line before it removed): its place now.
  const index = change.line === undefined ? change.index : lineKeysOf(cart.items).indexOf(change.line)
  if (index < 0) return Promise.reject(new SessionError('invalid-input', 'The line is no longer in the cart'))
  return client.setQuantity(cart.orderFormId, index, change.quantity)
}

/**
 * The one engine of a cart (an orderForm query entry) on a QueryClient (see `cartEngineFor`). The
 * rule it keeps: the cache shows the latest confirmed cart with every change not yet confirmed
 * painted over it. Every change goes out in the order it was made, one request at a time, so each
 * answer holds every change before it; a read that started before the latest confirmation never
 * lands over it. Events are ordered by a counter of this page (no clock); `reduceCart` is the one
 * place the state changes, and `paint` the only writer of the cache entry.
 */
export function createCartEngine(queryClient: QueryClient, client: CheckoutClient, orderFormId?: string): CartEngine {
  const queryKey = checkoutKeysFor(client.baseUrl).orderForm(orderFormId)
  const hash = JSON.stringify(queryKey)
  const cache = queryClient.getQueryCache()
  let order = 0
  const tick = () => ++order
  // Whatever was cached before the engine existed is older than everything it does.
  let state = initialCartState(cache.find<OrderForm>({ queryKey, exact: true })?.state.data)
  let painted = state.confirmed.data
  let painting = false
  let changing: { of: CartState; lines: ReadonlySet<string> } | undefined
  /** The read in flight, which a change made before the cart loaded joins instead of reading it twice. */
  let reading: Promise<OrderForm> | null = null
  const listeners = new Set<() => void>()

  /** The one place the state changes; then the cache is painted, the effects run and listeners hear. */
  function dispatch(event: CartEvent): void {
    const { state: next, effects } = reduceCart(state, event)
    if (next === state) return
    state = next
    paint()
    effects.forEach(({ pending }) => void deliver(pending))
    listeners.forEach((listener) => listener())
  }

  function paint(): void {
    const shown = paintedCart(state)
    if (shown === undefined || shown === painted) return
    painting = true
    try {
      painted = queryClient.setQueryData<OrderForm>(queryKey, shown)
    } finally {
      painting = false
    }
  }

  // Whatever else writes the entry (the app's setQueryData, a hydration) is server state as of now.
  cache.subscribe((event: QueryCacheNotifyEvent) => {
    if (painting || event.query.queryHash !== hash) return
    if (event.type === 'removed') return dispatch({ type: 'forgotten' })
    const action = event.type === 'updated' ? event.action : undefined
    if (event.type !== 'added' && action?.type !== 'success' && action?.type !== 'setState') return
    const { data } = (event.query as Query<OrderForm>).state
    if (data === undefined || data === painted) return
    // A fetch of ours answers what was painted: one that lands an older paint is painted over.
    // Anyone else's (a streamed hydration, the app's fetchQuery) is a read as of now.
    if (action?.type === 'success' && !action.manual && isOwnAnswer(data)) {
      painted = undefined
      return paint()
    }
    dispatch({ type: 'read', seq: tick(), orderForm: data })
  })

  /** What this engine's last read answered React Query (compared by value: React Query may share parts of it with the old data). */
  let lastAnswer: string | undefined
  const isOwnAnswer = (data: OrderForm) => lastAnswer !== undefined && JSON.stringify(data) === lastAnswer

  async function readOnce(signal?: AbortSignal): Promise<OrderForm> {
    const seq = tick()
    const orderForm = await client.getOrderForm({ orderFormId: orderFormId ?? state.confirmed.data?.orderFormId, signal })
    dispatch({ type: 'read', seq, orderForm })
    const answer = paintedCart(state) ?? orderForm
    lastAnswer = JSON.stringify(answer)
    return answer
  }

  function read(signal?: AbortSignal): Promise<OrderForm> {
    const answer = readOnce(signal)
    reading = answer
    const done = () => void (reading === answer && (reading = null))
    answer.then(done, done)
    return answer
  }

  /**
   * The cart a change made before it loaded waits for: the read in flight (one React Query
   * cancelled is followed by one of its own, once), else its own, never paused offline.
   */
  async function loadedCart(): Promise<OrderForm> {
    const joined = reading
    await (joined ?? read()).catch((error: unknown) => {
      if (!joined || error instanceof SessionError) throw error
      return read()
    })
    // Overtaken by a confirmation the cache has since dropped: nothing to send it to.
    if (!state.confirmed.data) throw new SessionError('network', 'The cart changed while it was being read: try again')
    return state.confirmed.data
  }

  /** Sends the change in flight; its caller is answered once the cache shows the outcome. */
  async function deliver(pending: PendingChange): Promise<void> {
    let outcome: { orderForm: OrderForm } | { error: SessionError }
    try {
      outcome = { orderForm: await request(pending.via ?? client, pending.change, state.confirmed.data ?? (await loadedCart())) }
    } catch (error) {
      outcome = { error: asSessionError(error) }
    }
    try {
      dispatch({ type: 'settled', seq: tick(), orderForm: 'orderForm' in outcome ? outcome.orderForm : undefined })
    } finally {
      // Answered whatever a listener did meanwhile: no change hangs.
      if ('orderForm' in outcome) pending.resolve(outcome.orderForm)
      else pending.reject(outcome.error)
    }
  }

  const change = (made: CartChange, via?: CheckoutClient) => new Promise<OrderForm>((resolve, reject) => dispatch({ type: 'change', pending: { change: made, via, resolve, reject } }))

  return {
    queryKey,
    client,
    read,
    state: () => state,
    changingLines() {
      if (changing?.of !== state) changing = { of: state, lines: linesChangedBy(unconfirmedChanges(state)) }
      return changing.lines
    },
    // Input is checked before a change joins the queue (and rejected with): bad input is never painted or sent.
    async addItem(id, quantity, via) {
      const item = checkCartItem({ id, quantity })
      const shown = paintedCart(state)
      const line = shown?.items.find((candidate) => lineKeyOf(candidate) === lineKeyOf(item))
      return change({ type: 'add', item, shows: shown && (line?.quantity ?? 0) + item.quantity }, via)
    },
    async setQuantity(index, quantity, via) {
      checkIndex(index)
      checkQuantity(quantity)
      const shown = paintedCart(state)
      const line = shown?.items[index]
      if (shown && !line) throw new SessionError('invalid-input', `No line at index ${index} of the cart`)
      return change({ type: 'quantity', index, line: line && lineKeysOf(shown.items)[index], quantity }, via)
    },
    setShippingTarget: (target) => change({ type: 'shipping', target }),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
