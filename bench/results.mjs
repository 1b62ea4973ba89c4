import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

// npm scripts run at the package root (import.meta.url is not a file: URL under jsdom).
export const RESULTS_FILE = join(process.cwd(), 'bench', 'results.json')

/** Merges one section of measurements into bench/results.json. */
export function saveResults(section, values) {
  const current = existsSync(RESULTS_FILE) ? JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) : {}
  current[section] = values
  current.measuredAt = new Date().toISOString()
  // Where it was measured, recorded with the figures: the report never reads the machine that prints it.
  current.measuredOn = { platform: process.platform, arch: process.arch, node: process.version }
  writeFileSync(RESULTS_FILE, `${JSON.stringify(current, null, 2)}\n`)
}

export function readResults() {
  return JSON.parse(readFileSync(RESULTS_FILE, 'utf8'))
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
