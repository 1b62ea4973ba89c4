import { fileURLToPath } from 'node:url'
import type { StorybookConfig } from '@storybook/react-vite'
import { vtexProxy } from '../stories/support/vtexProxy.ts'

// `VTEX_ACCOUNT=<name> npm start` serves the demos against a real store: the Session
// Manager paths are proxied to it and the emulator is switched off.
const account = process.env.VTEX_ACCOUNT ?? ''

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.tsx'],
  addons: ['msw-storybook-addon'],
  framework: { name: '@storybook/react-vite', options: {} },
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  env: (env) => ({ ...env, STORYBOOK_VTEX_ACCOUNT: account }),
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    // Examples import the package by name, as an app would; here it is the source.
    resolve: {
      ...viteConfig.resolve,
      alias: [
        { find: /^vtex-session-react\/testing$/, replacement: fileURLToPath(new URL('../src/testing/index.ts', import.meta.url)) },
        { find: /^vtex-session-react$/, replacement: fileURLToPath(new URL('../src/index.ts', import.meta.url)) },
      ],
    },
    server: account === '' ? viteConfig.server : { ...viteConfig.server, proxy: vtexProxy(`https://${account}.vtexcommercestable.com.br`) },
  }),
}

export default config
