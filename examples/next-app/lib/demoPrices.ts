import type { DemoProduct } from 'vtex-session-react/testing'
import { vtexCookiesOnly } from 'vtex-session-react/server'
import { sessionManagerUrl } from './sessionManagerUrl'

/** The emulator's demo catalog prices for the shopper's segment (their cookies say which). */
export async function fetchDemoPrices(cookie: string | null): Promise<DemoProduct[]> {
  const response = await fetch(`${sessionManagerUrl()}/api/demo/prices`, {
    headers: { cookie: vtexCookiesOnly(cookie), accept: 'application/json' },
    cache: 'no-store',
  })
  if (!response.ok) throw new Error(`Prices answered ${response.status}`)
  return (await response.json()) as DemoProduct[]
}
