import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots')

/**
 * The pictures the README and docs show (`docs/images/`): written by the browser tests on every run,
 * at one viewport, so they show what the code renders now. `test/docs/images.test.ts` checks that
 * each one the documents use is made here.
 */
export const DOC_IMAGES = join(process.cwd(), 'docs', 'images')

const SYSTEM_CHROMIUM = '/usr/bin/chromium'

/**
 * Which Chromium runs the browser tests: `CHROMIUM_PATH`, else Debian's, else the one inside the
 * `@sparticuz/chromium` dev dependency (unpacked to the temp folder on first use), so `npm ci &&
 * npm test` works on a machine with only Node. `E2E_CHROMIUM=bundled` picks that one on purpose.
 */
export async function chromiumToRun(): Promise<{ executablePath: string; args: string[] }> {
  if (process.env.CHROMIUM_PATH) return { executablePath: process.env.CHROMIUM_PATH, args: [] }
  if (process.env.E2E_CHROMIUM !== 'bundled' && existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, args: [] }
  const { default: bundled } = await import('@sparticuz/chromium')
  // Its own flags (it is built for containers: single process, no GPU), minus its headless mode: playwright sets that.
  return { executablePath: await bundled.executablePath(), args: bundled.args.filter((arg) => !arg.startsWith('--headless')) }
}

/** A headless Chromium with the flags this machine's closed network needs. */
export async function launchChromium(): Promise<BrowserContext> {
  const { executablePath, args } = await chromiumToRun()
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'vtex-session-chromium-')), {
    executablePath,
    headless: true,
    viewport: { width: 1100, height: 800 },
    args: [
      ...args,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  // Demos talk only to 127.0.0.1: anything else is refused, so a stray request cannot leave the machine.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort())
  return context
}

/**
 * Console errors, uncaught exceptions and failed responses (with their URL) of a page,
 * for a test to assert there are none.
 */
export function collectErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    // Chromium's "Failed to load resource" line has no URL: the response listener reports it with one.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()} ${new URL(response.url()).pathname}`)
  })
  return errors
}
