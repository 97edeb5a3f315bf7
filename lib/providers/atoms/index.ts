import type { ProviderDefinition } from '@/lib/providers/types';
import { atomsLifecycle } from './lifecycle';
import { normalizeAtoms } from './normalize';
import { verifyAtoms } from './verify';

export const atoms: ProviderDefinition = {
  id: 'atoms',
  label: 'Smallest.ai Atoms',
  envPrefix: 'ATOMS',
  storedHeaders: ['x-signature'],
  signatureHeaders: ['x-signature'],
  isSigned: (headers) => headers.has('x-signature'),
  verify: verifyAtoms,
  normalize: normalizeAtoms,
  lifecycle: atomsLifecycle,
  notes: {
    noDetailPage: 'Atoms webhooks carry no link to a call page; look the call id up in the Atoms call logs.',
    noTranscript: 'Atoms sends the transcript with post-conversation (call.end in the older format); none arrived for this call.',
    noAnalysis: 'Atoms sends its analysis with analytics-completed; none arrived for this call.',
  },
  // 'post-conversation' / 'analytics-completed': current format; 'call.end' / 'analytics.completed': the seed's.
  expectedEvents: { after: ['post-conversation', 'call.end'], expect: ['analytics-completed', 'analytics.completed'], graceMinutes: 15 },
};
