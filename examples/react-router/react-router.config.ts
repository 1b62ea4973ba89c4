import type { Config } from '@react-router/dev/config'

// Server rendering on: every page is read for the shopper's session and priced for their segment.
export default { appDirectory: 'app', ssr: true } satisfies Config
