// scripts/docs-figures.mjs as npm test runs it: the documents' figures match the build and the
// bench results (run `npm run build` first), and a stale or missing region fails the check.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const root = process.cwd()
const script = join(root, 'scripts/docs-figures.mjs')
const figures = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd, encoding: 'utf8', timeout: 120_000 })

// A documents-only copy of the repo: its own README.md and docs/, the real bench results.
const copy = mkdtempSync(join(tmpdir(), 'vtex-session-react-figures-'))
mkdirSync(join(copy, 'docs'))
symlinkSync(join(root, 'bench'), join(copy, 'bench'), 'dir')
afterAll(() => rmSync(copy, { recursive: true, force: true }))

/** Writes the copy's two documents, then runs --check there. */
function checkCopy(readme: string, guide: string, ...required: string[]) {
  writeFileSync(join(copy, 'README.md'), readme)
  writeFileSync(join(copy, 'docs/guide.md'), guide)
  return figures(copy, '--check', ...required)
}

describe('docs-figures --check', () => {
  it('passes on this repo: every region of README.md and docs/*.md is current', () => {
    // The figures the docs must carry: a document that loses one of these regions fails too.
    const { status, stderr } = figures(root, '--check', 'README.md:size-summary', 'docs/benchmarks.md:bench', 'docs/benchmarks.md:sizes')
    expect(stderr).toBe('')
    expect(status).toBe(0)
  })

  it('fails on a stale region with a diff naming the file and region, until --write fills it', () => {
    const stale = checkCopy('# Copy\n\n<!-- figures:bench -->\n| stale |\n<!-- /figures:bench -->\n', '# Guide\n')
    expect(stale.status).toBe(1)
    expect(stale.stderr).toContain('README.md:3: region "bench" differs from the generated figures:\n--- README.md (figures:bench, as written)\n+++ generated\n')
    expect(stale.stderr).toContain('\n- | stale |\n')
    expect(stale.stderr).toContain('\n+ ### Session Manager requests\n')

    expect(figures(copy, '--write').status).toBe(0)
    expect(figures(copy, '--check').status).toBe(0)
    const printed = spawnSync(process.execPath, [join(root, 'bench/report.mjs')], { cwd: root, encoding: 'utf8', timeout: 30_000 }).stdout
    expect(readFileSync(join(copy, 'README.md'), 'utf8')).toBe(`# Copy\n\n<!-- figures:bench -->\n\n${printed}\n<!-- /figures:bench -->\n`)
  })

  it('fails on a region it does not know and on a document lacking a region it is asked for', () => {
    const unknown = checkCopy('# Copy\n', '# Guide\n\n<!-- figures:benchmark -->\n<!-- /figures:benchmark -->\n')
    expect(unknown).toMatchObject({ status: 1, stderr: expect.stringContaining('docs/guide.md:3: unknown region "benchmark"') })
    const lacking = checkCopy('# Copy\n', '# Guide\n', 'docs/guide.md:sizes')
    expect(lacking).toMatchObject({ status: 1, stderr: expect.stringContaining('docs/guide.md: lacks the region "sizes"') })
  })
})
