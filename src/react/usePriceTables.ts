import type { Segment } from '../core/types'
import { readFrom, useSessionList } from './useSessionList'

const fromProfile = readFrom('profile', 'priceTables')
const fromSegment = (segment: Segment) => segment.priceTables

/** The B2B price tables the session buys with (`profile.priceTables`, else the segment's), as ids. */
export function usePriceTables(): readonly string[] {
  return useSessionList('usePriceTables', fromProfile, fromSegment)
}
