import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { storyNameFromExport, toId } from 'storybook/internal/csf'
import { describe, expect, it } from 'vitest'

// The README's and the docs' pictures are made by the browser tests (test/e2e, into docs/images on
// every run), never by hand: each picture a document shows must be one a browser test writes, and
// each picture there must be shown somewhere.

const root = process.cwd()
const documents = ['README.md', ...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => join('docs', name))]
const e2eSources = readdirSync(join(root, 'test', 'e2e'))
  .filter((name) => name.endsWith('.ts'))
  .map((name) => readFileSync(join(root, 'test', 'e2e', name), 'utf8'))
  .join('\n')

/** `docs/images/…` paths a document shows (relative, or the README's raw GitHub URLs). */
function picturesOf(document: string): string[] {
  const text = readFileSync(join(root, document), 'utf8')
  return [...text.matchAll(/!\[[^\]]*\]\(([^)\s]+\.png)\)/g)].map(([, target = '']) => {
    const fromRepository = /\/main\/(docs\/images\/.+)$/.exec(target)?.[1]
    return fromRepository ?? relative(root, join(root, document, '..', target))
  })
}

/** The ids of the stories the repository defines (`title` and each exported story of stories/*.stories.tsx), as Storybook makes them. */
const storyIds = readdirSync(join(root, 'stories'))
  .filter((name) => name.endsWith('.stories.tsx'))
  .flatMap((name) => {
    const text = readFileSync(join(root, 'stories', name), 'utf8')
    const title = /^\s*title: '([^']+)'/m.exec(text)?.[1] ?? ''
    return [...text.matchAll(/^export const (\w+)/gm)].map(([, exported = '']) => toId(title, storyNameFromExport(exported)))
  })

const shown = new Map(documents.flatMap((document) => picturesOf(document).map((picture) => [picture, document] as const)))

function filesUnder(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : entry.name.endsWith('.png') ? [join(folder, entry.name)] : [],
  )
}

describe('the pictures of the README and the docs', () => {
  it('are all in docs/images', () => {
    expect([...shown.keys()].filter((picture) => !picture.startsWith('docs/images/'))).toEqual([])
    expect(shown.size).toBeGreaterThan(8)
  })

  it.each([...shown.keys()])('%s exists and a browser test writes it', (picture) => {
    expect(existsSync(join(root, picture)), `${picture}, shown in ${shown.get(picture)}`).toBe(true)
    const name = picture.replace(/^docs\/images\//, '')
    // Written as join(DOC_IMAGES, 'name.png'), or for the stories join(DOC_IMAGES, 'stories', `${id}.png`).
    const written = name.startsWith('stories/') ? e2eSources.includes("join(DOC_IMAGES, 'stories', `${id}.png`)") : e2eSources.includes(`join(DOC_IMAGES, '${name}')`)
    expect(written, `no browser test writes ${picture}`).toBe(true)
  })

  it('shows one picture per story, of a story that exists', () => {
    const pictured = [...shown.keys()].filter((picture) => picture.startsWith('docs/images/stories/')).map((picture) => picture.replace(/^docs\/images\/stories\/|\.png$/g, ''))
    expect(storyIds.length).toBeGreaterThan(10)
    expect(pictured.sort()).toEqual([...storyIds].sort())
  })

  it('has no picture that no document shows', () => {
    expect(filesUnder('docs/images').filter((file) => !shown.has(file))).toEqual([])
  })
})
