import { chromiumToRun } from './chromium'

/**
 * Picks (and, for the bundled one, unpacks) the Chromium once, before the test files — which run
 * in parallel — launch it: two of them unpacking it at the same time could start a half-written binary.
 */
export default async function prepareChromium(): Promise<void> {
  await chromiumToRun()
}
