import * as z from 'zod/mini'
import type { SessionClientOptions } from './createSessionClient'
import { toRegionFields, type RegionInput } from './regionInput'
import { requestJson, toRequestSettings } from './request'
import { segmentKeyOf } from './segmentKey'
import type { Segment } from './types'

/** The segment a region change is expected to lead to, before the session is written. */
export interface SegmentPrediction {
  /** The confirmed segment with the predicted `regionId` (`null`: the input leads to no region). */
  segment: Segment
  /** `segmentKeyOf(segment)`: the key the confirmed segment will have if the prediction holds. */
  segmentKey: string
}

/** The only segment field a region change moves is `regionId`. */
export const predictSegment = (confirmed: Segment, regionId: string | null): SegmentPrediction => {
  const segment = { ...confirmed, regionId }
  return { segment, segmentKey: segmentKeyOf(segment) }
}

/**
 * Resolves the region a postal code (or coordinates) leads to through the Checkout regions API,
 * on the Session Manager's origin, with no session write. `schedule(input)` is for as-you-type:
 * debounced, the previous request cancelled (never two in flight), one request per place (cached);
 * `onRegion` hears the latest input's region. Input that is not a complete, valid place is ignored
 * (and cancels what was pending).
 */
export function createRegionPredictor(options: SessionClientOptions & { debounceMs?: number } = {}) {
  const settings = toRequestSettings(options)
  // `GET /api/checkout/pub/regions` answers the regions (with their sellers) of an address; the
  // first is the one the Session Manager writes into the segment. Built here, not at module level,
  // so an app that never predicts does not carry it.
  // https://developers.vtex.com/docs/guides/get-sellers-by-region-or-address
  const regionsSchema = z.array(z.looseObject({ id: z.string() }))
  const known = new Map<string, string | null>()
  let timer: ReturnType<typeof setTimeout> | undefined
  let inFlight: AbortController | undefined

  /** The regions query of an input, and its cache key (one per place, however it was typed). */
  function regionQueryOf(input: RegionInput): { key: string; query: string } | undefined {
    let fields: Record<string, string>
    try {
      fields = toRegionFields(input)
    } catch {
      return undefined
    }
    const query = new URLSearchParams(
      fields.postalCode ? { country: fields.country!, postalCode: fields.postalCode } : { country: fields.country!, geoCoordinates: fields.geoCoordinates!.replace(',', ';') },
    ).toString()
    // `22250-040` and `22250040` are one place; in coordinates a `-` is a sign (another place).
    return { key: fields.postalCode ? query.replace(/-/g, '') : query, query }
  }

  /** The region of a place: from the cache, else one regions request. */
  async function resolve(place: { key: string; query: string }, signal?: AbortSignal): Promise<string | null> {
    if (known.has(place.key)) return known.get(place.key)!
    const regions = await requestJson(settings, 'GET', `/api/checkout/pub/regions?${place.query}`, regionsSchema, 'region list', { signal, source: 'Checkout API' })
    const regionId = regions[0]?.id ?? null
    known.set(place.key, regionId)
    return regionId
  }

  /** New input makes the pending prediction and the request in flight moot. */
  function supersede() {
    clearTimeout(timer)
    inFlight?.abort()
    inFlight = undefined
  }

  return {
    /** The region the input leads to (`undefined` for input that is not a complete, valid place). */
    async regionOf(input: RegionInput, signal?: AbortSignal): Promise<string | null | undefined> {
      const place = regionQueryOf(input)
      return place && resolve(place, signal)
    },
    schedule(input: RegionInput, onRegion: (regionId: string | null) => void): void {
      supersede()
      const place = regionQueryOf(input)
      if (place === undefined) return
      if (known.has(place.key)) return onRegion(known.get(place.key)!)
      timer = setTimeout(() => {
        const controller = new AbortController()
        inFlight = controller
        resolve(place, controller.signal).then(
          (regionId) => {
            if (inFlight === controller) inFlight = undefined
            if (!controller.signal.aborted) onRegion(regionId)
          },
          // A failed or cancelled prediction costs nothing: the normal path follows the write.
          () => {
            if (inFlight === controller) inFlight = undefined
          },
        )
      }, options.debounceMs ?? 250)
    },
    /**
     * Drops a prediction that has not started (on Apply, or unmount). One already asking goes on:
     * it is the input just applied, and its prices are on their way (if the write confirms first,
     * the hook skips it).
     */
    cancel(): void {
      clearTimeout(timer)
    },
  }
}

export type RegionPredictor = ReturnType<typeof createRegionPredictor>
