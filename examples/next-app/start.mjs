// `npm run example`: the storefront on http://127.0.0.1:3000. With neither SESSION_MANAGER_URL nor
// VTEX_ACCOUNT set, it starts the Session Manager emulator (with Intelligent Search v1 over its demo catalog) on 127.0.0.1
// and points the storefront at it, so a first try needs no VTEX account.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { startSessionManagerServer } from '../../dist/testing/node.js'

const port = process.env.PORT ?? '3000'
const env = { ...process.env }
let emulator
if (!env.SESSION_MANAGER_URL && !env.VTEX_ACCOUNT) {
  emulator = await startSessionManagerServer()
  env.SESSION_MANAGER_URL = emulator.url
  console.log(`No SESSION_MANAGER_URL or VTEX_ACCOUNT: using the emulator on ${emulator.url}`)
}
const next = spawn(process.execPath, [fileURLToPath(import.meta.resolve('next/dist/bin/next')), 'start', fileURLToPath(new URL('.', import.meta.url)), '-H', '127.0.0.1', '-p', port], {
  env,
  stdio: 'inherit',
})
const stop = () => next.kill('SIGTERM')
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
next.on('exit', async (code) => {
  await emulator?.close()
  process.exit(code ?? 0)
})
