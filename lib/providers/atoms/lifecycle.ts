import { step } from '@/lib/providers/lifecycle';
import type { ProviderLifecycle } from '@/lib/providers/types';

// What it sends over a call's life (../shared/spec/providers.md §3.2 and the seed format (Atoms)).
export const atomsLifecycle: ProviderLifecycle = {
  // Two dialects on one endpoint; an attempt is in one or the other.
  events: [
    ['call.start', 'Call connected (seed format)'],
    ['pre-conversation', 'Call starting, before the agent speaks'],
    ['call.end', 'Call ended: transcript and disposition (seed format)'],
    ['post-conversation', 'Call ended: transcript, recording and call data'],
    ['analytics.completed', 'Post-call metrics ready (seed format)'],
    ['analytics-completed', 'Post-call analytics ready'],
  ],
  opens: ['call.start', 'pre-conversation'],
  paths: [
    {
      kind: 'current',
      label: 'Call',
      when: ['pre-conversation', 'post-conversation', 'analytics-completed'],
      steps: [step('Pre-conversation', 'pre-conversation'), step('Post-conversation', 'post-conversation'), step('Analytics', 'analytics-completed')],
    },
    {
      kind: 'seed',
      label: 'Call (seed format)',
      when: ['call.start', 'call.end', 'analytics.completed'],
      steps: [step('Started', 'call.start'), step('Ended', 'call.end'), step('Analytics', 'analytics.completed')],
    },
  ],
  fallback: 'current',
};
