import { useSessionSource, type SessionClient } from 'vtex-session-react'
import { createCheckoutClient, type CheckoutClient } from '../createCheckoutClient'

const defaultClients = new WeakMap<SessionClient, CheckoutClient>()

/**
 * The client given, else one made from the provider's SessionClient settings (origin, fetch,
 * headers, timeout): one identity per SessionClient, so Checkout requests go out as the session's do.
 */
export function useCheckoutClient(client?: CheckoutClient): CheckoutClient {
  const sessionClient = useSessionSource().client
  if (client) return client
  const known = defaultClients.get(sessionClient) ?? createCheckoutClient({ baseUrl: sessionClient.baseUrl, ...sessionClient.settings })
  defaultClients.set(sessionClient, known)
  return known
}
