import { describe, expect, it, vi } from 'vitest'
import { sessionManagerOrigin, vtexAccountOrigin } from '../src/server/index'

describe('sessionManagerOrigin (VTEX_ACCOUNT, SESSION_MANAGER_URL)', () => {
  it('takes an account name and names its store', () => {
    expect(sessionManagerOrigin({ VTEX_ACCOUNT: 'mystore' })).toBe('https://mystore.vtexcommercestable.com.br')
    expect(vtexAccountOrigin('my-store-2')).toBe('https://my-store-2.vtexcommercestable.com.br')
  })

  it.each([
    ['a user and password', 'https://admin:s3cr3t-pass@store.example', 'admin:s3cr3t-pass'],
    ['a token in the query', 'https://store.example/?token=s3cr3t-token', 's3cr3t-token'],
    ['a fragment', 'https://store.example/#s3cr3t-frag', 's3cr3t-frag'],
  ])('refuses SESSION_MANAGER_URL with %s without repeating it in the error', (_, url, secret) => {
    let message = ''
    try {
      sessionManagerOrigin({ SESSION_MANAGER_URL: url })
    } catch (error) {
      message = String(error)
    }
    expect(message).toMatch(/SESSION_MANAGER_URL must be an absolute http\(s\) URL without credentials, query or fragment/)
    expect(message).not.toContain(secret)
  })

  it.each(['127.0.0.1:4000/#', 'evil.example?', 'MyStore', 'my.store', '-store', 'store/../x', ''])(
    'refuses VTEX_ACCOUNT=%j with a clear invalid-input error',
    (account) => {
      expect(() => vtexAccountOrigin(account)).toThrow(expect.objectContaining({ kind: 'invalid-input', message: expect.stringMatching(/VTEX_ACCOUNT must be an account name/) }))
    },
  )

  it('takes an absolute http(s) URL, without a trailing slash, before VTEX_ACCOUNT', () => {
    expect(sessionManagerOrigin({ SESSION_MANAGER_URL: 'http://127.0.0.1:4000/', VTEX_ACCOUNT: 'mystore' })).toBe('http://127.0.0.1:4000')
    expect(sessionManagerOrigin({ SESSION_MANAGER_URL: 'https://proxy.example/vtex' })).toBe('https://proxy.example/vtex')
  })

  it.each(['127.0.0.1:4000', '/api', 'ftp://host', 'http://user:pass@host', 'http://host/?x=1', 'http://host/#a', 'not a url'])(
    'refuses SESSION_MANAGER_URL=%j with a clear invalid-input error',
    (url) => {
      expect(() => sessionManagerOrigin({ SESSION_MANAGER_URL: url })).toThrow(
        expect.objectContaining({ kind: 'invalid-input', message: expect.stringMatching(/SESSION_MANAGER_URL must be an absolute http\(s\) URL/) }),
      )
    },
  )

  it('says what to set when neither is', () => {
    expect(() => sessionManagerOrigin({})).toThrow(/Set SESSION_MANAGER_URL \(e\.g\. the emulator\) or VTEX_ACCOUNT/)
  })
})

describe('the Storybook proxy at start', () => {
  it('refuses a VTEX_ACCOUNT that is not an account name when its config loads', async () => {
    vi.stubEnv('VTEX_ACCOUNT', '127.0.0.1:4000/#')
    vi.resetModules()
    await expect(import('../.storybook/main')).rejects.toThrow(/VTEX_ACCOUNT must be an account name/)
    vi.unstubAllEnvs()
  })
})
