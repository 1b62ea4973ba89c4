import { describe, expect, it } from 'vitest'
import { createSessionClient, previewSegment, type SessionError } from '../src/index'
import { mock, sessionRequests } from './harness'

const client = createSessionClient()
const failureOf = (promise: Promise<unknown>) => promise.then(() => undefined, (error: SessionError) => error)

describe('previewSegment: the segment some public fields would give, the session unchanged', () => {
  it('asks GET /api/segments with the fields in the query string and answers that segment; the session and its own segment keep their values', async () => {
    await client.getSession()
    const mark = sessionRequests().length
    const preview = await previewSegment(client, { cultureInfo: 'en-US', utm_campaign: 'bf-2026' })
    expect(preview).toMatchObject({ cultureInfo: 'en-US', utm_campaign: 'bf-2026', channel: '1', currencyCode: 'BRL' })
    expect(sessionRequests().slice(mark).map(({ method, path }) => `${method} ${path}`)).toEqual(['GET /api/segments?cultureInfo=en-US&utm_campaign=bf-2026'])
    expect(await client.getSegment()).toMatchObject({ cultureInfo: 'pt-BR', utm_campaign: null })
  })

  it('checks the fields before any request: not strings, no field, a name that is not a public field', async () => {
    const mark = sessionRequests().length
    expect(await failureOf(previewSegment(client, { cultureInfo: 3 } as unknown as Record<string, string>))).toMatchObject({ kind: 'invalid-input' })
    expect(await failureOf(previewSegment(client, {}))).toMatchObject({ kind: 'invalid-input' })
    expect(await failureOf(previewSegment(client, { 'bad name!': 'x' }))).toMatchObject({ kind: 'invalid-input' })
    expect(sessionRequests()).toHaveLength(mark)
  })

  it('validates the answer like every other: one that breaks the segment schema is invalid-response', async () => {
    mock.fail({ kind: 'schema' }, { method: 'GET', path: '/api/segments' })
    expect(await failureOf(previewSegment(client, { cultureInfo: 'en-US' }))).toMatchObject({ kind: 'invalid-response' })
  })
})
