import * as z from 'zod/mini'

// What a storefront shows of an Intelligent Search v1 answer, checked like every answer of this
// library. Loose objects: VTEX adds fields over time, and what is not read here is kept as it came.

/** An offer's money is in the currency's units (`103.39`), unlike the Checkout's cents. */
const commercialOfferSchema = z.looseObject({
  Price: z.number(),
  ListPrice: z.number(),
  AvailableQuantity: z.number(),
})

const sellerSchema = z.looseObject({
  sellerId: z.string(),
  sellerName: z.optional(z.string()),
  sellerDefault: z.optional(z.boolean()),
  // VTEX's own spelling.
  commertialOffer: commercialOfferSchema,
})

const itemSchema = z.looseObject({
  itemId: z.string(),
  name: z.string(),
  images: z.optional(z.array(z.looseObject({ imageUrl: z.string() }))),
  sellers: z.array(sellerSchema),
})

export const productSchema = z.looseObject({
  productId: z.string(),
  productName: z.string(),
  brand: z.optional(z.string()),
  linkText: z.string(),
  items: z.array(itemSchema),
})

export const productSearchSchema = z.looseObject({
  products: z.array(productSchema),
  /** How many products match, over every page. */
  recordsFiltered: z.number(),
  pagination: z.optional(z.looseObject({ count: z.number(), perPage: z.optional(z.number()) })),
})

export type SearchProduct = z.infer<typeof productSchema>
export type ProductSearchResult = z.infer<typeof productSearchSchema>

// VTEX's List filters example: a PRICERANGE value carries a `range` and no `value`.
const facetValueSchema = z.looseObject({
  key: z.optional(z.string()),
  value: z.optional(z.string()),
  range: z.optional(z.looseObject({ from: z.number(), to: z.number() })),
  name: z.optional(z.string()),
  quantity: z.optional(z.number()),
  selected: z.optional(z.boolean()),
})

/** The filters of a search: each facet with its values and how many products each one keeps. */
export const facetsSchema = z.looseObject({
  facets: z.array(z.looseObject({ name: z.string(), key: z.optional(z.string()), type: z.optional(z.string()), values: z.array(facetValueSchema) })),
})

/** The pickup points that hold the searched products, nearest first (`distance` in km). */
export const pickupPointAvailabilitySchema = z.looseObject({
  pickupPointDistances: z.array(
    z.looseObject({
      pickupId: z.string(),
      pickupName: z.optional(z.string()),
      distance: z.optional(z.number()),
      isActive: z.optional(z.boolean()),
      address: z.optional(z.looseObject({})),
    }),
  ),
})

export type SearchFacets = z.infer<typeof facetsSchema>
export type PickupPointAvailability = z.infer<typeof pickupPointAvailabilitySchema>
