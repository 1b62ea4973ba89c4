// `npm run example:react-router`: the storefront on http://127.0.0.1:3100 (PORT to change it),
// served by react-router-serve from the build. With neither SESSION_MANAGER_URL nor VTEX_ACCOUNT
// set, it starts the Session Manager emulator (Checkout and Intelligent Search v1 over its demo
// catalog) on 127.0.0.1 and points the storefront at it: no VTEX account, no network.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { startSessionManagerServer } from '../../dist/testing/node.js'

const env = { ...process.env, HOST: '127.0.0.1', PORT: process.env.PORT ?? '3100', NODE_ENV: 'production' }
let emulator
if (!env.SESSION_MANAGER_URL && !env.VTEX_ACCOUNT) {
  emulator = await startSessionManagerServer()
  env.SESSION_MANAGER_URL = emulator.url
  console.log(`No SESSION_MANAGER_URL or VTEX_ACCOUNT: using the emulator on ${emulator.url}`)
}
// The package's bin (its exports name no subpath for it).
const serve = fileURLToPath(new URL('../../node_modules/@react-router/serve/bin.js', import.meta.url))
// From the example's folder: react-router-serve finds the browser assets (build/client) relative to it.
const server = spawn(process.execPath, [serve, 'build/server/index.js'], { cwd: fileURLToPath(new URL('.', import.meta.url)), env, stdio: 'inherit' })
const stop = () => server.kill('SIGTERM')
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
server.on('exit', async (code) => {
  await emulator?.close()
  process.exit(code ?? 0)
})
