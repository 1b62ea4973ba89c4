import type { Segment } from './types'

/**
 * An opaque key that is equal for equal segments, whatever the field order:
 * the segment's fields sorted by name, as JSON.
 */
export function segmentKeyOf(segment: Segment): string {
  return JSON.stringify(Object.keys(segment).sort().map((field) => [field, segment[field]]))
}
