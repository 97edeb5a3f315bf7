import type { ProviderDefinition } from '@/lib/providers/types';
import { miraiV2Lifecycle } from './lifecycle';
import { normalizeMiraiV2 } from './normalize';
import { verifyMiraiV2 } from './verify';

export const miraiV2: ProviderDefinition = {
  id: 'mirai-v2',
  label: 'Mirai Minds v2',
  envPrefix: 'MIRAI_V2',
  storedHeaders: ['x-mirai-signature'],
  signatureHeaders: ['x-mirai-signature'],
  isSigned: (headers) => headers.has('x-mirai-signature'),
  verify: verifyMiraiV2,
  normalize: normalizeMiraiV2,
  lifecycle: miraiV2Lifecycle,
  notes: {
    noDetailPage: 'Mirai v2 webhooks carry no link to a call page; look the call id up in Mirai’s console.',
    noTranscript:
      'Mirai v2 sends the transcript with call.processed only when final results are enabled, and transcripts over 512 KB must be fetched from its API. None arrived for this call.',
    noAnalysis: 'Mirai v2 sends analysis with the call only when analysis is enabled for the agent.',
  },
  expectedEvents: { after: ['call.completed'], expect: ['call.processed'], graceMinutes: 15 },
};
