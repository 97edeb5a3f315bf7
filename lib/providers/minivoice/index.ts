import type { ProviderDefinition } from '@/lib/providers/types';
import { miniVoiceLifecycle } from './lifecycle';
import { normalizeMiniVoice } from './normalize';
import { verifyMiniVoice } from './verify';

export const minivoice: ProviderDefinition = {
  id: 'minivoice',
  label: 'MiniVoice',
  envPrefix: 'MINIVOICE',
  storedHeaders: ['x-minivoice-timestamp', 'x-minivoice-signature', 'x-minivoice-event'],
  signatureHeaders: ['x-minivoice-signature'],
  isSigned: (headers) => headers.has('x-minivoice-signature'),
  verify: verifyMiniVoice,
  normalize: normalizeMiniVoice,
  lifecycle: miniVoiceLifecycle,
  notes: {
    noDetailPage: 'MiniVoice webhooks carry no link to a call page.',
    noTranscript: 'MiniVoice sends no transcript by webhook; it is only available from MiniVoice’s REST API.',
    noAnalysis: 'MiniVoice sends no AI results by webhook.',
  },
};
