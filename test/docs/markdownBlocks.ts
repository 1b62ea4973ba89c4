/** A fenced ```ts / ```tsx block of a markdown document. */
export interface CodeBlock {
  lang: 'ts' | 'tsx'
  /** The fence's info words after the language, e.g. `['file=app/page.tsx']` or `['partial']`. */
  attributes: string[]
  /** `file=PATH`, if given: where the block goes in its document's project. */
  file?: string
  /** The word `partial`: a fragment that does not compile alone (skipped). */
  partial: boolean
  /** 1-based line of the opening fence in the markdown. */
  fenceLine: number
  code: string
}

// An opening fence: up to 3 spaces, 3+ backticks or tildes, then the info string.
const OPENING = /^( {0,3})(`{3,}|~{3,})(.*)$/

/** Every ```ts / ```tsx block, in order; other fences (bash, json, …) are stepped over whole. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split(/\r?\n/)
  const blocks: CodeBlock[] = []
  for (let index = 0; index < lines.length; index += 1) {
    const opening = OPENING.exec(lines[index]!)
    if (!opening) continue
    const [, indent, fence, info] = opening as unknown as [string, string, string, string]
    // Per CommonMark a closing fence is the same character, at least as long, with nothing after it.
    const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`)
    let end = index + 1
    while (end < lines.length && !closing.test(lines[end]!)) end += 1
    const [lang = '', ...attributes] = info.trim().split(/\s+/)
    if (lang === 'ts' || lang === 'tsx') {
      // Content lines lose the fence's indentation, as a renderer shows them.
      const code = lines.slice(index + 1, end).map((line) => line.replace(new RegExp(`^ {0,${indent.length}}`), ''))
      const file = attributes.find((word) => word.startsWith('file='))?.slice('file='.length)
      blocks.push({ lang, attributes, file, partial: attributes.includes('partial'), fenceLine: index + 1, code: code.join('\n') })
    }
    index = end
  }
  return blocks
}
