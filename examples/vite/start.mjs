// `npm run example:vite`: the README's Quick start as a running Vite app, on the Session Manager
// emulator (Checkout and Intelligent Search v1 over its demo catalog) started on 127.0.0.1: no
// VTEX account, no network. `startViteExample()` is what the browser test starts.
import { fileURLToPath } from 'node:url'
import { startSessionManagerServer } from '../../dist/testing/node.js'

export async function startViteExample({ port = 5173, emulator: emulatorOptions } = {}) {
  const emulator = await startSessionManagerServer(emulatorOptions)
  process.env.EMULATOR_URL = emulator.url
  const { createServer } = await import('vite')
  const server = await createServer({
    configFile: fileURLToPath(new URL('vite.config.ts', import.meta.url)),
    server: { host: '127.0.0.1', port, strictPort: port !== 0 },
    logLevel: 'warn',
  })
  await server.listen()
  const address = server.httpServer?.address()
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`
  return {
    url,
    emulator,
    close: async () => {
      await server.close()
      await emulator.close()
    },
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const app = await startViteExample({ port: Number(process.env.PORT ?? 5173) })
  console.log(`The Quick start app: ${app.url} (emulator on ${app.emulator.url}); the storefront: ${app.url}/storefront.html`)
  const stop = () => void app.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
