import type { SessionClient } from './createSessionClient'
import { toPublicFieldValues } from './publicFields'
import { requestJson, type RequestOptions } from './request'
import { segmentSchema } from './schemas'
import { SessionError } from './SessionError'
import type { Segment } from './types'

/**
 * The segment the shopper's session would have with these public fields, with the session left
 * as it is: `GET /api/segments?cultureInfo=en-US…`, validated like every answer. The Session
 * Manager applies the fields it lets a preview override (its reference names `cultureInfo` and the
 * UTM values) and answers the others as the session has them. Fields are checked before any
 * request. It sends as `client` does (a client of `createSessionClient`: it has `settings`).
 */
export async function previewSegment(client: SessionClient, fields: Record<string, string>, options: RequestOptions = {}): Promise<Segment> {
  const preview = toPublicFieldValues(fields)
  if (!client.settings) throw new SessionError('invalid-input', 'previewSegment needs a client made by createSessionClient (one with settings)')
  return requestJson(client.settings, 'GET', `/api/segments?${new URLSearchParams(preview)}`, segmentSchema, 'segment', options)
}
