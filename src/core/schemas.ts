import * as z from 'zod/mini'
import type { Segment, Session, SessionTokens } from './types'

// zod/mini rather than zod: ~5 kB instead of ~90 kB in a storefront bundle.
// Loose objects everywhere: the Session Manager adds fields over time and we must not break.

const sessionValueSchema = z.looseObject({
  value: z.unknown(),
  keepAlive: z.optional(z.boolean()),
})

export const sessionSchema: z.ZodMiniType<Session> = z.looseObject({
  id: z.string(),
  namespaces: z.record(z.string(), z.record(z.string(), sessionValueSchema)),
})

const nullableText = z.nullish(z.string())

export const segmentSchema: z.ZodMiniType<Segment> = z.looseObject({
  campaigns: nullableText,
  channel: nullableText,
  priceTables: nullableText,
  regionId: nullableText,
  utm_campaign: nullableText,
  utm_source: nullableText,
  utmi_campaign: nullableText,
  currencyCode: nullableText,
  currencySymbol: nullableText,
  countryCode: nullableText,
  cultureInfo: nullableText,
  channelPrivacy: nullableText,
})

export const sessionTokensSchema: z.ZodMiniType<SessionTokens> = z.looseObject({
  sessionToken: z.string(),
  segmentToken: z.string(),
})
