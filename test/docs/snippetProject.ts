import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, normalize, isAbsolute, sep } from 'node:path'
import ts from 'typescript'
import { codeBlocks, type CodeBlock } from './markdownBlocks'

/** The compiler options of Vite's React + TypeScript app template (tsconfig.app.json), as a reader's app has them. */
export const VITE_APP_OPTIONS = {
  target: 'ES2022',
  useDefineForClassFields: true,
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  module: 'esnext',
  types: ['vite/client'],
  skipLibCheck: true,
  moduleResolution: 'bundler',
  allowImportingTsExtensions: true,
  verbatimModuleSyntax: true,
  moduleDetection: 'force',
  noEmit: true,
  jsx: 'react-jsx',
  strict: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  erasableSyntaxOnly: true,
  noFallthroughCasesInSwitch: true,
  noUncheckedSideEffectImports: true,
}

// What a snippet may import besides the package itself: the repo's own installs, linked in.
const LINKED_PACKAGES = [
  'react',
  'react-dom',
  '@types/react',
  '@types/react-dom',
  '@tanstack/react-query',
  'msw',
  'vitest',
  'vite',
  'next',
  'react-router',
  '@testing-library/react',
  '@vitejs/plugin-react',
]

export interface SnippetProblem {
  document: string
  /** 1-based line in the markdown; undefined for a problem outside the document's blocks. */
  line?: number
  /** The block's file in the project (`snippet-2.tsx`, or its `file=`), or a file outside it. */
  file?: string
  code: number
  message: string
}

export interface DocumentCheck {
  /** Blocks type-checked, by the file they became. */
  compiled: Array<{ name: string; fenceLine: number }>
  /** `partial` blocks, by name (their `file=`, else their line). */
  skipped: Array<{ name: string; fenceLine: number }>
  problems: SnippetProblem[]
  /** Every file the program read: proves where `vtex-session-react` resolved. */
  programFiles: string[]
}

export const formatProblem = ({ document, line, file, code, message }: SnippetProblem): string =>
  `${document}${line === undefined ? '' : `:${line}`}${file === undefined ? '' : ` (${file})`}: TS${code}: ${message}`

/** A `file=` path that stays inside the project, or undefined. */
function projectPath(file: string): string | undefined {
  const path = normalize(file)
  return isAbsolute(path) || path.startsWith('..') || path.startsWith('node_modules') ? undefined : path
}

/**
 * Type-checks the ts/tsx blocks of one markdown document as one project (Vite's app settings)
 * against the BUILT package: `vtex-session-react` is a link to `repoRoot`, so it resolves
 * through its `package.json` exports to `dist/`.
 */
export function checkDocument(document: string, markdown: string, repoRoot: string): DocumentCheck {
  const project = mkdtempSync(join(tmpdir(), 'vtex-session-react-snippets-'))
  try {
    const modules = join(project, 'node_modules')
    mkdirSync(join(modules, '@types'), { recursive: true })
    symlinkSync(repoRoot, join(modules, 'vtex-session-react'), 'dir')
    for (const name of LINKED_PACKAGES) {
      const target = join(repoRoot, 'node_modules', name)
      if (!existsSync(target)) continue
      mkdirSync(dirname(join(modules, name)), { recursive: true })
      symlinkSync(target, join(modules, name), 'dir')
    }
    writeFileSync(join(project, 'package.json'), '{ "name": "snippets", "private": true, "type": "module" }\n')

    const result: DocumentCheck = { compiled: [], skipped: [], problems: [], programFiles: [] }
    const byFile = new Map<string, CodeBlock>()
    let unnamed = 0
    for (const block of codeBlocks(markdown)) {
      if (block.partial) {
        result.skipped.push({ name: block.file ?? `block at line ${block.fenceLine}`, fenceLine: block.fenceLine })
        continue
      }
      const file = block.file === undefined ? `snippet-${(unnamed += 1)}.tsx` : projectPath(block.file)
      if (file === undefined || byFile.has(file)) {
        const message = file === undefined ? `file=${block.file} must be a relative path inside the project` : `a second block is written at ${file}`
        result.problems.push({ document, line: block.fenceLine, file: block.file, code: 0, message })
        continue
      }
      byFile.set(file, block)
      result.compiled.push({ name: file, fenceLine: block.fenceLine })
      mkdirSync(dirname(join(project, file)), { recursive: true })
      writeFileSync(join(project, file), `${block.code}\n`)
    }
    if (byFile.size === 0) return result

    const config = { compilerOptions: VITE_APP_OPTIONS, files: [...byFile.keys()] }
    // Written beside the snippets so that a failing project can be rerun by hand with `tsc -p`.
    writeFileSync(join(project, 'tsconfig.json'), `${JSON.stringify(config, null, 2)}\n`)
    const parsed = ts.parseJsonConfigFileContent(config, ts.sys, project)
    for (const error of parsed.errors) result.problems.push({ document, code: error.code, message: ts.flattenDiagnosticMessageText(error.messageText, '\n') })
    const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options })
    result.programFiles = program.getSourceFiles().map(({ fileName }) => fileName)

    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
      if (diagnostic.file === undefined) {
        result.problems.push({ document, code: diagnostic.code, message })
        continue
      }
      const relative = diagnostic.file.fileName.startsWith(project + sep) ? diagnostic.file.fileName.slice(project.length + 1) : diagnostic.file.fileName
      const block = byFile.get(relative)
      const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0)
      // The block's first code line is the one after its fence.
      result.problems.push({ document, line: block && block.fenceLine + 1 + line, file: relative, code: diagnostic.code, message })
    }
    return result
  } finally {
    rmSync(project, { recursive: true, force: true })
  }
}
