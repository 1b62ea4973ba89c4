/** A sales channel of the emulated store (VTEX also calls it trade policy): what it sets and who may use it. */
export interface SalesChannelRule {
  currencyCode: string
  currencySymbol: string
  countryCode: string
  cultureInfo: string
  /** A private sales channel is only for logged-in shoppers whose email is allowed. */
  allowedEmails?: readonly string[]
}

/** A Campaign Audience: a session matches when every UTM value given here equals the session's. */
export interface CampaignAudience {
  id: string
  utm_source?: string
  utm_campaign?: string
  utmi_campaign?: string
}

/** Who a session is logged in as (see `mock.logIn`). */
export interface ShopperProfile {
  email: string
  /** The user id in `profile.id` (default: derived from the email). */
  id?: string
  /** B2B price lists this shopper buys with, e.g. `['b2b-gold']`. */
  priceTables?: readonly string[]
  /** The address saved in their profile: the Checkout API answers it (residential) for its postal code. */
  address?: SavedAddress
}

/** A shopper's saved address, as the Checkout API holds it for a logged-in shopper. */
export interface SavedAddress {
  addressId: string
  postalCode: string
  country: string
  city: string
  state: string
  street: string
  number: string
  neighborhood?: string
  receiverName: string
}

/** @deprecated since 0.2: use `SalesChannelRule`. */
export type TradePolicy = SalesChannelRule

/** Sales channel 1 is the store's default (from the store settings); these are the others. */
export const defaultSalesChannels: Readonly<Record<string, SalesChannelRule>> = {
  '2': { currencyCode: 'USD', currencySymbol: '$', countryCode: 'USA', cultureInfo: 'en-US' },
  '3': { currencyCode: 'BRL', currencySymbol: 'R$', countryCode: 'BRA', cultureInfo: 'pt-BR', allowedEmails: ['buyer@b2b.example'] },
}

/** @deprecated since 0.2: use `defaultSalesChannels`. */
export const defaultTradePolicies: Readonly<Record<string, SalesChannelRule>> = defaultSalesChannels

export const defaultCampaignAudiences: readonly CampaignAudience[] = [
  { id: 'black-friday', utm_campaign: 'black-friday' },
  { id: 'newsletter-readers', utm_source: 'newsletter' },
]

/** The audiences whose rules the public fields meet. */
export function matchingAudiences(audiences: readonly CampaignAudience[], fields: Record<string, string>): string[] {
  return audiences
    .filter(({ id: _id, ...rules }) =>
      Object.entries(rules).every(([field, value]) => value === undefined || fields[field] === value),
    )
    .map(({ id }) => id)
}

/**
 * Why the shopper may not switch to sales channel `sc`, as the HTTP status the Session
 * Manager answers: 400 for an unknown one; for a private one, 401 when anonymous and
 * 403 when logged in as someone not allowed. `undefined` when the switch is allowed.
 */
export function salesChannelRefusal(
  channels: Readonly<Record<string, SalesChannelRule>>,
  defaultChannel: string,
  sc: string,
  profile: ShopperProfile | undefined,
): 400 | 401 | 403 | undefined {
  if (sc === defaultChannel) return undefined
  const channel = channels[sc]
  if (channel === undefined) return 400
  if (channel.allowedEmails === undefined) return undefined
  if (profile === undefined) return 401
  return channel.allowedEmails.includes(profile.email) ? undefined : 403
}
