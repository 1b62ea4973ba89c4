import { useSessionSource } from 'vtex-session-react'
import { createCheckoutClient, type CheckoutClient } from '../createCheckoutClient'

const defaultClients = new Map<string, CheckoutClient>()

/** The client given, else one per origin on the provider's Session Manager origin (one identity per origin). */
export function useCheckoutClient(client?: CheckoutClient): CheckoutClient {
  const { baseUrl } = useSessionSource().client
  if (client) return client
  const known = defaultClients.get(baseUrl) ?? createCheckoutClient({ baseUrl })
  defaultClients.set(baseUrl, known)
  return known
}
