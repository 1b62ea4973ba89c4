// The region replacement of scripts/docs-figures.mjs, on fixture documents.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fillRegions, findRegions, lineDiff } from '../../scripts/figureRegions.mjs'

const fixture = (name: string) => readFileSync(join(process.cwd(), 'test/docs/fixtures', name), 'utf8')
const figures = { sizes: () => '| size |\n|---|\n| 1 B |', bench: () => 'already current', 'size-summary': () => 'unused' }

describe('figure regions', () => {
  it('replaces only what lies between the markers, with a blank line either side', () => {
    const { text, changes } = fillRegions(fixture('figures.md'), figures, 'figures.md')
    expect(text).toBe(fixture('figures.md').replace('| stale | table |', '\n| size |\n|---|\n| 1 B |\n'))
    expect(changes).toEqual([{ name: 'sizes', line: 5, before: ['| stale | table |'], after: ['', '| size |', '|---|', '| 1 B |', ''] }])
  })

  it('changes nothing the second time', () => {
    const once = fillRegions(fixture('figures.md'), figures, 'figures.md').text
    expect(fillRegions(once, figures, 'figures.md')).toEqual({ text: once, changes: [] })
  })

  it('ignores markers shown inside a code block', () => {
    expect(findRegions(fixture('figures.md'), 'figures.md').map(({ name }) => name)).toEqual(['sizes', 'bench'])
  })

  it('refuses a region name it does not know, naming the file and line', () => {
    expect(() => fillRegions(fixture('figures-unknown.md'), figures, 'docs/x.md')).toThrow('docs/x.md:3: unknown region "benchmarks" (known: sizes, bench, size-summary)')
  })

  it('refuses markers that are not alone on their line, unclosed or nested', () => {
    expect(() => findRegions('Size: <!-- figures:sizes -->\n<!-- /figures:sizes -->', 'a.md')).toThrow('a.md:1: a figures marker must be alone on its line')
    expect(() => findRegions('<!-- figures:sizes -->\ntext', 'a.md')).toThrow('a.md:1: region "sizes" is never closed')
    expect(() => findRegions('<!-- figures:sizes -->\n<!-- figures:bench -->', 'a.md')).toThrow('a.md:2: region "bench" opens inside region "sizes"')
    expect(() => findRegions('<!-- /figures:sizes -->', 'a.md')).toThrow('a.md:1: "/figures:sizes" closes no open region')
  })

  it('diffs lines as removed, added and kept', () => {
    expect(lineDiff(['a', 'b', 'c'], ['a', 'x', 'c'])).toEqual(['  a', '+ x', '- b', '  c'])
  })
})
