import type { Segment, Session } from '../core/types'
import type { ShippingTarget } from './shippingTarget'

/**
 * VTEX's delivery promise lives in `public.facets` as `key=value;key=value` (`zip-code`,
 * `country`, `coordinates=<lon>,<lat>`, `pickupPoint`, …) and reaches the segment. These read
 * and write that text keeping every other key, in its order, untouched.
 */
export type FacetEntries = ReadonlyArray<readonly [key: string, value: string]>

export function parseFacets(text: string | null | undefined): FacetEntries {
  const entries: Array<readonly [string, string]> = []
  for (const part of (text ?? '').split(';')) {
    const separator = part.indexOf('=')
    if (separator > 0) entries.push([part.slice(0, separator).trim(), part.slice(separator + 1).trim()])
  }
  return entries
}

export const formatFacets = (entries: FacetEntries): string => entries.map(([key, value]) => `${key}=${value}`).join(';')

/** The text with `key` set to `value` (in place, or appended), or removed for `undefined`. */
export function withFacet(text: string | null | undefined, key: string, value: string | undefined): string {
  const entries = parseFacets(text)
  const found = entries.some(([name]) => name === key)
  const next = entries.flatMap(([name, current]) => (name !== key ? [[name, current] as const] : value === undefined ? [] : [[name, value] as const]))
  return formatFacets(found || value === undefined ? next : [...next, [key, value]])
}

export interface DeliveryPromise {
  method: 'delivery' | 'pickup'
  postalCode: string | undefined
  country: string | undefined
  /** `[longitude, latitude]`. */
  coordinates: readonly [number, number] | undefined
  pickupPoint: string | undefined
}

/** The delivery promise the facets text says: pickup when it names a pickup point, else delivery. */
export function deliveryPromiseOf(text: string | null | undefined): DeliveryPromise {
  const facets = new Map(parseFacets(text))
  const [longitude, latitude] = (facets.get('coordinates') ?? '').split(',').map(Number)
  const pickupPoint = facets.get('pickupPoint') || undefined
  return {
    method: pickupPoint ? 'pickup' : 'delivery',
    postalCode: facets.get('zip-code') || undefined,
    country: facets.get('country') || undefined,
    coordinates: Number.isFinite(longitude) && Number.isFinite(latitude) && facets.has('coordinates') ? [longitude!, latitude!] : undefined,
    pickupPoint,
  }
}

/** The facets text of a session (`public.facets`), else of its segment (`facets`). */
export function facetsTextOf(segment: Segment, session?: Session): string | undefined {
  const fromSession = session?.namespaces.public?.facets?.value
  if (typeof fromSession === 'string') return fromSession
  return typeof segment.facets === 'string' ? segment.facets : undefined
}

/** The facets text for a pickup point (or none) at a place, every other key kept. */
export function facetsAt(text: string | undefined, place: Omit<ShippingTarget, 'pickupPointId'> | undefined, pickupPoint: string | undefined): string {
  let next = withFacet(text, 'zip-code', place?.postalCode)
  next = withFacet(next, 'country', place?.country)
  next = withFacet(next, 'coordinates', place?.geoCoordinates?.join(','))
  return withFacet(next, 'pickupPoint', pickupPoint)
}
