import { step } from '@/lib/providers/lifecycle';
import type { ProviderLifecycle } from '@/lib/providers/types';

// What it sends over a call's life (../shared/spec/providers.md §1.6 (Mirai v2)).
export const miraiV2Lifecycle: ProviderLifecycle = {
  events: [
    ['call.queued', 'Admitted to the queue (opt-in event)'],
    ['call.started', 'Media live'],
    ['call.completed', 'Connected and finished normally'],
    ['call.voicemail', 'Answering machine'],
    ['call.failed', 'Did not connect, or the pipeline failed'],
    ['call.aborted', 'Cancelled through the API'],
    ['call.processed', 'Analysis and post-call results ready'],
  ],
  opens: ['call.queued'],
  // call.queued is opt-in and call.processed comes only with analysis or final results enabled.
  paths: [
    {
      kind: 'completed',
      label: 'Completed',
      when: ['call.completed'],
      steps: [
        step('Queued', 'call.queued', { optional: true }),
        step('Started', 'call.started'),
        step('Completed', 'call.completed'),
        step('Processed', 'call.processed', { optional: true }),
      ],
    },
    {
      kind: 'voicemail',
      label: 'Voicemail',
      when: ['call.voicemail'],
      steps: [
        step('Queued', 'call.queued', { optional: true }),
        step('Started', 'call.started', { optional: true }),
        step('Voicemail', 'call.voicemail'),
        step('Processed', 'call.processed', { optional: true }),
      ],
    },
    { kind: 'failed', label: 'Failed', when: ['call.failed'], steps: [step('Queued', 'call.queued', { optional: true }), step('Failed', 'call.failed')] },
    { kind: 'aborted', label: 'Aborted', when: ['call.aborted'], steps: [step('Queued', 'call.queued', { optional: true }), step('Aborted', 'call.aborted')] },
  ],
  fallback: 'completed',
};
