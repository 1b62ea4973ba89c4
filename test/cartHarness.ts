import { http } from 'msw'
import type { OrderForm } from '../src/checkout/index'
import { mock, server } from './harness'

/** A Checkout call made the way a shopper's browser makes it: the cart cookies go along. */
export const api = (method: string, path: string, body?: unknown) =>
  fetch(`http://localhost:3000${path}`, { method, credentials: 'include', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) }).then(
    (response) => response.json() as Promise<OrderForm & { id: string }>,
  )

/** A cart the shopper filled earlier (its cookie is in the jar), with no shipping data yet. */
export async function seedCart(items: Array<[id: string, quantity: number]>) {
  const { orderFormId } = await api('GET', '/api/checkout/pub/orderForm')
  await api('POST', `/api/checkout/pub/orderForm/${orderFormId}/items`, { orderItems: items.map(([id, quantity]) => ({ id, quantity, seller: '1' })) })
  return orderFormId
}

export const shippingWrites = () => mock.requests.filter(({ method, path }) => method === 'POST' && path.endsWith('/attachments/shippingData'))
export const orderFormReads = () => mock.requests.filter(({ method, path }) => method === 'GET' && path.startsWith('/api/checkout/pub/orderForm'))

/**
 * The next request of `method` to `path` (an msw path, `*` and `:param` allowed) is answered by
 * the Checkout at once, as it arrives, and that answer held until `release()`: an answer that
 * lands late, after the Checkout has moved on.
 */
export function holdNextAnswer(method: 'get' | 'post', path: string): () => void {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  server.use(
    http[method](
      path,
      async ({ request, cookies }) => {
        const answer = await mock.respond(request, cookies)
        await released
        return answer
      },
      { once: true },
    ),
  )
  return release
}
