import type { Segment, Session, SessionNamespace } from '../core/types'
import { encodeSegmentToken, encodeSessionToken, sessionIdOf } from './encodeTokens'
import { matchingAudiences, salesChannelRefusal, type CampaignAudience, type ShopperProfile, type SalesChannelRule } from './commerce'
import { findRegion, type RegionRule } from './regions'

/** What the emulated store and its default sales channel answer with, before any shopper input. */
export interface StoreSettings {
  accountName: string
  channel: string
  priceTables: string | null
  campaigns: string | null
  currencyCode: string
  currencySymbol: string
  countryCode: string
  cultureInfo: string
  channelPrivacy: string
  /**
   * The place the store configures as its default (a storefront setting, like FastStore's default
   * postal code: the Session Manager itself never applies it). Demos pass it to `regionPolicy`.
   */
  defaultPlace: { country: string; postalCode: string }
}

export const defaultStoreSettings: StoreSettings = {
  accountName: 'storefront',
  channel: '1',
  priceTables: null,
  campaigns: null,
  currencyCode: 'BRL',
  currencySymbol: 'R$',
  countryCode: 'BRA',
  cultureInfo: 'pt-BR',
  channelPrivacy: 'public',
  // Avenida Paulista, São Paulo: in the demo regions.
  defaultPlace: { country: 'BRA', postalCode: '01310-100' },
}

interface StoredSession {
  id: string
  publicFields: Record<string, string>
  profile?: ShopperProfile
}

/** Sales channels and audiences beside the store settings. */
export interface CommerceRules {
  salesChannels: Readonly<Record<string, SalesChannelRule>>
  campaignAudiences: readonly CampaignAudience[]
}

const joined = (ids: readonly string[] | undefined): string | null => (ids && ids.length > 0 ? ids.join(',') : null)

const text = (value: string | undefined): string | null => value ?? null

/** A stable, uuid-shaped user id for an email (the emulator has no user store). */
function userIdOf(email: string): string {
  let hash = 0
  for (const char of email) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  return `00000000-0000-4000-a000-${hash.toString(16).padStart(12, '0')}`
}

/**
 * The emulator's state, free of msw so that other servers (SSR tests, a Node proxy)
 * can reuse it: sessions keyed by id, and the server-side transforms that derive
 * `store`, `checkout` and the segment from `public`.
 */
export function createSessionStore(regions: readonly RegionRule[], settings: StoreSettings, rules: CommerceRules) {
  const sessions = new Map<string, StoredSession>()
  const accountId = '0e914df8-c516-45bc-a45a-0aab6482eaf7'
  let nextId = 1

  function regionIdOf(session: StoredSession): string | undefined {
    const { country, postalCode, geoCoordinates } = session.publicFields
    return findRegion(regions, country, postalCode, geoCoordinates)?.regionId
  }

  /**
   * The sales channel the session is on and what it sets: `public.sc` while this shopper may use it,
   * else the store's default. vtex.store-session re-runs when the profile changes, so a log-out
   * leaves a private channel for the public one (the `sc` asked for stays in `public`).
   * https://developers.vtex.com/docs/guides/session-data-available-from-vtex-apps
   */
  function storeOf(session: StoredSession) {
    const asked = session.publicFields.sc
    const channel = asked && salesChannelRefusal(rules.salesChannels, settings.channel, asked, session.profile) === undefined ? asked : settings.channel
    const rule = rules.salesChannels[channel] ?? settings
    const { cultureInfo, locale } = session.publicFields
    return {
      channel,
      currencyCode: rule.currencyCode,
      currencySymbol: rule.currencySymbol,
      countryCode: rule.countryCode,
      // The locale follows the shopper's choice; currency and country follow the sales channel.
      cultureInfo: cultureInfo || locale || rule.cultureInfo,
      channelPrivacy: 'allowedEmails' in rule && rule.allowedEmails ? 'private' : settings.channelPrivacy,
    }
  }

  const campaignsOf = (session: StoredSession) => matchingAudiences(rules.campaignAudiences, session.publicFields)

  function namespacesOf(session: StoredSession): Record<string, SessionNamespace> {
    const publicNamespace: SessionNamespace = {}
    for (const [key, value] of Object.entries(session.publicFields)) publicNamespace[key] = { value }
    const regionId = regionIdOf(session)
    const store: SessionNamespace = {}
    for (const [key, value] of Object.entries(storeOf(session))) store[key] = { value }
    const { profile } = session
    const priceTables = joined(profile?.priceTables)
    const campaigns = joined(campaignsOf(session))
    return {
      account: { id: { value: accountId, keepAlive: true }, accountName: { value: settings.accountName } },
      store,
      public: publicNamespace,
      checkout: regionId === undefined ? {} : { regionId: { value: regionId } },
      profile: profile
        ? {
            isAuthenticated: { value: 'true' },
            // The shopper's user id: FastStore's ValidateSession shows a person only when it is there.
            id: { value: profile.id ?? userIdOf(profile.email) },
            email: { value: profile.email },
            ...(priceTables ? { priceTables: { value: priceTables } } : {}),
          }
        : { isAuthenticated: { value: 'false' } },
      ...(campaigns ? { rnb: { campaigns: { value: campaigns } } } : {}),
    }
  }

  function segmentOf(session: StoredSession): Segment {
    const { utm_campaign, utm_source, utmi_campaign, facets } = session.publicFields
    const { channel, currencyCode, currencySymbol, countryCode, cultureInfo, channelPrivacy } = storeOf(session)
    return {
      campaigns: joined(campaignsOf(session)) ?? settings.campaigns,
      channel,
      priceTables: joined(session.profile?.priceTables) ?? settings.priceTables,
      regionId: text(regionIdOf(session)),
      utm_campaign: text(utm_campaign),
      utm_source: text(utm_source),
      utmi_campaign: text(utmi_campaign),
      currencyCode,
      currencySymbol,
      countryCode,
      cultureInfo,
      channelPrivacy,
      // The delivery promise reaches the segment, as VTEX's does (only when the shopper set one).
      ...(facets ? { facets } : {}),
    }
  }

  return {
    /** The session a token names, if this emulator made it and it still exists. */
    find(sessionToken: string | undefined): StoredSession | undefined {
      const id = sessionIdOf(sessionToken)
      return id === undefined ? undefined : sessions.get(id)
    },
    create(): StoredSession {
      const id = `00000000-0000-4000-8000-${String(nextId++).padStart(12, '0')}`
      const session = { id, publicFields: {} }
      sessions.set(id, session)
      return session
    },
    edit(session: StoredSession, publicFields: Record<string, string>): void {
      Object.assign(session.publicFields, publicFields)
    },
    /** Logs the session with this id in (a profile) or out (`undefined`); false if there is none. */
    setProfile(id: string, profile: ShopperProfile | undefined): boolean {
      const session = sessions.get(id)
      if (session === undefined) return false
      session.profile = profile
      return true
    },
    tokensOf(session: StoredSession) {
      return { sessionToken: encodeSessionToken(session.id, accountId), segmentToken: encodeSegmentToken(segmentOf(session)) }
    },
    /** The session filtered by `items` (`*`, or `namespace.key` names), as GET answers it. */
    read(session: StoredSession, items: string): Session {
      const namespaces = namespacesOf(session)
      if (items.trim() === '*') return { id: session.id, namespaces }
      const picked: Session['namespaces'] = {}
      for (const item of items.split(',')) {
        const [namespace = '', key = ''] = item.trim().split('.')
        const value = namespaces[namespace]?.[key]
        if (value !== undefined) picked[namespace] = { ...picked[namespace], [key]: value }
      }
      return { id: session.id, namespaces: picked }
    },
    segmentOf,
    clear(): void {
      sessions.clear()
    },
  }
}

export type SessionStore = ReturnType<typeof createSessionStore>
export type { StoredSession }
