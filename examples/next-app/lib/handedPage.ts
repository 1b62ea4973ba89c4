import type { PageForRequest, PageToFill } from 'vtex-session-react/server'

/**
 * The page `proxy.ts` decided on, handed to the page render in a request header, so a page costs
 * at most one Session Manager round trip. A shared page hands its segment (what it is priced
 * with: no session, nothing of the shopper's); a personal page hands the session it read. The
 * proxy always overwrites this header: a value sent by a browser never reaches the page.
 */
export const HANDED_PAGE = 'x-storefront-page'

export type HandedPage = PageToFill

export function encodeHandedPage(page: PageForRequest): string {
  const handed: HandedPage = page.kind === 'shared' ? { kind: 'shared', segment: page.segment } : { kind: 'personal', session: page.session, segment: page.segment }
  return Buffer.from(JSON.stringify(handed)).toString('base64url')
}

export function decodeHandedPage(value: string | null): HandedPage | undefined {
  if (!value) return undefined
  try {
    const handed = JSON.parse(Buffer.from(value, 'base64url').toString()) as HandedPage
    if (handed.kind === 'shared' && typeof handed.segment === 'object') return handed
    return handed.kind === 'personal' && typeof handed.session?.id === 'string' ? handed : undefined
  } catch {
    return undefined
  }
}
