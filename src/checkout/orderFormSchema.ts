import * as z from 'zod/mini'

// The parts of the Checkout API's orderForm a storefront reads. Loose objects, as for the session:
// the orderForm carries many more fields, and they are kept as they come. Money is in cents.
// https://developers.vtex.com/docs/api-reference/checkout-api#get-/api/checkout/pub/orderForm

export interface OrderFormAddress {
  addressType?: string | null
  postalCode?: string | null
  country?: string | null
  /** `[longitude, latitude]`, or empty. */
  geoCoordinates?: number[] | null
  [field: string]: unknown
}

export interface OrderFormItem {
  id: string
  name?: string | null
  quantity: number
  seller?: string | null
  /** Cents. */
  price?: number | null
  listPrice?: number | null
  sellingPrice?: number | null
  imageUrl?: string | null
  /** `available`, `cannotBeDelivered`, `withoutStock`, … */
  availability?: string | null
  [field: string]: unknown
}

export interface LogisticsInfo {
  itemIndex: number
  selectedSla?: string | null
  selectedDeliveryChannel?: string | null
  slas?: Array<{ id?: string; pickupPointId?: string | null; [field: string]: unknown }> | null
  [field: string]: unknown
}

export interface OrderForm {
  orderFormId: string
  items: OrderFormItem[]
  totalizers?: Array<{ id: string; name?: string; value: number }> | null
  /** The cart's total in cents. */
  value?: number | null
  shippingData?: {
    address?: OrderFormAddress | null
    selectedAddresses?: OrderFormAddress[] | null
    /** A logged-in shopper's saved addresses (and the chosen one), even before any is chosen. */
    availableAddresses?: OrderFormAddress[] | null
    logisticsInfo?: LogisticsInfo[] | null
    [field: string]: unknown
  } | null
  storePreferencesData?: { currencyCode?: string | null; [field: string]: unknown } | null
  [field: string]: unknown
}

const text = z.nullish(z.string())
const amount = z.nullish(z.number())

const addressSchema = z.looseObject({
  addressType: text,
  postalCode: text,
  country: text,
  geoCoordinates: z.nullish(z.array(z.number())),
})

export const orderFormSchema: z.ZodMiniType<OrderForm> = z.looseObject({
  orderFormId: z.string(),
  items: z.array(
    z.looseObject({
      id: z.string(),
      name: text,
      quantity: z.number(),
      seller: text,
      price: amount,
      listPrice: amount,
      sellingPrice: amount,
      imageUrl: text,
      availability: text,
    }),
  ),
  totalizers: z.nullish(z.array(z.looseObject({ id: z.string(), name: z.optional(z.string()), value: z.number() }))),
  value: amount,
  shippingData: z.nullish(
    z.looseObject({
      address: z.nullish(addressSchema),
      selectedAddresses: z.nullish(z.array(addressSchema)),
      availableAddresses: z.nullish(z.array(addressSchema)),
      logisticsInfo: z.nullish(
        z.array(
          z.looseObject({
            itemIndex: z.number(),
            selectedSla: text,
            selectedDeliveryChannel: text,
            slas: z.nullish(z.array(z.looseObject({ id: z.optional(z.string()), pickupPointId: text }))),
          }),
        ),
      ),
    }),
  ),
  storePreferencesData: z.nullish(z.looseObject({ currencyCode: text })),
})

/** A pickup point as `GET /api/checkout/pub/pickup-points` lists it, with its distance in km. */
export interface PickupPoint {
  id: string
  friendlyName: string
  distance: number
  address: OrderFormAddress
}

// https://developers.vtex.com/docs/guides/list-pickup-points-by-location
export const pickupPointsSchema = z.pipe(
  z.looseObject({
    items: z.array(
      z.looseObject({
        distance: z.number(),
        pickupPoint: z.looseObject({ id: z.string(), friendlyName: z.optional(z.string()), address: z.optional(addressSchema) }),
      }),
    ),
  }),
  z.transform(({ items }): PickupPoint[] =>
    items.map(({ distance, pickupPoint }) => ({
      id: pickupPoint.id,
      friendlyName: pickupPoint.friendlyName ?? pickupPoint.id,
      distance,
      address: pickupPoint.address ?? {},
    })),
  ),
)
