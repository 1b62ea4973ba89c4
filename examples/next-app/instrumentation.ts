// Runs once when the Next.js server starts (`next start`, `next dev`), before any request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { mergeVaryHeader } = await import('./lib/mergeVaryHeader')
  // Pages a CDN may share must keep proxy.ts's `Vary: Cookie`: see mergeVaryHeader.
  mergeVaryHeader()
}
