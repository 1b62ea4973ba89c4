import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { codeBlocks } from './markdownBlocks'

// examples/vite is the README's Quick start, running (`npm run example:vite`, browser-tested in
// test/e2e/viteApp.test.ts): its two source files are the README's, byte for byte.
const root = process.cwd()
const blocks = codeBlocks(readFileSync(join(root, 'README.md'), 'utf8'))

describe('examples/vite', () => {
  it.each(['src/main.tsx', 'src/App.tsx'])('%s is the README Quick start’s', (file) => {
    const block = blocks.find((candidate) => candidate.file === file)
    expect(block, `README.md has a ${file} block`).toBeDefined()
    expect(readFileSync(join(root, 'examples', 'vite', file), 'utf8')).toBe(`${block?.code}\n`)
  })
})
