import type { Meta, StoryObj } from '@storybook/react-vite'
import { useSession } from 'vtex-session-react'
import type { Fault } from 'vtex-session-react/testing'
import { useEffect } from 'react'
import { FaultsPlayground } from './examples/FaultsPlayground'
import { demoSessionManager } from './support/demoSessionManager'

const FAULTS: Record<string, Fault | null> = {
  none: null,
  'HTTP 500': { kind: 'http', status: 500 },
  'invalid JSON': { kind: 'invalid-json' },
  'schema-breaking JSON': { kind: 'schema' },
  'network error': { kind: 'network' },
}

interface FaultsArgs {
  latency: number
  fault: keyof typeof FAULTS
}

/** Applies the controls to the emulator once the first load has given us good data to keep. */
function FaultsStory({ latency, fault }: FaultsArgs) {
  const loaded = useSession().data !== undefined
  useEffect(() => {
    demoSessionManager.setLatency(latency)
    demoSessionManager.clearFaults()
    const chosen = FAULTS[fault]
    if (loaded && chosen) demoSessionManager.fail(chosen, { times: Number.MAX_SAFE_INTEGER })
  }, [latency, fault, loaded])
  return <FaultsPlayground />
}

const meta: Meta<FaultsArgs> = {
  title: 'Tools/Faults',
  component: FaultsStory,
  args: { latency: 250, fault: 'HTTP 500' },
  argTypes: {
    latency: { control: { type: 'range', min: 0, max: 3000, step: 50 } },
    fault: { control: 'select', options: Object.keys(FAULTS) },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Choose a latency and a fault for every Session Manager request after the first load. Writes reject with a typed ' +
          '`SessionError` (`http`, `invalid-response`, `network`), the hook’s `error` shows it, and the last good value stays.',
      },
    },
  },
}
export default meta

export const Default: StoryObj<FaultsArgs> = {}
