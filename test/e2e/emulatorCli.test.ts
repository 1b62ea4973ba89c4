import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// `npx vtex-session-emulator` (the package's bin, built to dist/testing/cli.js).
interface Running {
  child: ChildProcess
  url: string
  output: () => string
}

function startCli(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, ['dist/testing/cli.js', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1]
      if (url) resolve({ child, url, output: () => output })
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)))
  })
}

const exitOf = (child: ChildProcess) => new Promise<number | null>((resolve) => child.on('exit', resolve))

/** A `--catalog` file holding this JSON. */
function catalogFile(products: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'emulator-catalog-')), 'catalog.json')
  writeFileSync(file, JSON.stringify(products))
  return file
}

describe('vtex-session-emulator (bin)', () => {
  it('serves the Session Manager, the Checkout calls and, with --demo, the prices; stops cleanly on SIGTERM', async () => {
    const { child, url, output } = await startCli(['--demo'])
    const answer = await fetch(`${url}/api/sessions?items=*`)
    expect(answer.status).toBe(200)
    expect(answer.headers.getSetCookie()[0]).toMatch(/^vtex_session=/)
    expect(await (await fetch(`${url}/api/checkout/pub/regions?country=BRA&postalCode=22250-040`)).json()).toEqual([
      { id: 'v2.1BB18CE648B5111D0933734ED83EC783', sellers: [{ id: '1', name: 'storefront', logo: '' }] },
    ])
    expect((await fetch(`${url}/api/demo/prices`)).status).toBe(200)
    const exited = exitOf(child)
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(output()).toContain('Stopped (SIGTERM).')
  })

  it('serves no demo prices without --demo, answers the faults it is told to, and stops on SIGINT', async () => {
    const { child, url } = await startCli(['--fault', 'http:503', '--fault-method', 'PATCH', '--fault-times', '1'])
    expect((await fetch(`${url}/api/demo/prices`)).status).toBe(404)
    const patch = () => fetch(`${url}/api/sessions`, { method: 'PATCH', body: '{"public":{"a":{"value":"1"}}}' }).then((response) => response.status)
    expect(await patch()).toBe(503)
    expect(await patch()).toBe(200)
    const exited = exitOf(child)
    child.kill('SIGINT')
    expect(await exited).toBe(0)
  })

  it('serves Intelligent Search v1 without --demo over HTTP on 127.0.0.1: priced by the URL, with Cache-Control and no cookie', async () => {
    const { child, url } = await startCli(['--catalog', catalogFile([{ id: 'tee-1', name: 'Logo tee', price: 5990, regionPrices: { 'v2.1BB18CE648B5111D0933734ED83EC783': 5490 } }])])
    const search = await fetch(`${url}/api/intelligent-search/v1/product-search/?regionId=v2.1BB18CE648B5111D0933734ED83EC783`)
    expect(search.status).toBe(200)
    expect(search.headers.get('cache-control')).toBe('public, max-age=600')
    expect(search.headers.getSetCookie()).toEqual([])
    const page = (await search.json()) as { products: Array<{ items: Array<{ sellers: Array<{ commertialOffer: { Price: number } }> }> }> }
    expect(page.products[0]?.items[0]?.sellers[0]?.commertialOffer.Price).toBe(54.9)
    const exited = exitOf(child)
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  })

  it('sells the products of a --catalog file, in the cart and on /api/demo/prices', async () => {
    const { child, url } = await startCli(['--demo', '--catalog', catalogFile([{ id: 'tee-1', name: 'Logo tee', price: 5990 }])])
    expect(await (await fetch(`${url}/api/demo/prices`)).json()).toEqual([{ id: 'tee-1', name: 'Logo tee', price: 59.9, currencyCode: 'BRL', available: true }])
    const cart = (await (await fetch(`${url}/api/checkout/pub/orderForm`)).json()) as { orderFormId: string }
    const added = await fetch(`${url}/api/checkout/pub/orderForm/${cart.orderFormId}/items`, { method: 'POST', body: '{"orderItems":[{"id":"tee-1","quantity":1,"seller":"1"}]}' })
    expect(((await added.json()) as { value: number }).value).toBe(5990)
    const exited = exitOf(child)
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  })

  it('refuses a --catalog file the emulator cannot sell from, naming the product and field, with exit code 1', async () => {
    const child = spawn(process.execPath, ['dist/testing/cli.js', '--catalog', catalogFile([{ id: 'tee-1', name: 'Logo tee', price: 59.9 }])], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    expect(await exitOf(child)).toBe(1)
    expect(output).toContain('catalog[0].price must be a whole number of cents (8990 for 89.90), got 59.9')
  })

  it('refuses a bad flag with a clear message and exit code 1', async () => {
    const child = spawn(process.execPath, ['dist/testing/cli.js', '--fault', 'sometimes'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    expect(await exitOf(child)).toBe(1)
    expect(output).toContain('--fault must be http:<status>, network, schema or invalid-json, got "sometimes"')
  })
})
