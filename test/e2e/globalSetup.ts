import { execFileSync } from 'node:child_process'
import { chromiumToRun } from './chromium'
import { ensureVarnish } from './cdn/varnish'

/**
 * Before the test files — which run in parallel — start: picks (and, for the bundled one, unpacks)
 * the Chromium once (two files unpacking it at once could start a half-written binary), and makes
 * sure Debian's Varnish is there for the shared-cache tests.
 */
export default async function prepareBrowserAndCache(): Promise<void> {
  await chromiumToRun()
  ensureVarnish((command, args) => execFileSync(command, args, { stdio: 'inherit' }))
}
