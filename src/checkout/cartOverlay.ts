import type { CartItemInput } from './cartInput'
import type { OrderForm, OrderFormItem } from './orderFormSchema'
import type { ShippingTarget } from './shippingTarget'

/** One line of the cart, as a change names it: the Checkout merges a SKU added again into its line (same seller). */
export const lineKeyOf = (item: { id: string; seller?: string | null }): string => `${item.id}@${item.seller ?? '1'}`

/**
 * The key of each line of a cart. The Checkout may split one SKU into several lines (a promotion on
 * one unit, an attachment): the second is `…#1`, the third `…#2`, so a change names the line it was
 * made on, never the first of its SKU.
 */
export function lineKeysOf(items: readonly { id: string; seller?: string | null }[]): string[] {
  const seen = new Map<string, number>()
  return items.map((item) => {
    const key = lineKeyOf(item)
    const before = seen.get(key) ?? 0
    seen.set(key, before + 1)
    return before === 0 ? key : `${key}#${before}`
  })
}

/**
 * The changes queued behind an add the Checkout refused: the adds of its line made after it (until a
 * quantity set on that line) counted it in what they show, and show that much less.
 */
export function withoutRefusedAdd<T extends { change: CartChange }>(queued: readonly T[], refused: CartChange): readonly T[] {
  if (refused.type !== 'add') return queued
  const key = lineKeyOf(refused.item)
  let counted = true
  return queued.map((pending) => {
    const { change } = pending
    if (change.type === 'quantity' && change.line === key) counted = false
    if (!counted || change.type !== 'add' || change.shows === undefined || lineKeyOf(change.item) !== key) return pending
    return { ...pending, change: { ...change, shows: change.shows - refused.item.quantity } }
  })
}

/**
 * A change the shopper (or `<CartSync>`) made to the cart: one Checkout request each. What the
 * minicart shows while it is on its way is absolute, decided when it was made (`shows`, `line`),
 * so painting it over a cart that already holds it changes nothing.
 */
export type CartChange =
  /** `POST …/items`. `shows`: the line's quantity once added (undefined when the cart was not loaded yet). */
  | { type: 'add'; item: Required<CartItemInput>; shows?: number }
  /** `POST …/items/update`. `line`: the line at `index` when it was made (undefined before the cart loaded: sent by `index`). */
  | { type: 'quantity'; index: number; line?: string; quantity: number }
  /** `POST …/attachments/shippingData`: paints nothing (prices are the Checkout's to say). */
  | { type: 'shipping'; target: ShippingTarget }

/** What the available lines cost, in cents (a line whose price is not known yet counts nothing). */
const itemsValue = (items: readonly OrderFormItem[]) =>
  items.reduce((sum, { quantity, sellingPrice, price, availability }) => sum + ((availability ?? 'available') === 'available' ? (sellingPrice ?? price ?? 0) * quantity : 0), 0)

function paintChange(items: OrderFormItem[], change: CartChange): OrderFormItem[] {
  if (change.type === 'shipping' || (change.type === 'quantity' && change.line === undefined)) return items
  const key = change.type === 'add' ? lineKeyOf(change.item) : change.line
  const index = lineKeysOf(items).indexOf(key ?? '')
  const quantity = change.type === 'quantity' ? change.quantity : (change.shows ?? (items[index]?.quantity ?? 0) + change.item.quantity)
  // A SKU new to the cart: its quantity now, its name and price with the Checkout's answer.
  if (index < 0) return change.type === 'add' && quantity > 0 ? [...items, { id: change.item.id, seller: change.item.seller, quantity }] : items
  return quantity === 0 ? items.filter((_, at) => at !== index) : items.map((line, at) => (at === index ? { ...line, quantity } : line))
}

/**
 * The cart with the changes not yet confirmed painted over it, in the order they were made; its
 * total moved by the prices of the lines they change. Without changes to paint, the cart itself.
 */
export function paintChanges(orderForm: OrderForm, changes: readonly CartChange[]): OrderForm {
  const items = changes.reduce(paintChange, orderForm.items)
  if (items === orderForm.items) return orderForm
  const value = orderForm.value == null ? orderForm.value : orderForm.value - itemsValue(orderForm.items) + itemsValue(items)
  return { ...orderForm, items, value }
}

/** The lines a change not yet confirmed touches. */
export const linesChangedBy = (changes: readonly CartChange[]): Set<string> =>
  new Set(changes.flatMap((change) => (change.type === 'add' ? [lineKeyOf(change.item)] : change.type === 'quantity' && change.line ? [change.line] : [])))
