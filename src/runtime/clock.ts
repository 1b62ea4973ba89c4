let last = 0

/**
 * Milliseconds since the epoch, strictly increasing within this page: two events never share
 * a time, so "started after the latest confirmation" is always decidable. Tabs of one browser
 * share the wall clock, so their times order each other's messages too.
 */
export function now(): number {
  const time = Date.now()
  last = time > last ? time : last + 0.001
  return last
}
