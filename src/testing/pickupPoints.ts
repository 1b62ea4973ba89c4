/** A pickup point of the emulated store (a physical store, a locker). */
export interface PickupPointRule {
  id: string
  friendlyName: string
  country: string
  postalCode: string
  city: string
  state: string
  street: string
  /** `[longitude, latitude]` (VTEX's order). */
  geoCoordinates: readonly [longitude: number, latitude: number]
  /** Products (SKU ids) this point does not hold: picked up here, they are unavailable. */
  unavailableSkus?: readonly string[]
}

/**
 * Two in Rio de Janeiro (the locker holds no grinder), one in São Paulo, each a real walk or ride from
 * its region's postal code (so a distance means something): pass `pickupPoints` for your own.
 */
export const defaultPickupPoints: readonly PickupPointRule[] = [
  { id: 'rio-botafogo', friendlyName: 'Botafogo store', country: 'BRA', postalCode: '22250040', city: 'Rio de Janeiro', state: 'RJ', street: 'Praia de Botafogo', geoCoordinates: [-43.1787, -22.9497] },
  { id: 'rio-centro', friendlyName: 'Centro locker', country: 'BRA', postalCode: '20040002', city: 'Rio de Janeiro', state: 'RJ', street: 'Avenida Rio Branco', geoCoordinates: [-43.1773, -22.9035], unavailableSkus: ['sku-4'] },
  { id: 'sp-paulista', friendlyName: 'Paulista store', country: 'BRA', postalCode: '01310100', city: 'São Paulo', state: 'SP', street: 'Avenida Paulista', geoCoordinates: [-46.6488, -23.5657] },
]

/** Whether a pickup point holds a product (SKU id): any but its `unavailableSkus`; delivery (no point) always does. */
export function pointHolds(points: readonly PickupPointRule[], pickupPointId: string | undefined, id: string): boolean {
  const point = pickupPointId === undefined ? undefined : points.find((candidate) => candidate.id === pickupPointId)
  return !point?.unavailableSkus?.includes(id)
}

/** How far pickup points are listed, as VTEX's checkout does by default. */
export const PICKUP_RADIUS_KM = 50

/** Great-circle distance in km between two `[longitude, latitude]` points. */
export function distanceKm([lon1, lat1]: readonly [number, number], [lon2, lat2]: readonly [number, number]): number {
  const radians = (degrees: number) => (degrees * Math.PI) / 180
  const a = Math.sin(radians(lat2 - lat1) / 2) ** 2 + Math.cos(radians(lat1)) * Math.cos(radians(lat2)) * Math.sin(radians(lon2 - lon1) / 2) ** 2
  return 2 * 6371 * Math.asin(Math.sqrt(a))
}

/**
 * `GET /api/checkout/pub/pickup-points` as VTEX answers it: the points within the radius of a
 * place, nearest first, with their distance in km (none without a place).
 * https://developers.vtex.com/docs/guides/list-pickup-points-by-location
 */
export function pickupPointsNear(points: readonly PickupPointRule[], place: readonly [number, number] | undefined) {
  const items = (place === undefined ? [] : points)
    .map((point) => ({ point, distance: distanceKm(place ?? [0, 0], point.geoCoordinates) }))
    .filter(({ distance }) => distance <= PICKUP_RADIUS_KM)
    .sort((a, b) => a.distance - b.distance)
    .map(({ point, distance }) => ({
      distance: Math.round(distance * 100) / 100,
      pickupPoint: {
        id: point.id,
        friendlyName: point.friendlyName,
        address: {
          addressType: 'pickup',
          postalCode: point.postalCode,
          city: point.city,
          state: point.state,
          country: point.country,
          street: point.street,
          number: '',
          neighborhood: '',
          geoCoordinates: [...point.geoCoordinates],
        },
        businessHours: [],
      },
    }))
  return { paging: { page: 1, pageSize: items.length, total: items.length, pages: 1 }, items }
}
