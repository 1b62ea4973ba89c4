import { fileURLToPath } from 'node:url'
import type { StorybookConfig } from '@storybook/react-vite'
import { vtexAccountOrigin } from '../src/server/sessionManagerOrigin.ts'
import { vtexProxy } from '../stories/support/vtexProxy.ts'

// `VTEX_ACCOUNT=<name> npm start` serves the demos against a real store: the Session
// Manager paths are proxied to it and the emulator is switched off. Only an account name is
// taken (checked at start): the proxy forwards shopper cookies to it.
const account = process.env.VTEX_ACCOUNT ?? ''
const storeOrigin = account === '' ? '' : vtexAccountOrigin(account)

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.tsx'],
  addons: ['msw-storybook-addon'],
  framework: { name: '@storybook/react-vite', options: {} },
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  // A demo opens on the store, not on Storybook's own "Get started" checklist.
  features: { sidebarOnboardingChecklist: false },
  env: (env) => ({ ...env, STORYBOOK_VTEX_ACCOUNT: account }),
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    // Examples import the package by name, as an app would; here it is the source.
    resolve: {
      ...viteConfig.resolve,
      alias: [
        { find: /^vtex-session-react\/checkout$/, replacement: fileURLToPath(new URL('../src/checkout/index.ts', import.meta.url)) },
        { find: /^vtex-session-react\/search$/, replacement: fileURLToPath(new URL('../src/search/index.ts', import.meta.url)) },
        { find: /^vtex-session-react\/testing$/, replacement: fileURLToPath(new URL('../src/testing/index.ts', import.meta.url)) },
        { find: /^vtex-session-react$/, replacement: fileURLToPath(new URL('../src/index.ts', import.meta.url)) },
      ],
    },
    server: account === '' ? viteConfig.server : { ...viteConfig.server, proxy: vtexProxy(storeOrigin) },
  }),
}

export default config
