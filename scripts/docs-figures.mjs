#!/usr/bin/env node
// Fills (--write) or checks (--check) the generated regions of README.md and docs/*.md:
//   bench         what bench/report.mjs prints from bench/results.json
//   sizes         `size-limit --json` on the current build, rows named as in .size-limit.cjs
//   size-summary  one line: the typical import's size, our own code and with zod/mini
// Extra arguments FILE:NAME require that document to hold that region.
// Needs the build (`npm run build`) for the size regions.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { benchReport, sharedCacheReport } from '../bench/report.mjs'
import { FigureError, fillRegions, findRegions, lineDiff } from './figureRegions.mjs'

const root = process.cwd()
const OWN_CODE = 'core hooks, our own code only'
const WITH_ZOD = 'core hooks, validation (zod/mini) included'

const sizeConfig = () => createRequire(join(root, 'package.json'))(join(root, '.size-limit.cjs'))

/** `size-limit --json`, by entry name. It exits non-zero when a limit is exceeded: the figures stand anyway. */
function measuredSizes() {
  let stdout
  try {
    stdout = execFileSync('npx', ['size-limit', '--json'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 })
  } catch (error) {
    stdout = error.stdout
    if (!stdout) throw new FigureError(`size-limit failed (is the package built?): ${error.stderr || error.message}`)
  }
  return new Map(JSON.parse(stdout).map((entry) => [entry.name, entry]))
}

/** Memoized, so that size-limit runs once however many regions need it. */
const once = (compute) => {
  let value
  return () => (value ??= compute())
}
const sizes = once(measuredSizes)

function sizeOf(name) {
  const entry = sizes().get(name)
  if (entry === undefined) throw new FigureError(`size-limit measured no entry named "${name}" (.size-limit.cjs)`)
  return entry
}

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`

const figures = {
  bench: once(() => benchReport()),
  'shared-cache': once(() => {
    const report = sharedCacheReport()
    if (report === undefined) throw new FigureError('bench/results.json has no sharedCache section: run npm run bench')
    return report
  }),
  sizes: once(() => {
    const rows = sizeConfig().map(({ name }) => {
      const { size, sizeLimit } = sizeOf(name)
      return `| ${name} | ${size} B | ${sizeLimit ?? '—'}${sizeLimit === undefined ? '' : ' B'} |`
    })
    return ['| bundle | size | limit |', '|---|---|---|', ...rows].join('\n')
  }),
  'size-summary': once(() => {
    const config = sizeConfig()
    const own = config.find(({ name }) => name === OWN_CODE)
    if (own === undefined) throw new FigureError(`.size-limit.cjs has no entry named "${OWN_CODE}"`)
    const compression = own.gzip ? 'min+gzip' : 'min+brotli'
    return `- **Small**: ${kB(sizeOf(OWN_CODE).size)} ${compression} of our own code for the typical import (\`import ${own.import} from 'vtex-session-react'\`); ${kB(sizeOf(WITH_ZOD).size)} with validation (\`zod/mini\`).`
  }),
}

function documents() {
  const docs = existsSync(join(root, 'docs')) ? readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).sort() : []
  return ['README.md', ...docs.map((name) => `docs/${name}`)]
}

function main(argv) {
  const mode = argv.find((arg) => arg === '--write' || arg === '--check')
  const required = argv.filter((arg) => !arg.startsWith('--'))
  if (mode === undefined || argv.some((arg) => arg.startsWith('--') && arg !== mode)) {
    console.error('Usage: node scripts/docs-figures.mjs --write | --check [FILE:REGION …]')
    return 2
  }
  const problems = []
  const files = documents()
  for (const requirement of required) {
    const [file, name] = requirement.split(':')
    if (!name || !(name in figures)) problems.push(`${requirement}: expected FILE:REGION with REGION one of ${Object.keys(figures).join(', ')}`)
    else if (!files.includes(file)) problems.push(`${requirement}: no document ${file} (README.md or docs/*.md)`)
  }
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8')
    try {
      const present = findRegions(text, file).map(({ name }) => name)
      for (const requirement of required) {
        const [requiredFile, name] = requirement.split(':')
        if (requiredFile === file && name in figures && !present.includes(name)) problems.push(`${file}: lacks the region "${name}" (<!-- figures:${name} --> … <!-- /figures:${name} -->)`)
      }
      const { text: filled, changes } = fillRegions(text, figures, file)
      if (mode === '--write') {
        if (changes.length > 0) writeFileSync(join(root, file), filled)
        for (const { name } of changes) console.log(`${file}: region "${name}" updated`)
        continue
      }
      for (const { name, line, before, after } of changes) {
        problems.push([`${file}:${line}: region "${name}" differs from the generated figures:`, `--- ${file} (figures:${name}, as written)`, `+++ generated`, ...lineDiff(before, after)].join('\n'))
      }
    } catch (error) {
      if (!(error instanceof FigureError)) throw error
      problems.push(error.message)
    }
  }
  for (const problem of problems) console.error(problem)
  if (problems.length > 0 && mode === '--check') console.error('\nRun `node scripts/docs-figures.mjs --write` (after `npm run build`) to update the figures.')
  return problems.length > 0 ? 1 : 0
}

process.exitCode = main(process.argv.slice(2))
