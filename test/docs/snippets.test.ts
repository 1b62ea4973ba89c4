// Every ts/tsx snippet of README.md and docs/*.md compiles in a reader's Vite app against the
// built package (run `npm run build` first). One project per document; `partial` blocks are skipped.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { codeBlocks } from './markdownBlocks'
import { checkDocument, formatProblem } from './snippetProject'

const root = process.cwd()
const documents = [
  'README.md',
  ...(existsSync(join(root, 'docs')) ? readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).sort().map((name) => `docs/${name}`) : []),
]

describe.each(documents)('the snippets of %s', (document) => {
  const markdown = readFileSync(join(root, document), 'utf8')
  const partial = codeBlocks(markdown).filter((block) => block.partial)

  it('compile under Vite’s app settings against dist/', () => {
    const { problems } = checkDocument(document, markdown, root)
    expect(problems.map(formatProblem).join('\n')).toBe('')
  })

  // Listed so that the output names every snippet nobody type-checks.
  for (const block of partial) it.skip(`partial: ${block.file ?? 'block'} at ${document}:${block.fenceLine}`, () => {})
})
