import type { ProviderDefinition } from '@/lib/providers/types';
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
};
