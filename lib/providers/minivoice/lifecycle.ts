import { step } from '@/lib/providers/lifecycle';
import type { ProviderLifecycle } from '@/lib/providers/types';

// What it sends over a call's life (../shared/spec/providers.md §2.2 (MiniVoice)).
export const miniVoiceLifecycle: ProviderLifecycle = {
  events: [
    ['call.created', 'Call created (dial, retry or inbound)'],
    ['call.answered', 'Answered'],
    ['call.gathered', 'Caller keyed in digits'],
    ['recording.started', 'Recording started'],
    ['recording.completed', 'Recording available'],
    ['recording.failed', 'Recording failed'],
    ['call.completed', 'Finished'],
    ['call.failed', 'Failed (no answer, busy or error)'],
    ['call.canceled', 'Canceled'],
  ],
  opens: ['call.created'],
  paths: [
    {
      kind: 'completed',
      label: 'Completed',
      when: ['call.completed'],
      steps: [
        step('Created', 'call.created'),
        // A call that is already in progress when created sends no call.answered.
        step('Answered', 'call.answered', { status: 'in_progress' }),
        step('Recording finished', ['recording.completed', 'recording.failed'], { onlyAfter: 'recording.started' }),
        step('Completed', 'call.completed'),
      ],
    },
    { kind: 'failed', label: 'Failed', when: ['call.failed'], steps: [step('Created', 'call.created'), step('Failed', 'call.failed')] },
    { kind: 'canceled', label: 'Canceled', when: ['call.canceled'], steps: [step('Created', 'call.created'), step('Canceled', 'call.canceled')] },
  ],
  fallback: 'completed',
};
