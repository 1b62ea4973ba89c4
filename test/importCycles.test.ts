// @vitest-environment node
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const SOURCE = resolve(dirname(fileURLToPath(import.meta.url)), '../src')

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(entry.name) ? [path] : []
  })
}

/** The file a relative specifier names (`./x` → x.ts, x.tsx or x/index.ts); packages are left out. */
function resolveRelative(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined
  const base = resolve(dirname(from), specifier)
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((path) => /\.tsx?$/.test(path) && existsSync(path))
}

/**
 * Every file's relative imports, `import type` and `export … from` included: a type-only cycle
 * still ties two modules into one concern and comes back as a runtime cycle at the first value import.
 */
function importGraph(files: readonly string[]): Map<string, string[]> {
  return new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
      return [file, importedFiles.flatMap(({ fileName }) => resolveRelative(file, fileName) ?? [])]
    }),
  )
}

/** A cycle (`a → b → a`) for each back edge a depth-first search meets: none exactly when the graph has none. */
function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = []
  const done = new Set<string>()
  const path: string[] = []
  function visit(file: string): void {
    const start = path.indexOf(file)
    if (start >= 0) return void cycles.push([...path.slice(start), file])
    if (done.has(file)) return
    path.push(file)
    for (const next of graph.get(file) ?? []) visit(next)
    path.pop()
    done.add(file)
  }
  for (const file of graph.keys()) visit(file)
  return cycles
}

describe('the import graph of src/', () => {
  it('has no cycle (type-only imports included)', () => {
    const cycles = cyclesOf(importGraph(sourceFiles(SOURCE))).map((cycle) => cycle.map((file) => relative(SOURCE, file)).join(' → '))
    expect(cycles).toEqual([])
  })

  it('is read: the graph sees imports, type imports and re-exports', () => {
    // Guards the check itself: a graph with no edges would have no cycle either.
    const graph = importGraph([join(SOURCE, 'testing/index.ts')])
    expect(graph.get(join(SOURCE, 'testing/index.ts'))).toContain(join(SOURCE, 'core/SessionError.ts'))
  })
})
