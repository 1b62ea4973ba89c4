// The snippet check itself, on fixture documents: it must catch what a reader's Vite app would reject.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkDocument, formatProblem } from './snippetProject'

const root = process.cwd()
const fixture = (name: string) => readFileSync(join(root, 'test/docs/fixtures', name), 'utf8')

describe('the snippet check', () => {
  it('fails on an unused import and on an undefined name, at their lines in the markdown', () => {
    const check = checkDocument('broken.md', fixture('broken.md'), root)
    expect(check.problems.map(formatProblem)).toEqual([
      "broken.md:6 (snippet-1.tsx): TS6133: 'useState' is declared but its value is never read.",
      "broken.md:18 (snippet-2.tsx): TS2304: Cannot find name 'price'.",
    ])
  })

  it('skips a partial block and names it', () => {
    const check = checkDocument('broken.md', fixture('broken.md'), root)
    expect(check.skipped).toEqual([{ name: 'block at line 23', fenceLine: 23 }])
    expect(check.compiled.map(({ name }) => name)).toEqual(['snippet-1.tsx', 'snippet-2.tsx'])
  })

  it('passes blocks that compile, file= blocks importing each other, against the built package in dist/', () => {
    const check = checkDocument('good.md', fixture('good.md'), root)
    expect(check.problems.map(formatProblem)).toEqual([])
    expect(check.compiled.map(({ name }) => name)).toEqual(['src/emulator.ts', 'src/App.tsx', 'snippet-1.tsx'])
    const packageFiles = check.programFiles.filter((file) => file.startsWith(`${root}/`) && !file.includes('/node_modules/'))
    expect(packageFiles).toContain(join(root, 'dist/index.d.ts'))
    expect(packageFiles).toContain(join(root, 'dist/testing/node.d.ts'))
    expect(packageFiles.filter((file) => file.startsWith(join(root, 'src')))).toEqual([])
  })
})
