import type { Segment } from '../core/types'

/**
 * Whether a shared page's segment may price regional queries until the shopper's session is read:
 * it priced the server's render of them, so the first client render is the same (with a region,
 * where the store requires one).
 */
export const pricedByPage = (pageSegment: Segment | undefined, required: boolean): boolean => !!pageSegment && (!required || !!pageSegment.regionId)
