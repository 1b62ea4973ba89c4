import { ServerResponse } from 'node:http'

const MERGING = Symbol.for('storefront.mergeVaryHeader')

/** The fields of one or more `Vary` values, each once (compared without case), in order. */
function varyFields(...values: unknown[]): string[] {
  const fields = new Map<string, string>()
  for (const field of values.flat().flatMap((value) => (value === undefined ? [] : String(value).split(',')))) {
    const name = field.trim()
    if (name !== '' && !fields.has(name.toLowerCase())) fields.set(name.toLowerCase(), name)
  }
  return [...fields.values()]
}

/**
 * Makes a `Vary` set on a response add to the one it already has instead of replacing it.
 * Next 16's App Router page handler sets its own (`rsc, next-router-state-tree, …`) after
 * proxy.ts and next.config `headers()` have set theirs, so the `Vary: Cookie` of a page a CDN
 * may share was lost (vercel/next.js#85999) and one segment's page could be served to another.
 * Drop this once Next merges the header itself.
 */
export function mergeVaryHeader(): void {
  const prototype = ServerResponse.prototype as ServerResponse & { [MERGING]?: true }
  if (prototype[MERGING]) return
  prototype[MERGING] = true
  const setHeader = prototype.setHeader
  prototype.setHeader = function (this: ServerResponse, name, value) {
    if (name.toLowerCase() !== 'vary') return setHeader.call(this, name, value)
    return setHeader.call(this, name, varyFields(this.getHeader(name), value).join(', '))
  }
}
