export { BINDING_ADDRESS_PARAM, bindingFor, bindingUrl } from './bindings'
export type { Binding } from './bindings'
export { createSessionClient } from './createSessionClient'
export { previewSegment } from './previewSegment'
export type { ReadOptions, SessionClient, SessionClientOptions, SessionItems } from './createSessionClient'
export type { RequestSettings } from './request'
export { isSessionError, SessionError } from './SessionError'
export type { SessionErrorKind } from './SessionError'
export { readSessionValue } from './readSessionValue'
export { UTM_FIELDS, utmFieldsOf } from './utm'
export { segmentKeyOf } from './segmentKey'
export { createRegionPredictor, predictSegment } from './regionPrediction'
export type { RegionPredictor, SegmentPrediction } from './regionPrediction'
export { segmentSchema, sessionSchema, sessionTokensSchema } from './schemas'
export { decodeSegmentToken, decodeSessionTokenUnverified } from './tokens'
export type { SessionTokenClaims } from './tokens'
export { stripPublicPrefix, toPublicFieldName, toPublicFieldValues, toRequestBody } from './publicFields'
export { normalizePostalCode, postalCodeProblem, toCountry, toRegionFields } from './regionInput'
export { currentCoordinates } from './geolocation'
export { toIdList, toLocaleFields, toSalesChannelFields } from './commerceInput'
export type { RegionInput } from './regionInput'
export type { IgnoredSource, RegionDecision, RegionSource, SavedAddress } from './regionResolver'
export type { GoogleRegion, GoogleRegionProblem } from './googleRegionId'
export type {
  PublicFieldName,
  PublicFields,
  PublicFieldUpdate,
  PublicFieldValue,
  PublicFieldValues,
  Segment,
  Session,
  SessionNamespace,
  SessionTokens,
  SessionValue,
} from './types'
