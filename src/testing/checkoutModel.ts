import { normalizePostalCode, postalCodeKey } from '../core/regionInput'
import type { Segment } from '../core/types'
import type { ShopperProfile } from './commerce'
import type { StoreCatalog } from './catalog'
import { isAvailable } from './catalogPrices'
import { pickupPointsNear, type PickupPointRule } from './pickupPoints'
import { findRegion, type RegionRule } from './regions'
import { json, refusal } from './modelAnswers'
import type { ModelResponse } from './modelProtocol'

/** A Checkout request, with the shopper whose session cookie came with it. */
export interface CheckoutRequest {
  method: string
  /** The path after `/api/checkout/pub/`, decoded, e.g. `['orderForm', '…', 'items']`. */
  parts: readonly string[]
  query: URLSearchParams
  cookies: Readonly<Record<string, string>>
  bodyText?: string
  shopper: { segment: Segment; profile?: ShopperProfile }
}

/** The cookie naming the shopper's cart: `checkout.vtex.com=__ofid=<orderFormId>`. */
export const ORDER_FORM_COOKIE = 'checkout.vtex.com'
const OWNERSHIP_COOKIE = 'CheckoutOrderFormOwnership'

interface StoredAddress {
  addressType: string
  postalCode: string
  country: string
  geoCoordinates: number[]
  addressId?: string
  city?: string
  state?: string
  street?: string
  number?: string
  neighborhood?: string
  receiverName?: string
}

interface StoredOrderForm {
  id: string
  items: Array<{ id: string; quantity: number }>
  address?: StoredAddress
  /** One choice for every item, as a storefront's delivery promise makes it. */
  deliveryChannel: 'delivery' | 'pickup-in-point'
  pickupPointId?: string
}

/** The store the Checkout model answers for. */
export interface CheckoutModelOptions {
  regions: readonly RegionRule[]
  pickupPoints: readonly PickupPointRule[]
  catalog: StoreCatalog
  accountName: string
}

/**
 * The Checkout API's public calls a storefront makes around the session: address and region
 * look-ups, pickup points, and the cart (orderForm) with its shipping data, priced from the
 * catalog for the orderForm's address and the shopper's price tables and campaigns.
 */
export function createCheckoutModel({ regions, pickupPoints, catalog, accountName }: CheckoutModelOptions) {
  const orderForms = new Map<string, StoredOrderForm>()
  let nextId = 1
  const sellers = [{ id: '1', name: accountName, logo: '' }]

  const regionOf = (address: StoredAddress | undefined) =>
    address && findRegion(regions, address.country, address.postalCode || undefined, address.geoCoordinates.length === 2 ? address.geoCoordinates.join(',') : undefined)

  /** The shopper's saved address as the cart lists it: residential, its postal code formatted, placed on the region's center. */
  const savedAddresses = (profile: CheckoutRequest['shopper']['profile']): StoredAddress[] => {
    const saved = profile?.address
    if (!saved) return []
    const rule = findRegion(regions, saved.country, saved.postalCode, undefined)
    return [{ addressType: 'residential', ...saved, postalCode: formatPostalCode(saved.country, saved.postalCode), geoCoordinates: rule?.center ? [...rule.center] : [] }]
  }

  /** The orderForm as VTEX answers it (the fields a storefront reads), money in cents. */
  function render(form: StoredOrderForm, { segment, profile }: CheckoutRequest['shopper']) {
    const pricing = { regionId: regionOf(form.address)?.regionId ?? null, priceTables: segment.priceTables, campaigns: segment.campaigns }
    const pickupPoint = form.deliveryChannel === 'pickup-in-point' ? form.pickupPointId : undefined
    const items = form.items.map(({ id, quantity }) => {
      const price = catalog.centsOf(id, pricing)
      return {
        id,
        productId: id,
        name: catalog.products.find((product) => product.id === id)!.name,
        quantity,
        seller: '1',
        price,
        listPrice: price,
        sellingPrice: price,
        availability: isAvailable(catalog, pickupPoints, id, pickupPoint) ? 'available' : 'cannotBeDelivered',
      }
    })
    const itemsTotal = items.reduce((sum, item) => sum + (item.availability === 'available' ? item.price * item.quantity : 0), 0)
    return {
      orderFormId: form.id,
      salesChannel: segment.channel ?? '1',
      loggedIn: profile !== undefined,
      items,
      totalizers: items.length === 0 ? [] : [{ id: 'Items', name: 'Items Total', value: itemsTotal }],
      value: itemsTotal,
      shippingData: form.address
        ? {
            address: form.address,
            selectedAddresses: [form.address],
            availableAddresses: [form.address, ...savedAddresses(profile).filter(({ addressId }) => addressId !== form.address?.addressId)],
            logisticsInfo: items.map((_, itemIndex) => ({
              itemIndex,
              selectedDeliveryChannel: form.deliveryChannel,
              selectedSla: pickupPoint ?? 'Normal',
              slas: [],
            })),
          }
        : // A logged-in shopper's cart lists their saved addresses before any is chosen: where a
          // storefront finds their place (https://developers.vtex.com/docs/guides/add-shipping-address-and-delivery-option-to-the-cart).
          profile?.address
          ? { address: null, selectedAddresses: [], availableAddresses: savedAddresses(profile), logisticsInfo: [] }
          : null,
      storePreferencesData: { countryCode: segment.countryCode ?? 'BRA', currencyCode: segment.currencyCode ?? 'BRL', currencySymbol: segment.currencySymbol ?? 'R$' },
      clientProfileData: profile ? { email: profile.email } : null,
      messages: [],
    }
  }

  /** An orderForm answer that (re)names the cart in the shopper's cookies. */
  const withCartCookies = (form: StoredOrderForm, shopper: CheckoutRequest['shopper']): ModelResponse => ({
    status: 200,
    body: render(form, shopper),
    setCookie: [`${ORDER_FORM_COOKIE}=__ofid=${form.id}; Path=/; SameSite=Lax`, `${OWNERSHIP_COOKIE}=owner-${form.id}; Path=/; SameSite=Lax; HttpOnly`],
  })

  function cartOf(cookies: CheckoutRequest['cookies']): StoredOrderForm {
    const named = /^__ofid=([\da-f]+)$/.exec(cookies[ORDER_FORM_COOKIE] ?? '')?.[1]
    const found = named === undefined ? undefined : orderForms.get(named)
    if (found) return found
    const form: StoredOrderForm = { id: String(nextId++).padStart(32, '0'), items: [], deliveryChannel: 'delivery' }
    orderForms.set(form.id, form)
    return form
  }

  /**
   * `attachments/shippingData`: the first selected address (or `address`) and the delivery channel
   * of `logisticsInfo`. A logged-in shopper's saved address comes back for its postal code, as VTEX
   * answers it (residential, formatted `22250-040`).
   * https://developers.vtex.com/docs/guides/add-shipping-address-and-delivery-option-to-the-cart
   */
  function attachShippingData(form: StoredOrderForm, body: ShippingDataBody, profile: ShopperProfile | undefined): string | undefined {
    const given = body.selectedAddresses?.[0] ?? body.address
    if (given === undefined) return 'selectedAddresses needs an address'
    const country = typeof given.country === 'string' ? given.country : ''
    const postalCode = typeof given.postalCode === 'string' ? given.postalCode : ''
    const coordinates = Array.isArray(given.geoCoordinates) && given.geoCoordinates.length === 2 && given.geoCoordinates.every(Number.isFinite) ? (given.geoCoordinates as number[]) : []
    if (!/^[A-Z]{3}$/.test(country)) return `country must be an ISO 3166-1 alpha-3 code, got ${JSON.stringify(given.country)}`
    if (postalCode === '' && coordinates.length === 0) return 'An address needs a postalCode or geoCoordinates'
    const logistics = body.logisticsInfo?.[0]
    if (logistics?.selectedDeliveryChannel === 'pickup-in-point' && !pickupPoints.some(({ id }) => id === logistics.selectedSla)) {
      return `No pickup point ${JSON.stringify(logistics.selectedSla)}`
    }
    const saved = profile?.address
    const rule = findRegion(regions, country, postalCode || undefined, coordinates.length === 2 ? coordinates.join(',') : undefined)
    form.address =
      saved && saved.country === country && postalCodeKey(saved.postalCode) === postalCodeKey(postalCode)
        ? savedAddresses(profile)[0]
        : {
            addressType: typeof given.addressType === 'string' ? given.addressType : 'search',
            postalCode: formatPostalCode(country, postalCode),
            country,
            city: rule?.city ?? '',
            state: rule?.state ?? '',
            neighborhood: rule?.neighborhood ?? '',
            geoCoordinates: coordinates.length === 2 ? [...coordinates] : rule?.center ? [...rule.center] : [],
          }
    if (logistics?.selectedDeliveryChannel !== undefined) {
      form.deliveryChannel = logistics.selectedDeliveryChannel === 'pickup-in-point' ? 'pickup-in-point' : 'delivery'
      form.pickupPointId = form.deliveryChannel === 'pickup-in-point' ? logistics.selectedSla : undefined
    }
    return undefined
  }

  /** `items` adds (or adds to) SKUs; `items/update` sets quantities by index (0 removes). */
  function changeItems(form: StoredOrderForm, body: ItemsBody, update: boolean): string | undefined {
    if (!Array.isArray(body.orderItems)) return 'orderItems must be a list'
    const orderItems = body.orderItems
    for (const item of orderItems) {
      if (!Number.isInteger(item.quantity) || item.quantity! < 0) return `quantity must be a whole number, got ${JSON.stringify(item.quantity)}`
      if (update ? form.items[item.index ?? -1] === undefined : !catalog.products.some(({ id }) => id === item.id)) {
        return update ? `No item at index ${JSON.stringify(item.index)}` : `No SKU ${JSON.stringify(item.id)}`
      }
    }
    if (update) {
      for (const { index, quantity } of orderItems) form.items[index!]!.quantity = quantity!
      form.items = form.items.filter(({ quantity }) => quantity > 0)
    } else {
      for (const { id, quantity } of orderItems) {
        const existing = form.items.find((item) => item.id === id)
        if (existing) existing.quantity += quantity!
        else if (quantity! > 0) form.items.push({ id: id!, quantity: quantity! })
      }
    }
    return undefined
  }

  function orderForm(request: CheckoutRequest, [id, ...rest]: readonly string[]): ModelResponse | undefined {
    const { method, shopper } = request
    if (method === 'GET' && id === undefined) return withCartCookies(cartOf(request.cookies), shopper)
    const form = id === undefined ? undefined : orderForms.get(id)
    if (id === undefined) return undefined
    if (form === undefined) return refusal(404, 'The orderForm does not exist')
    const path = rest.join('/')
    if (method === 'GET' && path === '') return json(render(form, shopper))
    if (method !== 'POST') return undefined
    const body = parseBody(request.bodyText)
    if (body === undefined) return refusal(400, 'The body must be a JSON object')
    const problem =
      path === 'attachments/shippingData'
        ? attachShippingData(form, body as ShippingDataBody, shopper.profile)
        : path === 'items' || path === 'items/update'
          ? changeItems(form, body as ItemsBody, path === 'items/update')
          : null
    if (problem === null) return undefined
    return problem === undefined ? json(render(form, shopper)) : refusal(400, problem)
  }

  function handle(request: CheckoutRequest): ModelResponse | undefined {
    const { method, query } = request
    const [resource, country, code, ...rest] = request.parts
    if (resource === 'orderForm') return orderForm(request, request.parts.slice(1))
    if (method !== 'GET') return undefined
    if (resource === 'postal-code' && country && code && rest.length === 0) {
      // https://developers.vtex.com/docs/guides/get-address-by-postal-code
      const rule = findRegion(regions, country, code, undefined)
      return json({
        postalCode: normalizePostalCode(code),
        city: rule?.city ?? '',
        state: rule?.state ?? '',
        country,
        street: '',
        number: '',
        neighborhood: rule?.neighborhood ?? '',
        complement: '',
        reference: '',
        geoCoordinates: rule?.center ? [...rule.center] : [],
      })
    }
    if (resource === 'regions' && country === undefined) {
      // https://developers.vtex.com/docs/guides/get-sellers-by-region-or-address
      const rule = findRegion(regions, query.get('country') ?? '', query.get('postalCode') ?? undefined, query.get('geoCoordinates')?.replace(';', ',') ?? undefined)
      return json(rule ? [{ id: rule.regionId, sellers }] : [])
    }
    if (resource === 'pickup-points' && country === undefined) {
      // By coordinates (`lon;lat`), or by postal code + country code (the center of its region).
      const [longitude, latitude] = (query.get('geoCoordinates') ?? '').split(/[;,]/).map(Number)
      const countryCode = query.get('countryCode') ?? undefined
      const region = countryCode ? findRegion(regions, countryCode, query.get('postalCode') ?? undefined, undefined) : undefined
      const place = Number.isFinite(longitude) && Number.isFinite(latitude) && query.has('geoCoordinates') ? ([longitude!, latitude!] as const) : region?.center
      return json(pickupPointsNear(pickupPoints, place))
    }
    return undefined
  }

  return {
    handle,
    reset(): void {
      orderForms.clear()
    },
  }
}

interface AddressBody {
  addressType?: unknown
  postalCode?: unknown
  country?: unknown
  geoCoordinates?: unknown[]
}

interface ShippingDataBody {
  address?: AddressBody
  selectedAddresses?: AddressBody[]
  logisticsInfo?: Array<{ itemIndex?: number; selectedDeliveryChannel?: string; selectedSla?: string }>
}

interface ItemsBody {
  orderItems?: Array<{ id?: string; index?: number; quantity?: number; seller?: string }>
}

/** Brazilian postal codes come back as `22250-040`, whatever way they were sent. */
function formatPostalCode(country: string, postalCode: string): string {
  const key = postalCodeKey(postalCode)
  return country === 'BRA' && /^\d{8}$/.test(key) ? `${key.slice(0, 5)}-${key.slice(5)}` : normalizePostalCode(postalCode)
}

function parseBody(text: string | undefined): Record<string, unknown> | undefined {
  try {
    const body: unknown = JSON.parse(text ?? '')
    return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}
