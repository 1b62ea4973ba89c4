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

/** The segment fields this library reads or types: text when present (the server sends `null` for unset). */
const SEGMENT_TEXT_FIELDS = ['campaigns', 'channel', 'priceTables', 'regionId', 'utm_campaign', 'utm_source', 'utmi_campaign', 'currencyCode', 'currencySymbol', 'countryCode', 'cultureInfo', 'channelPrivacy']

export const segmentSchema: z.ZodMiniType<Segment> = z.looseObject(Object.fromEntries(SEGMENT_TEXT_FIELDS.map((name) => [name, nullableText])))

export const sessionTokensSchema: z.ZodMiniType<SessionTokens> = z.looseObject({
  sessionToken: z.string(),
  segmentToken: z.string(),
})
