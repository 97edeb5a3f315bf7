import type { ProviderDefinition } from '@/lib/providers/types';
import { miraiLifecycle } from './lifecycle';
import { normalizeMirai } from './normalize';
import { verifyMirai } from './verify';

export const mirai: ProviderDefinition = {
  id: 'mirai',
  label: 'Mirai Minds',
  envPrefix: 'MIRAI',
  storedHeaders: ['x-signature', 'x-public-key'],
  signatureHeaders: ['x-signature'],
  isSigned: (headers) => headers.has('x-signature'),
  verify: verifyMirai,
  normalize: normalizeMirai,
  lifecycle: miraiLifecycle,
  notes: {
    noDetailPage: 'Mirai sent no link to its call page (detailUrl) for this call.',
    noTranscript: 'Mirai Minds v1 webhooks carry no transcript text. Read it on Mirai’s own call page.',
    noAnalysis: 'Mirai sends its analysis with the end-of-call event, which has not arrived for this call.',
  },
  expectedEvents: { after: ['call.ended', 'call.completed'], expect: ['end-of-call'], graceMinutes: 15 },
};
