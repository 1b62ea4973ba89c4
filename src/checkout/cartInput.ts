import { SessionError } from '../core/SessionError'

// Checked before any request, and before a change joins the cart's queue: bad input costs
// nothing and disturbs no other change.

/** A cart line to add: a SKU id and how many (the store's own seller unless said). */
export interface CartItemInput {
  id: string
  quantity: number
  seller?: string
}

const invalid = (message: string) => new SessionError('invalid-input', message)

export function checkOrderFormId(orderFormId: unknown): string {
  if (typeof orderFormId !== 'string' || !/^[\w-]{1,64}$/.test(orderFormId)) throw invalid('orderFormId must be the id of an orderForm (letters, digits, - and _)')
  return orderFormId
}

export function checkQuantity(quantity: unknown): number {
  if (!Number.isInteger(quantity) || (quantity as number) < 0 || (quantity as number) > 9_999) throw invalid(`quantity must be a whole number from 0 to 9999, got ${JSON.stringify(quantity)}`)
  return quantity as number
}

export function checkIndex(index: unknown): number {
  if (!Number.isInteger(index) || (index as number) < 0) throw invalid(`index must be an item's position in the cart, got ${JSON.stringify(index)}`)
  return index as number
}

/** The item as the Checkout takes it, its seller filled in. */
export function checkCartItem({ id, quantity, seller = '1' }: CartItemInput): Required<CartItemInput> {
  if (typeof id !== 'string' || id.trim() === '') throw invalid(`A cart item needs a SKU id, got ${JSON.stringify(id)}`)
  return { id, quantity: checkQuantity(quantity), seller }
}
