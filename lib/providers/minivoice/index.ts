import type { ProviderDefinition } from '@/lib/providers/types';
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
};
