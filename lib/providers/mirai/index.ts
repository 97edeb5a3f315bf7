import type { ProviderDefinition } from '@/lib/providers/types';
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
};
