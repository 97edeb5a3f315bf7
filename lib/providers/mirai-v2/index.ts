import type { ProviderDefinition } from '@/lib/providers/types';
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
};
