// The generated regions of a markdown document: `<!-- figures:NAME -->` … `<!-- /figures:NAME -->`,
// each marker on its own line. Pure text in, text out, so that it is tested on fixtures.

const OPEN = /^\s*<!--\s*figures:([\w-]+)\s*-->\s*$/
const CLOSE = /^\s*<!--\s*\/figures:([\w-]+)\s*-->\s*$/
const ANY_MARKER = /<!--\s*\/?figures:/
const FENCE = /^ {0,3}(`{3,}|~{3,})/

export class FigureError extends Error {}

/** The regions of `text`, in order: name, marker lines (0-based) and the lines between them. */
export function findRegions(text, file) {
  const lines = text.split('\n')
  const regions = []
  let open
  let fence
  lines.forEach((line, index) => {
    // Markers shown inside a code block (a page explaining them) are not regions.
    const fenceMatch = FENCE.exec(line)
    if (fenceMatch) {
      if (fence === undefined) fence = fenceMatch[1]
      else if (fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = undefined
      return
    }
    if (fence !== undefined) return
    const at = `${file}:${index + 1}`
    const opening = OPEN.exec(line)
    const closing = CLOSE.exec(line)
    if (!opening && !closing) {
      if (ANY_MARKER.test(line)) throw new FigureError(`${at}: a figures marker must be alone on its line`)
      return
    }
    if (opening) {
      if (open) throw new FigureError(`${at}: region "${opening[1]}" opens inside region "${open.name}" (line ${open.start + 1})`)
      if (regions.some(({ name }) => name === opening[1])) throw new FigureError(`${at}: region "${opening[1]}" appears twice`)
      open = { name: opening[1], start: index }
      return
    }
    if (!open || open.name !== closing[1]) throw new FigureError(`${at}: "/figures:${closing[1]}" closes no open region of that name`)
    regions.push({ name: open.name, start: open.start, end: index, body: lines.slice(open.start + 1, index) })
    open = undefined
  })
  if (open) throw new FigureError(`${file}:${open.start + 1}: region "${open.name}" is never closed`)
  return regions
}

/** A region's lines as written: the figure, with a blank line either side so markdown renders it as a block. */
const bodyOf = (figure) => ['', ...figure.replace(/\n+$/, '').split('\n'), '']

/**
 * Fills every region of `text` from `figures` (name → function returning the markdown).
 * Returns the new text and the regions whose content changed, with their old and new lines.
 */
export function fillRegions(text, figures, file) {
  const lines = text.split('\n')
  const changes = []
  // From the last region up, so that earlier line numbers stay valid.
  for (const region of findRegions(text, file).reverse()) {
    const figure = figures[region.name]
    if (figure === undefined) throw new FigureError(`${file}:${region.start + 1}: unknown region "${region.name}" (known: ${Object.keys(figures).join(', ')})`)
    const body = bodyOf(figure())
    if (body.join('\n') === region.body.join('\n')) continue
    lines.splice(region.start + 1, region.body.length, ...body)
    changes.unshift({ name: region.name, line: region.start + 1, before: region.body, after: body })
  }
  return { text: lines.join('\n'), changes }
}

/** A line diff of two short texts (longest common subsequence): `-` lines removed, `+` added, `  ` kept. */
export function lineDiff(before, after) {
  const rows = before.length
  const columns = after.length
  const common = Array.from({ length: rows + 1 }, () => new Array(columns + 1).fill(0))
  for (let i = rows - 1; i >= 0; i -= 1)
    for (let j = columns - 1; j >= 0; j -= 1) common[i][j] = before[i] === after[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1])
  const out = []
  let i = 0
  let j = 0
  while (i < rows || j < columns) {
    if (i < rows && j < columns && before[i] === after[j]) {
      out.push(`  ${before[i]}`)
      i += 1
      j += 1
    } else if (j < columns && (i === rows || common[i][j + 1] >= common[i + 1][j])) {
      out.push(`+ ${after[j]}`)
      j += 1
    } else {
      out.push(`- ${before[i]}`)
      i += 1
    }
  }
  return out
}
