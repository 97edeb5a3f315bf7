import { step } from '@/lib/providers/lifecycle';
import type { ProviderLifecycle } from '@/lib/providers/types';

// What it sends over a call's life (../shared/spec/providers.md §1.2 (Mirai v1)).
export const miraiLifecycle: ProviderLifecycle = {
  events: [
    ['call.initiate', 'Queued and dialling'],
    ['call.validation-failed', 'Number failed pre-call validation'],
    ['call.skip', 'Skipped (DND number or outside calling hours)'],
    ['call.in-progress', 'Answered; conversation started'],
    ['action', 'Agent asked for a business action'],
    ['call.busy', 'Line busy'],
    ['call.no-answer', 'Not picked up'],
    ['call.failed', 'Connection failed'],
    ['call.timeout', 'Hit the maximum call duration'],
    ['call.ended', 'Line dropped; processing'],
    ['call.completed', 'Recording and duration processed'],
    ['end-of-call', 'Analysis ready: summary, success, credits'],
    ['call.rescheduled', 'Callback scheduled; another attempt follows'],
    ['call.aborted', 'Cancelled through the abort API'],
    ['call.lifecycle-ended', 'Final event: no more attempts'],
  ],
  opens: ['call.initiate'],
  // Aborted first: an abort is the attempt's last word whatever came before it.
  paths: [
    { kind: 'aborted', label: 'Aborted', when: ['call.aborted'], steps: [step('Aborted', 'call.aborted')] },
    {
      kind: 'timeout',
      label: 'Answered, hit the time limit',
      when: ['call.timeout'],
      steps: [step('Initiated', 'call.initiate'), step('Answered', 'call.in-progress'), step('Timed out', 'call.timeout'), step('Analysis', 'end-of-call')],
    },
    {
      kind: 'answered',
      label: 'Answered',
      when: ['call.in-progress', 'call.ended', 'call.completed', 'end-of-call'],
      steps: [
        step('Initiated', 'call.initiate'),
        step('Answered', 'call.in-progress'),
        step('Ended', 'call.ended'),
        step('Completed', 'call.completed'),
        step('Analysis', 'end-of-call'),
      ],
    },
    {
      kind: 'not_connected',
      label: 'Not connected',
      when: ['call.busy', 'call.no-answer', 'call.failed'],
      steps: [step('Initiated', 'call.initiate'), step('Busy, no answer or failed', ['call.busy', 'call.no-answer', 'call.failed'])],
    },
    {
      kind: 'validation_failed',
      label: 'Failed validation',
      when: ['call.validation-failed'],
      steps: [step('Initiated', 'call.initiate', { optional: true }), step('Validation failed', 'call.validation-failed')],
    },
    { kind: 'skipped', label: 'Skipped', when: ['call.skip'], steps: [step('Skipped', 'call.skip')] },
  ],
  fallback: 'answered',
  closing: [step('Lifecycle ended', 'call.lifecycle-ended')],
  // "Final event: no more attempts" (§1.2): whatever comes after it is late.
  terminal: 'call.lifecycle-ended',
};
