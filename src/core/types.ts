/** One value stored in a session namespace, as the Session Manager returns it. */
export interface SessionValue {
  value: unknown
  keepAlive?: boolean
}

/** A namespace (`public`, `store`, `checkout`, `profile`, …): key → value. */
export type SessionNamespace = Record<string, SessionValue>

/**
 * The session as `GET /api/sessions?items=*` returns it. Unknown top-level fields
 * (`version`, `active`, `debug`, …) and unknown namespaces are kept as they come.
 */
export interface Session {
  id: string
  namespaces: Record<string, SessionNamespace>
}

/**
 * The commercial conditions shared by every shopper with the same `vtex_segment`
 * (fields as in the Session Manager's OpenAPI `Segment`). Any field may be `null`
 * or missing; unknown extra fields (e.g. `facets`) are kept.
 */
export interface Segment {
  campaigns?: string | null
  channel?: string | null
  priceTables?: string | null
  regionId?: string | null
  utm_campaign?: string | null
  utm_source?: string | null
  utmi_campaign?: string | null
  currencyCode?: string | null
  currencySymbol?: string | null
  countryCode?: string | null
  cultureInfo?: string | null
  channelPrivacy?: string | null
  [field: string]: unknown
}

/** What `POST` / `PATCH /api/sessions` answer without an `items` parameter. */
export interface SessionTokens {
  sessionToken: string
  segmentToken: string
}

/** Public fields to write: name → string value. */
export type PublicFieldValues = Record<string, string>

/**
 * Your app's own public fields, declared once for type checking:
 *
 * ```ts
 * declare module 'vtex-session-react' {
 *   interface PublicFields { favoriteStore: string; deliveryMode: 'pickup' | 'delivery' }
 * }
 * ```
 * `usePublicField('deliveryMode')` is then typed by it; undeclared names stay plain strings.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the app's declaration merging
export interface PublicFields {}

/** A declared field name, or any other public field name. */
export type PublicFieldName = keyof PublicFields | (string & {})

/** The value type of a field: what `PublicFields` declares for it, else `string`. */
export type PublicFieldValue<Name extends string> = Name extends keyof PublicFields ? Extract<PublicFields[Name], string> : string

/** Public fields to write in one PATCH, typed by `PublicFields` where declared. */
export type PublicFieldUpdate = keyof PublicFields extends never
  ? Record<string, string>
  : { [Name in keyof PublicFields]?: Extract<PublicFields[Name], string> } & Record<string, string>
