// @vitest-environment node
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'

/** The library's core as a production bundle would run it (`process.env.NODE_ENV` is "production"). */
async function productionCore(): Promise<typeof import('../src/core/index')> {
  const output = await build({
    entryPoints: ['src/core/index.ts'],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    external: ['zod', 'zod/*'],
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  })
  const code = output.outputFiles[0]!.text.replace(/from "zod\/mini"/g, `from ${JSON.stringify(import.meta.resolve('zod/mini'))}`)
  return (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as typeof import('../src/core/index')
}

describe('misuse errors in a production build', () => {
  it('keep their kind and what was wrong, in a short message; what a shopper may see stays whole', async () => {
    const core = await productionCore()
    const errorOf = (run: () => unknown) => {
      try {
        run()
      } catch (error) {
        return error as Error & { kind?: string }
      }
      throw new Error('expected a throw')
    }
    expect(errorOf(() => core.toPublicFieldValues({ 'bad name': 'x' }))).toMatchObject({ kind: 'invalid-input', message: '"bad name" is not a valid public field name' })
    expect(errorOf(() => core.toPublicFieldValues({ a: 1 }))).toMatchObject({ kind: 'invalid-input', message: '"a" must be a string, got number' })
    expect(errorOf(() => core.toRegionFields({ country: 'BRA', geoCoordinates: [500, 0] }))).toMatchObject({
      kind: 'invalid-input',
      message: 'geoCoordinates must be [longitude, latitude]',
    })
    expect(errorOf(() => core.toCountry('Brazil'))).toMatchObject({ kind: 'invalid-input', message: 'country must be ISO 3166-1 alpha-3, got "Brazil"' })
    expect(errorOf(() => core.toSalesChannelFields('B2B'))).toMatchObject({ kind: 'invalid-input', message: 'Not a sales channel: "B2B"' })
    expect(errorOf(() => core.toLocaleFields('english'))).toMatchObject({ kind: 'invalid-input', message: 'Not a locale: "english"' })
    expect(errorOf(() => core.toRegionFields({ country: 'BRA', postalCode: '123' }))).toMatchObject({
      kind: 'invalid-input',
      message: '"123" is not a valid postal code for BRA (e.g. "22250-040")',
    })
  })
})
